"use client";

import { useTranslations } from "use-intl";
import { timecode } from "@/components/review/use-review";
import type { NotificationView } from "./use-notifications";

/** A notification's headline and detail line, in the reader's language. */
export function useNotificationText() {
  const t = useTranslations("review.inbox");
  return (n: NotificationView) => {
    const name = n.actor?.name ?? "—";
    const title = t(`types.${n.type as "mention"}`, { name });
    const at = n.timeSeconds !== undefined ? t("at", { time: timecode(n.timeSeconds) }) : "";
    return { title, detail: [at, n.excerpt].filter(Boolean).join(" · ") };
  };
}
