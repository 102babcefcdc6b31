import { NextResponse } from "next/server";
import { route } from "@/lib/api/handler";
import { stopTurn } from "@/lib/chat/active";
import { findConversation } from "@/lib/chat/conversations";

export const dynamic = "force-dynamic";

/** POST /api/v1/conversations/{id}/stop → {stopped}: aborts the answer in progress upstream; its partial text is kept. */
export const POST = route<{ id: string }>("chat:use", async (_req, caller, { id }) => {
  await findConversation(caller, id);
  return NextResponse.json({ stopped: await stopTurn(id) });
});
