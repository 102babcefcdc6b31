"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { useTranslations } from "use-intl";
import { cn } from "@/components/ui/cn";
import type { NotificationTranslators } from "./notification-text";
import { useNotifySettings, useUnread } from "./use-notifications";

function BellIcon(props: React.SVGProps<SVGSVGElement>) {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} aria-hidden="true" {...props}>
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" strokeLinecap="round" strokeLinejoin="round" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" />
    </svg>
  );
}

/**
 * The bell with the unread count, live through the team's event stream (a slow poll while the stream is down). New notifications also become
 * browser notifications when the person allowed them and chose that event in Settings → Profile.
 */
export function NotificationBell({ className }: { className?: string }) {
  const t = useTranslations("review");
  const q = useUnread();
  const settings = useNotifySettings().data;
  // The texts' code loads only when there is a browser notification to show (few pages ever have one).
  const tt: NotificationTranslators = {
    t: useTranslations("review.inbox"),
    ts: useTranslations("review.states"),
    tr: useTranslations("review.requests.states"),
  };
  const ttRef = useRef(tt);
  useEffect(() => {
    ttRef.current = tt;
  });
  const seen = useRef<Set<string> | null>(null);
  const count = q.data?.unreadCount ?? 0;

  useEffect(() => {
    const items = q.data?.items;
    if (!items) return;
    // The first answer is what was already there: only later arrivals pop up.
    if (seen.current === null) {
      seen.current = new Set(items.map((n) => n.id));
      return;
    }
    const fresh = items.filter((n) => !seen.current!.has(n.id));
    for (const n of fresh) seen.current.add(n.id);
    if (typeof Notification === "undefined" || Notification.permission !== "granted" || !settings) return;
    const shown = fresh.filter((n) => settings[n.type as keyof typeof settings]?.browser && document.hidden);
    if (!shown.length) return;
    void import("./notification-text").then(({ notificationText }) => {
      for (const n of shown) {
        const { title, detail } = notificationText(n, ttRef.current);
        const note = new Notification(title, { body: detail, tag: n.id });
        note.onclick = () => {
          window.focus();
          window.location.assign(n.link);
        };
      }
    });
  }, [q.data, settings]);

  return (
    <Link
      href="/inbox"
      aria-label={t("bellUnread", { n: count })}
      data-testid="notification-bell"
      data-unread={count}
      className={cn(
        "relative inline-flex size-9 items-center justify-center rounded-lg text-muted hover:bg-surface-2 hover:text-fg",
        className,
      )}
    >
      <BellIcon className="size-5" />
      {count > 0 && (
        <span className="absolute -top-0.5 -right-0.5 min-w-[18px] rounded-full bg-danger px-1 text-center text-[11px] leading-[18px] font-semibold text-white">
          {count > 99 ? "99+" : count}
        </span>
      )}
    </Link>
  );
}
