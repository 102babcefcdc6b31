import { NextResponse } from "next/server";
import { route } from "@/lib/api/handler";
import { pumpTeam } from "@/lib/experiments/run";
import { experimentViewQuery } from "@/lib/experiments/schema";
import { getExperiment } from "@/lib/experiments/view";

export const dynamic = "force-dynamic";

/** GET /api/v1/experiments/{id}[?blind=1] → the grid: variants, rows, cells (blind: per-row column order). */
export const GET = route<{ id: string }>("team:read", async (req, caller, { id }) => {
  const q = experimentViewQuery.parse(Object.fromEntries(req.nextUrl.searchParams));
  const view = await getExperiment(caller, id, { blind: q.blind === "1" || q.blind === "true" });
  // A safety net for the end-of-generation hook (another process, a restart): waiting cells go when slots are free.
  if (view.status === "running") void pumpTeam(caller.teamId);
  return NextResponse.json(view);
});
