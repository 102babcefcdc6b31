import { z } from "zod";

// Which events reach a person's inbox and their browser. Mentions always reach the inbox (as in Filestage):
// somebody asked for this person by name.

import { BROWSER_TYPES, NOTIFICATION_TYPES, type NotificationType } from "./notify-types";

export { BROWSER_TYPES, NOTIFICATION_TYPES, type NotificationType } from "./notify-types";

const channel = z.object({ inbox: z.boolean(), browser: z.boolean() });
export const notifySettings = z.object(
  Object.fromEntries(NOTIFICATION_TYPES.map((t) => [t, channel])) as Record<NotificationType, typeof channel>,
);
export type NotifySettings = z.infer<typeof notifySettings>;

export const DEFAULT_NOTIFY_SETTINGS: NotifySettings = Object.fromEntries(
  NOTIFICATION_TYPES.map((t) => [t, { inbox: true, browser: (BROWSER_TYPES as readonly string[]).includes(t) }]),
) as NotifySettings;

/** PATCH /api/v1/me/notification-settings: any subset of the types and channels. */
export const updateNotifySettingsRequest = z.object(
  Object.fromEntries(NOTIFICATION_TYPES.map((t) => [t, channel.partial().optional()])) as Record<
    NotificationType,
    z.ZodOptional<z.ZodObject<{ inbox: z.ZodOptional<z.ZodBoolean>; browser: z.ZodOptional<z.ZodBoolean> }>>
  >,
);

/** A stored value (JSON, possibly from an older shape) merged over the defaults; mentions always reach the inbox. */
export function readNotifySettings(raw: string | null | undefined): NotifySettings {
  let stored: unknown = {};
  try {
    stored = raw ? JSON.parse(raw) : {};
  } catch {
    stored = {};
  }
  const out = structuredClone(DEFAULT_NOTIFY_SETTINGS);
  if (stored && typeof stored === "object") {
    for (const t of NOTIFICATION_TYPES) {
      const v = (stored as Record<string, unknown>)[t];
      const p = channel.partial().safeParse(v);
      if (p.success) out[t] = { ...out[t], ...p.data };
    }
  }
  out.mention.inbox = true;
  return out;
}
