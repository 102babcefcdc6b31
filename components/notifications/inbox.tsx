"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useLocale, useTranslations } from "use-intl";
import { Button, EmptyState, Switch } from "@/components/ui";
import { cn } from "@/components/ui/cn";
import { useErrorText } from "@/lib/client/error-text";
import { useNotificationText } from "./notification-text";
import { useInbox, useMarkRead, useUnread } from "./use-notifications";

/** The inbox: newest first, unread marked; a click marks read and opens the exact asset, comment and time. */
export function Inbox() {
  const t = useTranslations("review.inbox");
  const locale = useLocale();
  const router = useRouter();
  const errorText = useErrorText();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const q = useInbox(unreadOnly);
  const unread = useUnread().data?.unreadCount ?? 0;
  const mark = useMarkRead();
  const text = useNotificationText();
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-3">
        <Switch label={t("unreadOnly")} checked={unreadOnly} onCheckedChange={setUnreadOnly} />
        <Button
          size="sm"
          variant="secondary"
          className="ms-auto"
          disabled={unread === 0}
          loading={mark.isPending}
          onClick={() => mark.mutate({ all: true })}
        >
          {t("markAll")}
        </Button>
      </div>
      {q.isError ? (
        <p role="alert" className="text-sm text-danger">
          {t("error", { message: errorText(q.error) })}
        </p>
      ) : q.isPending ? null : items.length === 0 ? (
        <EmptyState title={unreadOnly ? t("emptyUnread") : t("empty")} />
      ) : (
        <ul
          className="flex flex-col divide-y divide-border rounded-xl border border-border bg-surface"
          data-testid="inbox"
        >
          {items.map((n) => {
            const { title, detail } = text(n);
            return (
              <li key={n.id} className="flex items-start gap-3 p-3" data-testid="inbox-item" data-read={n.read}>
                <span
                  aria-hidden="true"
                  className={cn("mt-2 size-2 shrink-0 rounded-full", n.read ? "bg-transparent" : "bg-accent")}
                />
                <button
                  type="button"
                  className="min-w-0 flex-1 text-start"
                  onClick={() => {
                    if (!n.read) mark.mutate({ ids: [n.id] });
                    router.push(n.link);
                  }}
                >
                  <span className={cn("block text-sm text-fg", !n.read && "font-semibold")}>{title}</span>
                  {detail && <span className="mt-0.5 block truncate text-sm text-muted">{detail}</span>}
                  <time dateTime={n.createdAt} className="mt-0.5 block text-xs text-muted">
                    {new Date(n.createdAt).toLocaleString(locale === "zh" ? "zh-CN" : "en-US")}
                  </time>
                </button>
                {!n.read && (
                  <Button size="sm" variant="ghost" onClick={() => mark.mutate({ ids: [n.id] })}>
                    {t("markRead")}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {q.hasNextPage && (
        <Button
          variant="secondary"
          onClick={() => q.fetchNextPage()}
          loading={q.isFetchingNextPage}
          className="self-center"
        >
          {t("loadMore")}
        </Button>
      )}
    </div>
  );
}
