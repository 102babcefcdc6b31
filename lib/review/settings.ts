import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { readNotifySettings, type NotifySettings, type updateNotifySettingsRequest } from "./notify-settings";

export async function getNotifySettings(userId: string): Promise<NotifySettings> {
  const u = await db().user.findUnique({ where: { id: userId }, select: { notifySettings: true } });
  return readNotifySettings(u?.notifySettings);
}

export async function updateNotifySettings(
  userId: string,
  patch: z.output<typeof updateNotifySettingsRequest>,
): Promise<NotifySettings> {
  const current = await getNotifySettings(userId);
  for (const [type, v] of Object.entries(patch)) {
    if (v) Object.assign(current[type as keyof NotifySettings], v);
  }
  current.mention.inbox = true;
  await db().user.update({ where: { id: userId }, data: { notifySettings: JSON.stringify(current) } });
  return current;
}
