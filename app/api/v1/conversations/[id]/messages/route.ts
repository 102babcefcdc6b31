import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/api/handler";
import { consume } from "@/lib/auth/rate-limit";
import { listMessages } from "@/lib/chat/conversations";
import { runTurn } from "@/lib/chat/turn";

export const dynamic = "force-dynamic";

/** GET /api/v1/conversations/{id}/messages → {items} in order. */
export const GET = route<{ id: string }>("team:read", async (_req, caller, { id }) =>
  NextResponse.json({ items: await listMessages(caller, id) }),
);

/**
 * POST /api/v1/conversations/{id}/messages {action: send|edit|regenerate|continue, model, params, content,
 * attachments?, messageId?, system?} → text/event-stream: TD's chunks as they arrive, then one
 * `event: studio` with {type:"saved", message} (the stored answer). The turn is written before TD is
 * called; a stop or a broken stream keeps the partial answer. Checks fail with the usual JSON error;
 * a TD refusal before the first chunk answers JSON {error, message} with the stored (failed) answer.
 */
export const POST = route<{ id: string }>("chat:use", async (req, caller, { id }) => {
  await consume("chat", caller.userId);
  return runTurn(caller, id, await readJson(req), req.signal);
});
