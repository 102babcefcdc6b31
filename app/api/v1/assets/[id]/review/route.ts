import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/api/handler";
import { decide } from "@/lib/review/decisions";
import { reviewDecisionRequest } from "@/lib/review/schema";

export const dynamic = "force-dynamic";

/** POST /api/v1/assets/{id}/review {decision, note?} → {state, decidedBy, decidedAt, history}. */
export const POST = route<{ id: string }>("review:decide", async (req, caller, { id }) => {
  const body = reviewDecisionRequest.parse(await readJson(req));
  return NextResponse.json(await decide(caller, id, body));
});
