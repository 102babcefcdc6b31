"use client";

import { CircleCheckIcon } from "lucide-react";
import { useTranslations } from "use-intl";
import { useMoney, useUnitText } from "@/components/spend/format";
import { Button } from "@/components/ui";
import { formatDuration } from "@/lib/client/use-now";
import type { DryRunAnswer } from "../types";

/** The dry run's answer — cells, units, cost, time — and the one button that sends anything. */
export function EstimatePanel({
  answer,
  stale,
  running,
  onRun,
}: {
  answer: DryRunAnswer;
  stale: boolean;
  running: boolean;
  onRun: () => void;
}) {
  const t = useTranslations("experiments.builder");
  const unitText = useUnitText();
  const money = useMoney();
  const e = answer.estimate;
  // Units per kind (video seconds, images, characters…): a mixed experiment lists each.
  const unitsText = (u: DryRunAnswer["estimate"]["units"]) =>
    typeof u === "number"
      ? String(u)
      : Object.entries(u)
          .filter(([, n]) => n)
          .map(([unit, n]) => unitText(unit, n ?? 0))
          .join(" + ") || "0";
  const facts = [
    ["cells", String(answer.cells)],
    ["units", unitsText(e.units)],
    ["cost", e.cost !== undefined && e.currency ? money(e.cost, e.currency) : t("noPrice")],
    ["time", t("timeValue", { time: formatDuration(Math.round(e.seconds)) })],
  ] as const;
  return (
    <section
      className="flex flex-col gap-4 rounded-xl border border-accent/30 bg-accent/5 p-4"
      aria-label={t("estimateTitle")}
      data-testid="experiment-estimate"
    >
      <h3 className="text-sm font-semibold text-fg">{t("estimateTitle")}</h3>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {facts.map(([k, v]) => (
          <div key={k} className="min-w-0">
            <dt className="text-xs text-muted">{t(k)}</dt>
            <dd className="truncate text-lg font-semibold text-fg tabular-nums" data-testid={`estimate-${k}`}>
              {v}
            </dd>
          </div>
        ))}
      </dl>
      {stale ? (
        <p className="text-sm text-warning">{t("stale")}</p>
      ) : answer.budget?.fits === false ? (
        <p role="alert" className="text-sm text-danger">
          {t("overBudget")}
        </p>
      ) : (
        <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
          <p className="flex items-center gap-1.5 text-sm text-success">
            <CircleCheckIcon className="size-4" />
            {t("budgetOk")}
            <span className="text-muted">
              · {t("confirmHint")}
              {answer.limits ? ` · ${t("concurrency", { count: answer.limits.concurrency })}` : ""}
            </span>
          </p>
          <Button variant="primary" onClick={onRun} loading={running} data-testid="experiment-run">
            {t("run", { count: answer.cells })}
          </Button>
        </div>
      )}
    </section>
  );
}
