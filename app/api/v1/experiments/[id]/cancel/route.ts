import { NextResponse } from "next/server";
import { route } from "@/lib/api/handler";
import { cancelExperiment } from "@/lib/experiments/manage";

export const dynamic = "force-dynamic";

/** Cancel the rest: waiting cells are dropped, sent ones cancelled where TD allows (stillRunning counts the others). */
export const POST = route<{ id: string }>("generation:create", async (_req, caller, { id }) => {
  return NextResponse.json(await cancelExperiment(caller, id));
});
