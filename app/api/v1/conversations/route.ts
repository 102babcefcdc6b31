import { NextResponse } from "next/server";
import { z } from "zod";
import { readJson, route } from "@/lib/api/handler";
import { createConversation, listConversations } from "@/lib/chat/conversations";
import { createConversationBody } from "@/lib/chat/schema";

export const dynamic = "force-dynamic";

const listQuery = z.object({
  q: z.string().max(200).optional(),
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

/** GET /api/v1/conversations?q=&cursor=&limit= → {items, nextCursor}; newest first, `q` searches titles and messages. */
export const GET = route("team:read", async (req, caller) => {
  const q = listQuery.parse(Object.fromEntries(req.nextUrl.searchParams));
  return NextResponse.json(await listConversations(caller, q));
});

/** POST /api/v1/conversations {title?, model?, settings?} → 201 the new conversation. */
export const POST = route("chat:use", async (req, caller) => {
  const body = createConversationBody.parse(await readJson(req));
  const c = await createConversation(caller, body);
  return NextResponse.json(c, { status: 201, headers: { Location: `/api/v1/conversations/${c.id}` } });
});
