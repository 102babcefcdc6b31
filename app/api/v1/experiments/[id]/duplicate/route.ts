import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/api/handler";
import { consume } from "@/lib/auth/rate-limit";
import { duplicateExperiment } from "@/lib/experiments/manage";
import { duplicateExperimentRequest } from "@/lib/experiments/schema";
import { ownedExperiment } from "@/lib/experiments/view";

export const dynamic = "force-dynamic";

/** A new version with the given fields changed: dryRun → 200 the plan; else 201 {id, cells, estimate}. */
export const POST = route<{ id: string }>("generation:create", async (req, caller, { id }) => {
  await ownedExperiment(caller, id);
  const body = duplicateExperimentRequest.parse(await readJson(req));
  if (!body.dryRun) await consume("create", caller.userId);
  const made = await duplicateExperiment(caller, id, body);
  return NextResponse.json(made, { status: body.dryRun ? 200 : 201 });
});
