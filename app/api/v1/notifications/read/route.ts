import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/api/handler";
import { markRead } from "@/lib/review/notifications";
import { markReadRequest } from "@/lib/review/schema";

export const dynamic = "force-dynamic";

/** POST /api/v1/notifications/read {ids: [...]} | {all: true} → {marked, unreadCount}. */
export const POST = route("team:read", async (req, caller) => {
  const body = markReadRequest.parse(await readJson(req));
  return NextResponse.json(await markRead(caller, body));
});
