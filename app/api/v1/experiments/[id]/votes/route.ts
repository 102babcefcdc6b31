import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/api/handler";
import { voteRequest } from "@/lib/experiments/schema";
import { castVote } from "@/lib/experiments/votes";
import { ownedExperiment } from "@/lib/experiments/view";

export const dynamic = "force-dynamic";

/** POST {row, winner: variantIndex | "tie", against?, pair?, blind?} → the results with this vote counted. */
export const POST = route<{ id: string }>("review:decide", async (req, caller, { id }) => {
  await ownedExperiment(caller, id); // another team's experiment is a 404 whatever the body
  const body = voteRequest.parse(await readJson(req));
  return NextResponse.json(await castVote(caller, id, body));
});
