import { NextResponse } from "next/server";
import { route } from "@/lib/api/handler";
import { getGeneration } from "@/lib/generations/queries";

export const dynamic = "force-dynamic";

export const GET = route<{ id: string }>("team:read", async (_req, caller, { id }) => {
  return NextResponse.json(await getGeneration(caller, id));
});
