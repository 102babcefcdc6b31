"use client";

import { useTranslations } from "use-intl";
import { timecode } from "@/components/review/timecode";
import type { NotificationView } from "./use-notifications";

/** A notification's headline and detail line, in the reader's language. */
export function useNotificationText() {
  const tt = useNotificationTranslators();
  return (n: NotificationView) => notificationText(n, tt);
}

/** The translators notificationText needs (cheap: use-intl is on every page; the text code is not). */
export function useNotificationTranslators() {
  return {
    t: useTranslations("review.inbox"),
    ts: useTranslations("review.states"),
    tr: useTranslations("review.requests.states"),
  };
}
export type NotificationTranslators = ReturnType<typeof useNotificationTranslators>;

/** The same as a plain function: the bell loads it only when it has a browser notification to show. */
export function notificationText(n: NotificationView, { t, ts, tr }: NotificationTranslators) {
  const name = n.actor?.name ?? "—";
  // A decision's excerpt is its state: shown in the reader's language.
  const excerpt =
    n.type === "decision" && n.excerpt && ["in_review", "approved", "changes_requested", "rejected"].includes(n.excerpt)
      ? ts(n.excerpt as "approved")
      : n.type === "review_complete" &&
          n.excerpt &&
          ["pending", "approved", "changes_requested", "rejected"].includes(n.excerpt)
        ? tr(n.excerpt as "approved")
        : n.excerpt;
  if (n.type === "budget_threshold") {
    // The excerpt is "<budget> <percent>" (lib/spend/budget-alerts.ts): told in the reader's language.
    const [budget = "other", percent = "80"] = (n.excerpt ?? "").split(" ");
    return { title: t("types.budget_threshold", { budget, percent: Number(percent) }), detail: "" };
  }
  const title = t(`types.${n.type as "mention"}`, { name });
  const at = n.timeSeconds !== undefined ? t("at", { time: timecode(n.timeSeconds) }) : "";
  return { title, detail: [at, excerpt].filter(Boolean).join(" · ") };
}
