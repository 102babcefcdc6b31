import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/api/handler";
import { deleteConversation, getConversation, updateConversation } from "@/lib/chat/conversations";
import { patchConversationBody } from "@/lib/chat/schema";

export const dynamic = "force-dynamic";

/** GET /api/v1/conversations/{id} → the conversation with its messages and usage totals. */
export const GET = route<{ id: string }>("team:read", async (_req, caller, { id }) =>
  NextResponse.json(await getConversation(caller, id)),
);

/** PATCH /api/v1/conversations/{id} {title?, model?, settings?} → the conversation (rename, switch model). */
export const PATCH = route<{ id: string }>("chat:use", async (req, caller, { id }) => {
  const body = patchConversationBody.parse(await readJson(req));
  return NextResponse.json(await updateConversation(caller, id, body));
});

/** DELETE /api/v1/conversations/{id} → 204 (its messages go with it; attached assets stay in the studio). */
export const DELETE = route<{ id: string }>("chat:use", async (_req, caller, { id }) => {
  await deleteConversation(caller, id);
  return new Response(null, { status: 204 });
});
