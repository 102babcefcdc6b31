import { NextResponse } from "next/server";
import { route } from "@/lib/api/handler";
import { cancelGeneration } from "@/lib/generations/cancel";

export const dynamic = "force-dynamic";

export const POST = route<{ id: string }>("generation:cancel", async (_req, caller, { id }) => {
  return NextResponse.json(await cancelGeneration(caller, id));
});
