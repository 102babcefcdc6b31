"use client";

import { SlidersHorizontalIcon, TrophyIcon } from "lucide-react";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "use-intl";
import { useMoney } from "@/components/spend/format";
import { buttonClasses, cn, EmptyState, Spinner } from "@/components/ui";
import { api } from "@/lib/client/api";
import { useErrorText } from "@/lib/client/error-text";
import { formatDuration } from "@/lib/client/use-now";
import type { ExperimentResults, ExperimentView } from "../types";
import { mainOutput, STUDIO_FOR_KIND } from "./cell-card";
import { useVariantTitle, type ModelNames } from "./grid";
import { PromoteBar } from "./promote-bar";

const TH = "px-3 py-2 text-start text-xs font-medium text-muted";
const TD = "px-3 py-2 tabular-nums";

/** Per variant: wins, win rate, votes, average cost and time (everyone's votes pooled), a per-person breakdown, and the winner kept. */
export function ResultsTable({ exp, models }: { exp: ExperimentView; models: ModelNames }) {
  const t = useTranslations("experiments.results");
  const format = useFormatter();
  const money = useMoney();
  const errorText = useErrorText();
  const title = useVariantTitle(models);
  const q = useQuery({
    queryKey: ["experiment-results", exp.id],
    queryFn: () => api<ExperimentResults>(`/api/v1/experiments/${exp.id}/results`),
  });
  if (q.isPending) return <Spinner className="mx-auto my-10" />;
  if (q.isError)
    return (
      <p role="alert" className="text-sm text-danger">
        {errorText(q.error)}
      </p>
    );
  const res = q.data;
  const best = res.totalVotes > 0 ? Math.max(...res.variants.map((v) => v.wins)) : -1;
  const winners = res.variants.filter((v) => v.wins === best && best > 0);
  const name = (i: number) => {
    const v = exp.variants[i];
    return v ? title(v).name : `#${i + 1}`;
  };
  const winnerCells = exp.cells.filter(
    (c) => winners.some((w) => w.variant === c.variant) && c.status === "succeeded" && mainOutput(c),
  );
  const first = winnerCells[0];
  const firstKind = first?.variant !== undefined ? models[exp.variants[first.variant]?.model ?? ""]?.kind : undefined;
  const studio = firstKind ? STUDIO_FOR_KIND[firstKind] : undefined;

  return (
    <div className="flex flex-col gap-6" data-testid="experiment-results">
      <p className="text-sm text-muted">{t("hint")}</p>
      <div className="overflow-x-auto rounded-xl border border-border bg-surface">
        <table className="w-full min-w-[560px] text-sm">
          <thead className="border-b border-border">
            <tr>
              <th className={TH}>{t("variant")}</th>
              <th className={TH}>{t("wins")}</th>
              <th className={TH}>{t("winRate")}</th>
              <th className={TH}>{t("votes")}</th>
              <th className={TH}>{t("avgCost")}</th>
              <th className={TH}>{t("avgTime")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {res.variants.map((v) => {
              const win = winners.some((w) => w.variant === v.variant);
              return (
                <tr key={v.variant} className={cn(win && "bg-success/5")} data-testid="result-row" data-winner={win}>
                  <td className="px-3 py-2">
                    <span className="flex items-center gap-1.5 font-medium text-fg">
                      {win && <TrophyIcon className="size-4 text-success" aria-label={t("winner")} />}
                      <span className="text-muted tabular-nums">#{v.variant + 1}</span>
                      {name(v.variant)}
                    </span>
                    <span className="text-xs text-muted">
                      {title(exp.variants[v.variant] ?? { index: v.variant }).detail}
                    </span>
                  </td>
                  <td className={TD}>{v.wins}</td>
                  <td className={TD}>
                    {v.winRate === null
                      ? "—"
                      : format.number(v.winRate, { style: "percent", maximumFractionDigits: 0 })}
                  </td>
                  <td className={TD}>{v.votes}</td>
                  <td className={TD}>
                    {v.averageCost !== undefined && v.currency ? money(v.averageCost, v.currency) : "—"}
                  </td>
                  <td className={TD}>{v.averageSeconds !== undefined ? formatDuration(v.averageSeconds) : "—"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {res.totalVotes === 0 ? (
        <EmptyState icon={<TrophyIcon />} title={t("empty")} className="py-6" />
      ) : (
        <>
          {winnerCells.length > 0 && (
            <section
              className="flex flex-col gap-3 rounded-xl border border-success/30 bg-success/5 p-4"
              aria-label={t("keep")}
            >
              <h3 className="text-sm font-semibold text-fg">{t("keep")}</h3>
              <div className="flex flex-wrap items-center gap-2">
                {studio && first?.generationId && (
                  <Link
                    href={`${studio}?from=${first.generationId}&version=${mainOutput(first)!.assetId}`}
                    className={buttonClasses({ variant: "primary" })}
                    data-testid="use-winner"
                  >
                    <SlidersHorizontalIcon />
                    {t("useWinner")}
                  </Link>
                )}
              </div>
              <PromoteBar assetIds={winnerCells.map((c) => mainOutput(c)!.assetId)} label={t("promoteWinner")} />
            </section>
          )}
          {res.voters.length > 0 && (
            <section className="flex flex-col gap-2">
              <h3 className="text-sm font-semibold text-fg">{t("people")}</h3>
              <div className="overflow-x-auto rounded-xl border border-border bg-surface">
                <table className="w-full text-sm" data-testid="results-people">
                  <thead className="border-b border-border">
                    <tr>
                      <th className={TH}>{t("person")}</th>
                      {res.variants.map((v) => (
                        <th key={v.variant} className={TH} title={name(v.variant)}>
                          #{v.variant + 1}
                        </th>
                      ))}
                      <th className={TH}>{t("ties")}</th>
                      <th className={TH}>{t("votes")}</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-border">
                    {res.voters.map((p) => (
                      <tr key={p.userId}>
                        <td className="px-3 py-2 text-fg">{p.name ?? p.userId}</td>
                        {res.variants.map((v) => (
                          <td key={v.variant} className={TD}>
                            {p.wins[String(v.variant)] ?? 0}
                          </td>
                        ))}
                        <td className={TD}>{p.ties}</td>
                        <td className={TD}>{p.votes}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          )}
        </>
      )}
    </div>
  );
}
