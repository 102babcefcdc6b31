import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/api/handler";
import { consume } from "@/lib/auth/rate-limit";
import { createExperiment } from "@/lib/experiments/run";
import { createExperimentRequest, listExperimentsQuery } from "@/lib/experiments/schema";
import { listExperiments } from "@/lib/experiments/view";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/experiments: with dryRun → 200 {cells, estimate: {units, cost?, seconds}, plan, budget}, nothing
 * written or sent; without → 201 {id, cells, estimate} (cells written, then sent as the team's slots free).
 */
export const POST = route("generation:create", async (req, caller) => {
  const { dryRun, ...def } = createExperimentRequest.parse(await readJson(req));
  if (dryRun) return NextResponse.json(await createExperiment(caller, def, { dryRun: true }));
  await consume("create", caller.userId);
  const made = await createExperiment(caller, def);
  const id = "id" in made ? made.id : "";
  return NextResponse.json(made, { status: 201, headers: { Location: `/api/v1/experiments/${id}` } });
});

/** GET /api/v1/experiments?status=&cursor=&limit= → {items, nextCursor}, newest first. */
export const GET = route("team:read", async (req, caller) => {
  const q = listExperimentsQuery.parse(Object.fromEntries(req.nextUrl.searchParams));
  return NextResponse.json(await listExperiments(caller, q));
});
