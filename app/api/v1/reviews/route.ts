import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/api/handler";
import { createRequest, listRequests } from "@/lib/review/requests";
import { createReviewRequest, listReviewsQuery } from "@/lib/review/schema";

export const dynamic = "force-dynamic";

/** POST /api/v1/reviews {assetIds | boardId, reviewerIds | "team", dueAt?, note?} → 201 the request. */
export const POST = route("review:request", async (req, caller) => {
  const body = createReviewRequest.parse(await readJson(req));
  return NextResponse.json(await createRequest(caller, body), { status: 201 });
});

/** GET /api/v1/reviews?mine=waiting|reviewer|requested|involved&overdue=true → {items, nextCursor?}. */
export const GET = route("team:read", async (req, caller) => {
  const q = listReviewsQuery.parse(Object.fromEntries(req.nextUrl.searchParams));
  return NextResponse.json(await listRequests(caller, q));
});
