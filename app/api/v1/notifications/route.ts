import { NextResponse } from "next/server";
import { route } from "@/lib/api/handler";
import { listNotifications } from "@/lib/review/notifications";
import { listNotificationsQuery } from "@/lib/review/schema";

export const dynamic = "force-dynamic";

/** GET /api/v1/notifications?unread=true → {items, unreadCount, nextCursor?} (the caller's, in this team). */
export const GET = route("team:read", async (req, caller) => {
  const q = listNotificationsQuery.parse(Object.fromEntries(req.nextUrl.searchParams));
  return NextResponse.json(await listNotifications(caller, q));
});
