import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/api/handler";
import { updateNotifySettingsRequest } from "@/lib/review/notify-settings";
import { getNotifySettings, updateNotifySettings } from "@/lib/review/settings";

export const dynamic = "force-dynamic";

/** GET /api/v1/me/notification-settings → {<type>: {inbox, browser}} for every notification type. */
export const GET = route("signed-in", async (_req, caller) =>
  NextResponse.json(await getNotifySettings(caller.userId)),
);

/** PATCH /api/v1/me/notification-settings {<type>?: {inbox?, browser?}} → the whole settings (mentions always reach the inbox). */
export const PATCH = route("signed-in", async (req, caller) => {
  const body = updateNotifySettingsRequest.parse(await readJson(req));
  return NextResponse.json(await updateNotifySettings(caller.userId, body));
});
