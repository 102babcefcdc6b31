import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/api/handler";
import { deleteComment, updateComment } from "@/lib/review/comments";
import { updateCommentRequest } from "@/lib/review/schema";

export const dynamic = "force-dynamic";

/** PATCH /api/v1/comments/{id} {body?, resolved?} — edit one's own text; resolve or reopen a thread. */
export const PATCH = route<{ id: string }>("review:comment", async (req, caller, { id }) => {
  const body = updateCommentRequest.parse(await readJson(req));
  return NextResponse.json(await updateComment(caller, id, body));
});

/** DELETE /api/v1/comments/{id} — one's own comment (admins: any), with its replies. */
export const DELETE = route<{ id: string }>("review:comment", async (_req, caller, { id }) =>
  NextResponse.json(await deleteComment(caller, id)),
);
