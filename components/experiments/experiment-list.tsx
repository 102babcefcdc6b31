"use client";

import { FlaskConicalIcon, PlusIcon } from "lucide-react";
import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "use-intl";
import { Badge, Button, buttonClasses, EmptyState, Spinner } from "@/components/ui";
import { api } from "@/lib/client/api";
import { useErrorText } from "@/lib/client/error-text";
import { useLiveInterval } from "@/lib/client/team-events";
import { tKey } from "@/lib/i18n/dynamic-key";
import { EXPERIMENT_TONE } from "./status";
import type { ExperimentSummary } from "./types";

type Page = { items: ExperimentSummary[]; nextCursor: string | null };

/** The team's experiments, newest first (keyset pages); a running one refreshes itself. */
export function ExperimentList({ canCreate }: { canCreate: boolean }) {
  const t = useTranslations("experiments");
  const format = useFormatter();
  const errorText = useErrorText();
  const live = useLiveInterval();
  const q = useInfiniteQuery({
    queryKey: ["experiments"],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api<Page>(`/api/v1/experiments${pageParam ? `?cursor=${encodeURIComponent(pageParam)}` : ""}`),
    getNextPageParam: (p) => p.nextCursor,
    refetchInterval: (query) =>
      live.interval(query.state.data?.pages.some((p) => p.items.some((e) => e.status === "running")) ? 3000 : false),
  });
  if (q.isPending) return <Spinner className="mx-auto my-12" />;
  if (q.isError)
    return (
      <p role="alert" className="text-sm text-danger">
        {t("loadError", { message: errorText(q.error) })}
      </p>
    );
  const items = q.data.pages.flatMap((p) => p.items);
  if (!items.length)
    return (
      <EmptyState
        icon={<FlaskConicalIcon />}
        title={t("empty")}
        description={t("emptyHint")}
        className="rounded-xl border border-dashed border-border"
        actions={
          canCreate && (
            <Link href="/experiments/new" className={buttonClasses({ variant: "primary" })}>
              <PlusIcon />
              {t("new")}
            </Link>
          )
        }
      />
    );
  return (
    <div className="flex flex-col gap-3">
      <ul
        className="divide-y divide-border overflow-hidden rounded-xl border border-border bg-surface"
        data-testid="experiment-list"
      >
        {items.map((e) => (
          <li key={e.id}>
            <Link
              href={`/experiments/${e.id}`}
              className="flex flex-col gap-1 px-4 py-3 hover:bg-surface-2 focus-visible:bg-surface-2 sm:flex-row sm:items-center sm:gap-4"
            >
              <span className="min-w-0 flex-1 truncate font-medium text-fg">{e.name}</span>
              <span className="flex flex-wrap items-center gap-2 text-xs text-muted">
                <Badge tone={EXPERIMENT_TONE[e.status] ?? "neutral"} dot={e.status === "running"}>
                  {tKey(t, `status.${e.status}`, undefined, e.status)}
                </Badge>
                <span>{t("cellCount", { count: e.cells })}</span>
                {e.done !== undefined && e.status === "running" && (
                  <span>{t("doneCount", { done: e.done, total: e.cells })}</span>
                )}
                <time dateTime={e.createdAt}>{format.relativeTime(new Date(e.createdAt))}</time>
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {q.hasNextPage && (
        <Button
          variant="secondary"
          className="self-center"
          onClick={() => q.fetchNextPage()}
          loading={q.isFetchingNextPage}
        >
          {t("more")}
        </Button>
      )}
    </div>
  );
}
