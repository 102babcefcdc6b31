import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/api/handler";
import { createComment, listComments } from "@/lib/review/comments";
import { createCommentRequest, listCommentsQuery } from "@/lib/review/schema";

export const dynamic = "force-dynamic";

/** GET /api/v1/assets/{id}/comments → {items: [...], nextCursor?}, oldest first, each with its parentId. */
export const GET = route<{ id: string }>("team:read", async (req, caller, { id }) => {
  const q = listCommentsQuery.parse(Object.fromEntries(req.nextUrl.searchParams));
  return NextResponse.json(await listComments(caller, id, q));
});

/** POST /api/v1/assets/{id}/comments {body, timeSeconds?, endSeconds?, shapes?, parentId?} → 201 the comment. */
export const POST = route<{ id: string }>("review:comment", async (req, caller, { id }) => {
  const body = createCommentRequest.parse(await readJson(req));
  return NextResponse.json(await createComment(caller, id, body), { status: 201 });
});
