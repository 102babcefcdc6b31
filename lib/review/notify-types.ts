// The notification types, apart from the settings schema (notify-settings.ts) so the browser can list them
// without loading zod.

export const NOTIFICATION_TYPES = [
  "generation_succeeded",
  "generation_failed",
  "mention",
  "comment",
  "decision",
  "review_requested",
  "review_complete",
  "budget_threshold",
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** The events a browser notification is offered for (so a creator can leave the tab). */
export const BROWSER_TYPES = [
  "generation_succeeded",
  "generation_failed",
  "mention",
  "review_requested",
  "review_complete",
] as const;
