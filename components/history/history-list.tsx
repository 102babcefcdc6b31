"use client";

import { HistoryIcon, VideoIcon } from "lucide-react";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "use-intl";
import { statusText, STATUS_TONE } from "@/components/generations/card-parts";
import { ArchiveLine, knownError, type ModelInfo } from "@/components/generations/generation-card";
import { Badge, Button, EmptyState, Field, Select } from "@/components/ui";
import { api, type GenerationView } from "@/lib/client/api";
import { STATUSES, TERMINAL } from "@/lib/generations/status";
import { formatDuration, useNow } from "@/lib/client/use-now";
import { tKey } from "@/lib/i18n/dynamic-key";
import { useErrorText } from "@/lib/client/error-text";
import { useLiveInterval } from "@/lib/client/team-events";

const PAGE_FOR_KIND: Record<string, string> = { video: "/video", image: "/image", speech: "/speech" };

export interface HistoryListProps {
  models: Record<string, ModelInfo & { kind: string; modes: string[] }>;
  filters: { id?: string; status?: string; model?: string; mode?: string };
}

type Page = { items: GenerationView[]; nextCursor: string | null };

export function HistoryList({ models, filters }: HistoryListProps) {
  const t = useTranslations("history");
  const errorText = useErrorText();
  const tg = useTranslations("generation");
  const locale = useLocale() as "zh" | "en";
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const qc = useQueryClient();
  const key = ["generations", filters];
  const live = useLiveInterval();

  const q = useInfiniteQuery({
    queryKey: key,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const sp = new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][]);
      if (pageParam) sp.set("cursor", pageParam);
      return api<Page>(`/api/v1/generations?${sp}`);
    },
    getNextPageParam: (last) => last.nextCursor,
    // Live while anything listed can still change; the studio's own records, never TD. The team's event
    // stream brings the changes; polling is the fallback (slow while the stream is healthy).
    refetchInterval: (query) => {
      const items = query.state.data?.pages.flatMap((p) => p.items) ?? [];
      return live.interval(
        items.some(
          (g) =>
            !TERMINAL.has(g.status) ||
            g.outputs.some((o) => o.asset.archiveState === "archiving" || o.asset.archiveState === "temporary"),
        )
          ? 1500
          : false,
      );
    },
  });
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  const anyActive = items.some((g) => !TERMINAL.has(g.status));
  const now = useNow(anyActive);

  const setFilter = (name: string, value: string) => {
    const sp = new URLSearchParams(search.toString());
    if (value) sp.set(name, value);
    else sp.delete(name);
    router.replace(`${pathname}${sp.size ? `?${sp}` : ""}`);
  };
  const refresh = () => qc.invalidateQueries({ queryKey: ["generations"] });

  const cancel = useMutation({
    mutationFn: (id: string) => api(`/api/v1/generations/${id}/cancel`, { method: "POST" }),
    onSettled: refresh,
  });
  const retry = useMutation({
    mutationFn: (g: GenerationView) =>
      api<GenerationView>("/api/v1/generations", {
        method: "POST",
        json: {
          model: g.model,
          mode: g.mode,
          prompt: g.prompt ?? undefined,
          params: g.params,
          inputs: g.inputs.map(({ role, assetId, url }) => (assetId ? { role, assetId } : { role, url })),
        },
      }),
    onSettled: refresh,
  });

  const filtered = !!(filters.id || filters.status || filters.model || filters.mode);
  const modeNames = [...new Set(Object.values(models).flatMap((m) => m.modes))];

  return (
    <div className="flex flex-col gap-4" data-live={live.healthy ? "on" : "off"}>
      <form
        role="search"
        aria-label={t("filters.label")}
        className="grid gap-3 rounded-xl border border-border bg-surface p-3 sm:grid-cols-[repeat(3,minmax(0,1fr))_auto] sm:items-end"
        onSubmit={(e) => e.preventDefault()}
      >
        <Field label={t("filters.status")}>
          <Select name="status" value={filters.status ?? ""} onChange={(e) => setFilter("status", e.target.value)}>
            <option value="">{t("filters.all")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {tg(`status.${s}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("filters.model")}>
          <Select name="model" value={filters.model ?? ""} onChange={(e) => setFilter("model", e.target.value)}>
            <option value="">{t("filters.all")}</option>
            {Object.entries(models).map(([id, m]) => (
              <option key={id} value={id}>
                {m.name[locale]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("filters.mode")}>
          <Select name="mode" value={filters.mode ?? ""} onChange={(e) => setFilter("mode", e.target.value)}>
            <option value="">{t("filters.all")}</option>
            {modeNames.map((m) => (
              <option key={m} value={m}>
                {tKey(t, `modes.${m}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Button variant="ghost" onClick={() => router.replace(pathname)} disabled={!filtered}>
          {t("filters.clear")}
        </Button>
      </form>

      {q.isError && (
        <p role="alert" className="rounded-lg border border-danger/25 bg-danger/5 p-3 text-sm text-danger">
          {t("loadError", { message: errorText(q.error) })}{" "}
          <Button size="sm" variant="secondary" onClick={() => q.refetch()}>
            {t("actions.retry")}
          </Button>
        </p>
      )}
      {retry.error && (
        <p role="alert" className="text-sm text-danger">
          {t("retryError", { message: errorText(retry.error) })}
        </p>
      )}

      {q.isSuccess && items.length === 0 ? (
        <EmptyState
          icon={<HistoryIcon />}
          title={filtered ? t("emptyFiltered") : t("empty")}
          description={filtered ? undefined : t("emptyHint")}
          actions={
            filtered ? (
              <Button onClick={() => router.replace(pathname)}>{t("filters.clear")}</Button>
            ) : (
              <Link className="text-sm font-medium text-accent-text underline-offset-4 hover:underline" href="/video">
                {t("actions.open")} →
              </Link>
            )
          }
        />
      ) : (
        <ul
          className="flex flex-col divide-y divide-border overflow-hidden rounded-xl border border-border bg-surface"
          data-testid="history-list"
        >
          {q.isPending && <li className="p-6 text-center text-sm text-muted">…</li>}
          {items.map((g) => {
            const model = models[g.model];
            const active = !TERMINAL.has(g.status);
            const start = new Date(g.submittedAt ?? g.createdAt).getTime();
            const elapsed = ((g.finishedAt ? new Date(g.finishedAt).getTime() : now) - start) / 1000;
            const out = g.outputs[0]?.asset;
            const page = PAGE_FOR_KIND[model?.kind ?? ""];
            return (
              <li
                key={g.id}
                className="flex flex-col gap-3 p-3 sm:flex-row sm:items-center"
                data-testid="history-row"
                data-status={g.status}
                data-generation-id={g.id}
              >
                <div className="relative aspect-video w-full shrink-0 overflow-hidden rounded-lg bg-surface-2 sm:w-32">
                  {out?.posterUrl ? (
                    // eslint-disable-next-line @next/next/no-img-element
                    <img src={out.posterUrl} alt="" className="size-full object-cover" loading="lazy" />
                  ) : out?.fileUrl && out.kind === "image" ? (
                    // eslint-disable-next-line @next/next/no-img-element
                    <img src={out.fileUrl} alt="" className="size-full object-cover" loading="lazy" />
                  ) : (
                    <div className="flex size-full items-center justify-center text-muted [&_svg]:size-6">
                      <VideoIcon aria-hidden="true" />
                    </div>
                  )}
                </div>
                <div className="min-w-0 flex-1">
                  <p className="line-clamp-2 text-sm text-fg">
                    {g.prompt || <span className="text-muted">{tg("noPrompt")}</span>}
                  </p>
                  <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted">
                    <span>{model?.name[locale] ?? g.model}</span>
                    <span aria-hidden="true">·</span>
                    <span>{tKey(t, `modes.${g.mode}`)}</span>
                    <span aria-hidden="true">·</span>
                    <time dateTime={g.createdAt}>
                      {new Date(g.createdAt).toLocaleString(locale === "zh" ? "zh-CN" : "en-US")}
                    </time>
                  </p>
                  {g.error && !active && (
                    <p className="mt-1 text-xs text-danger">
                      {knownError(tg, g.error.code) ?? g.error.message} ({g.error.code})
                    </p>
                  )}
                  {out && <div className="mt-1">{<ArchiveLine asset={out} />}</div>}
                </div>
                <div className="flex shrink-0 flex-wrap items-center gap-2 sm:flex-col sm:items-end">
                  <div className="flex items-center gap-2">
                    <Badge tone={STATUS_TONE[g.status] ?? "neutral"} dot={active}>
                      {statusText(tg, g)}
                      {g.progress != null && active ? ` ${g.progress}%` : ""}
                    </Badge>
                    <span className="text-xs text-muted tabular-nums">{formatDuration(elapsed)}</span>
                  </div>
                  <div className="flex gap-1">
                    {active && model?.cancel === "queued-only" && g.status === "queued" && (
                      <Button size="sm" variant="ghost" onClick={() => cancel.mutate(g.id)}>
                        {t("actions.cancel")}
                      </Button>
                    )}
                    {(g.status === "failed" || g.status === "expired" || g.status === "canceled") && (
                      <Button
                        size="sm"
                        variant="secondary"
                        onClick={() => retry.mutate(g)}
                        loading={retry.isPending && retry.variables?.id === g.id}
                      >
                        {t("actions.retry")}
                      </Button>
                    )}
                    {page && !active && (
                      <Link
                        href={`${page}?from=${g.id}`}
                        className="inline-flex h-8 items-center rounded-lg px-3 text-[13px] font-medium text-muted hover:bg-surface-2 hover:text-fg"
                      >
                        {t("actions.rerun")}
                      </Link>
                    )}
                  </div>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {q.hasNextPage && (
        <Button
          variant="secondary"
          className="self-center"
          onClick={() => q.fetchNextPage()}
          loading={q.isFetchingNextPage}
        >
          {t("loadMore")}
        </Button>
      )}
    </div>
  );
}
