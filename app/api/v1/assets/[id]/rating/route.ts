import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/api/handler";
import { rate } from "@/lib/review/decisions";
import { ratingRequest } from "@/lib/review/schema";

export const dynamic = "force-dynamic";

/** PUT /api/v1/assets/{id}/rating {stars: 1–5} → {mine, average, count}. */
export const PUT = route<{ id: string }>("review:comment", async (req, caller, { id }) => {
  const body = ratingRequest.parse(await readJson(req));
  return NextResponse.json(await rate(caller, id, body));
});
