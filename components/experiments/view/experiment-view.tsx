"use client";

import { CopyPlusIcon, FlaskConicalIcon, GitCompareArrowsIcon, LayoutGridIcon, OctagonXIcon } from "lucide-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { useCan } from "@/components/auth/caller-context";
import { Badge, Button, buttonClasses, EmptyState, PageHeader, Segmented, Spinner } from "@/components/ui";
import { api, ApiError } from "@/lib/client/api";
import { useErrorText } from "@/lib/client/error-text";
import { tKey } from "@/lib/i18n/dynamic-key";
import { cellActive, cellNumber, EXPERIMENT_TONE } from "../status";
import type { ExperimentView as Experiment } from "../types";
import { BlindVote } from "./blind-vote";
import { mainOutput } from "./cell-card";
import { ExperimentGrid, type ModelNames } from "./grid";
import { PromoteBar } from "./promote-bar";
import { ResultsTable } from "./results-table";

export type ExperimentTab = "grid" | "blind" | "results";

/** How often a running experiment is read again: its cells change every few seconds while they run. */
const LIVE_MS = 1500;

/** The experiment page: the live grid, blind voting, results, and what to do with the winner. */
export function ExperimentView({
  id,
  models,
  tab: initialTab,
}: {
  id: string;
  models: ModelNames;
  tab: ExperimentTab;
}) {
  const t = useTranslations("experiments");
  const tv = useTranslations("experiments.view");
  const errorText = useErrorText();
  const qc = useQueryClient();
  const canRun = useCan("generation:create");
  const [tab, setTab] = useState<ExperimentTab>(initialTab);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const blind = tab === "blind";
  const q = useQuery({
    queryKey: ["experiment", id, blind ? "blind" : "open"],
    queryFn: () => api<Experiment>(`/api/v1/experiments/${id}${blind ? "?blind=1" : ""}`),
    refetchInterval: (query) => (query.state.data?.cells.some(cellActive) ? LIVE_MS : false),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ["experiment", id] });
  const cancel = useMutation({
    mutationFn: () => api(`/api/v1/experiments/${id}/cancel`, { method: "POST", json: {} }),
    onSettled: refresh,
  });
  const retry = useMutation({
    mutationFn: (n: number) => api(`/api/v1/experiments/${id}/cells/${n}/retry`, { method: "POST", json: {} }),
    onSettled: refresh,
  });
  const switchTab = (next: ExperimentTab) => {
    setTab(next);
    const url = new URL(window.location.href);
    if (next === "grid") url.searchParams.delete("view");
    else url.searchParams.set("view", next);
    window.history.replaceState(window.history.state, "", url);
  };

  if (q.isPending) return <Spinner className="mx-auto my-16" />;
  if (q.isError)
    return (
      <EmptyState
        icon={<FlaskConicalIcon />}
        title={
          q.error instanceof ApiError && q.error.status === 404
            ? tv("notFound")
            : tv("loadError", { message: errorText(q.error) })
        }
        actions={
          <Link href="/experiments" className={buttonClasses({ variant: "secondary" })}>
            {t("title")}
          </Link>
        }
      />
    );
  const exp = q.data;
  const done = exp.cells.filter((c) => !cellActive(c)).length;
  const active = exp.cells.some(cellActive);
  const picked = exp.cells.filter((c) => selected.has(cellNumber(c, exp.variants.length)) && mainOutput(c));
  const assetIds = picked.map((c) => mainOutput(c)!.assetId);

  return (
    <>
      <PageHeader
        title={exp.name}
        eyebrow={
          <span className="flex flex-wrap items-center gap-2 text-xs text-muted">
            <Link href="/experiments" className="hover:text-fg">
              {t("title")}
            </Link>
            <span aria-hidden="true">/</span>
            <Badge tone={EXPERIMENT_TONE[exp.status] ?? "neutral"} dot={active} data-testid="experiment-status">
              {tKey(t, `status.${exp.status}`, undefined, exp.status)}
            </Badge>
            <span className="tabular-nums" data-testid="experiment-progress">
              {tv("progress", { done, total: exp.cells.length })}
            </span>
          </span>
        }
        actions={
          <>
            {active && canRun && (
              <Button
                variant="secondary"
                onClick={() => cancel.mutate()}
                loading={cancel.isPending}
                data-testid="experiment-cancel"
              >
                <OctagonXIcon />
                {cancel.isPending ? tv("canceling") : tv("cancelRest")}
              </Button>
            )}
            <Link href={`/gallery?experiment=${exp.id}`} className={buttonClasses({ variant: "ghost" })}>
              <LayoutGridIcon />
              {tv("gallery")}
            </Link>
            {canRun && (
              <Link href={`/experiments/new?from=${exp.id}`} className={buttonClasses({ variant: "secondary" })}>
                <CopyPlusIcon />
                {tv("duplicate")}
              </Link>
            )}
          </>
        }
      />
      {(cancel.error || retry.error) && (
        <p role="alert" className="mb-3 text-sm text-danger">
          {errorText(cancel.error ?? retry.error)}
        </p>
      )}
      <Segmented
        legend={t("title")}
        name="experiment-tab"
        value={tab}
        onChange={switchTab}
        options={[
          { value: "grid", label: tv("grid") },
          { value: "blind", label: tv("blind") },
          { value: "results", label: tv("results") },
        ]}
        className="mb-4"
      />
      {tab === "grid" && (
        <div className="flex flex-col gap-3">
          <div className="flex min-h-9 flex-wrap items-center gap-2 text-sm" data-testid="selection-bar">
            {picked.length === 0 ? (
              <span className="text-muted">{tv("compareHint")}</span>
            ) : (
              <>
                <span className="font-medium text-fg">{tv("selected", { count: picked.length })}</span>
                {picked.length >= 2 && picked.length <= 4 && (
                  <Link
                    href={`/gallery/compare?ids=${assetIds.join(",")}`}
                    className={buttonClasses({ variant: "secondary" })}
                    data-testid="compare-cells"
                  >
                    <GitCompareArrowsIcon />
                    {tv("compare")}
                  </Link>
                )}
                <PromoteBar assetIds={assetIds} />
                <Button variant="ghost" onClick={() => setSelected(new Set())}>
                  {tv("clear")}
                </Button>
              </>
            )}
          </div>
          <ExperimentGrid
            exp={exp}
            models={models}
            selected={selected}
            onSelect={(n, on) =>
              setSelected((s) => {
                const next = new Set(s);
                if (on) next.add(n);
                else next.delete(n);
                return next;
              })
            }
            onRetry={canRun ? (n) => retry.mutate(n) : () => undefined}
            retrying={retry.isPending ? retry.variables : undefined}
          />
        </div>
      )}
      {tab === "blind" && <BlindVote exp={exp} models={models} onDone={() => switchTab("results")} />}
      {tab === "results" && <ResultsTable exp={exp} models={models} />}
    </>
  );
}
