"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useState } from "react";
import { Button, Card, CardBody, CardHeader, EmptyState, Segmented, Spinner } from "@/components/ui";
import { api } from "@/lib/client/api";
import { useErrorText } from "@/lib/client/error-text";
import { useNow } from "@/lib/client/use-now";
import { useLocale, useTranslations } from "@/lib/i18n/client";
import { MIN_PROJECTION_DAYS, projectSpend } from "@/lib/spend/projection";
import { useMoney, useUnitText } from "./spend-estimate";
import { TopGenerations, type TopGeneration } from "./top-generations";

// recharts is only needed here: loaded after the page, so it never weighs on any first load.
const UsageChart = dynamic(() => import("./usage-chart"), {
  ssr: false,
  loading: () => <div className="h-60" />,
});

type Dimension = "time" | "model" | "member" | "mode";
type Interval = "day" | "week" | "month";
type Group = {
  key: string;
  units: number;
  cost: number;
  generations: number;
  failed: number;
  byUnit: Record<string, number>;
  label?: string;
};
type Usage = {
  currency: string;
  from: string;
  to: string;
  scope: "team" | "member";
  groups: Group[];
  total: { units: number; cost: number; generations: number; failed: number };
  budgets: { budget: string; limit: number; spent: number; remaining: number; since: string }[];
  top: TopGeneration[];
};

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Spend over time, by model, member or mode; failed runs (never charged); budget burn-down; CSV. */
export function UsageDashboard({ models }: { models: Record<string, { zh: string; en: string }> }) {
  const t = useTranslations("spend.usage");
  const locale = useLocale() === "en" ? "en" : "zh";
  const money = useMoney();
  const unitText = useUnitText();
  const errorText = useErrorText();
  const [days, setDays] = useState("30");
  const [dimension, setDimension] = useState<Dimension>("time");
  const [interval, setTimeStep] = useState<Interval>("day");
  const groupBy = dimension === "time" ? interval : dimension;
  const now = useNow(false);
  const to = iso(new Date(now));
  const from = iso(new Date(now - (Number(days) - 1) * DAY));
  const usage = useQuery({
    queryKey: ["usage", from, to, groupBy],
    queryFn: () => api<Usage>(`/api/v1/usage?from=${from}&to=${to}&groupBy=${groupBy}`),
  });
  const u = usage.data;
  const labelOf = (g: Group) =>
    groupBy === "model"
      ? (models[g.key]?.[locale] ?? g.key)
      : groupBy === "member"
        ? (g.label ?? g.key)
        : groupBy === "mode"
          ? g.key
          : groupBy === "month"
            ? g.key
            : g.key.slice(5);
  const priced = !!u && u.total.cost > 0;
  const unitsOf = (g: Group) =>
    Object.entries(g.byUnit)
      .filter(([, n]) => n)
      .map(([unit, n]) => unitText(unit, n))
      .join(" · ") || "—";

  const csv = () => {
    if (!u) return;
    const head = ["key", "label", "units", "cost", "currency", "generations", "failed"];
    const lines = u.groups.map((g) =>
      [g.key, labelOf(g), g.units, g.cost, u.currency, g.generations, g.failed]
        .map((v) => `"${String(v).replaceAll('"', '""')}"`)
        .join(","),
    );
    const blob = new Blob([[head.join(","), ...lines].join("\n") + "\n"], { type: "text/csv;charset=utf-8" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = `usage-${groupBy}-${u.from}-${u.to}.csv`;
    a.click();
    URL.revokeObjectURL(a.href);
  };

  return (
    <div className="flex flex-col gap-6" data-testid="usage-dashboard">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Segmented
          legend={t("range")}
          value={days}
          onChange={(v) => setDays(v)}
          options={[
            { value: "7", label: t("days", { count: 7 }) },
            { value: "30", label: t("days", { count: 30 }) },
            { value: "90", label: t("days", { count: 90 }) },
          ]}
        />
        <Button variant="secondary" size="sm" onClick={csv} disabled={!u?.groups.length}>
          {t("csv")}
        </Button>
      </div>
      {u && <p className="text-xs text-muted">{u.scope === "team" ? t("scopeTeam") : t("scopeMember")}</p>}
      {u?.budgets.map((b) => {
        const share = b.limit > 0 ? b.spent / b.limit : 1;
        const kind = b.budget.endsWith("daily") ? "daily" : "monthly";
        const projected = projectSpend({ spent: b.spent, since: new Date(b.since), now: new Date(now), kind });
        return (
          <Card key={b.budget}>
            <CardBody className="flex flex-col gap-2">
              {share >= 0.8 && (
                <p
                  role="status"
                  className="rounded-lg border border-warning/30 bg-warning/10 px-3 py-2 text-sm text-fg"
                >
                  {t("soft", { budget: b.budget, percent: Math.round(share * 100) })}
                </p>
              )}
              <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
                <span className="font-medium text-fg">{t("budget", { budget: b.budget })}</span>
                <span className="text-muted tabular-nums" data-testid="usage-budget">
                  {t("burn", {
                    spent: money(b.spent, u.currency),
                    limit: money(b.limit, u.currency),
                    remaining: money(b.remaining, u.currency),
                  })}
                </span>
              </div>
              <div
                className="h-2 overflow-hidden rounded-full bg-surface-2"
                role="meter"
                aria-valuemin={0}
                aria-valuemax={b.limit}
                aria-valuenow={b.spent}
                aria-label={t("budget", { budget: b.budget })}
              >
                <div
                  className={share >= 1 ? "h-full bg-danger" : share >= 0.8 ? "h-full bg-warning" : "h-full bg-accent"}
                  style={{ width: `${Math.min(100, share * 100)}%` }}
                />
              </div>
              {kind === "monthly" && (
                <p className="text-xs text-muted tabular-nums" data-testid="usage-projection">
                  {projected === undefined
                    ? t("projectionLater", { days: MIN_PROJECTION_DAYS })
                    : t("projection", {
                        amount: money(projected, u.currency),
                        over: projected > b.limit ? "yes" : "no",
                      })}
                </p>
              )}
            </CardBody>
          </Card>
        );
      })}
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {[
          { k: "cost", v: u ? (priced ? money(u.total.cost, u.currency) : t("unpriced")) : "…" },
          { k: "generations", v: u ? String(u.total.generations) : "…" },
          { k: "failed", v: u ? String(u.total.failed) : "…" },
          { k: "units", v: u ? String(Math.round(u.total.units * 100) / 100) : "…" },
        ].map((c) => (
          <div key={c.k} className="rounded-xl border border-border bg-surface p-3" data-testid={`usage-total-${c.k}`}>
            <p className="text-xs text-muted">{t(`total.${c.k as "cost"}`)}</p>
            <p className="mt-1 text-lg font-semibold text-fg tabular-nums">{c.v}</p>
          </div>
        ))}
      </div>
      <Card>
        <CardHeader
          // On a phone the switches go under the title (side by side they squeezed it to a column).
          className="flex-col sm:flex-row"
          title={t("chartTitle")}
          actions={
            <div className="flex flex-wrap items-center gap-2">
              <Segmented
                legend={t("groupBy")}
                value={dimension}
                onChange={(v) => setDimension(v as Dimension)}
                options={(["time", "model", "member", "mode"] as const).map((g) => ({ value: g, label: t(`by.${g}`) }))}
              />
              {dimension === "time" && (
                <Segmented
                  legend={t("interval")}
                  value={interval}
                  onChange={(v) => setTimeStep(v as Interval)}
                  options={(["day", "week", "month"] as const).map((g) => ({ value: g, label: t(`by.${g}`) }))}
                />
              )}
            </div>
          }
        />
        <CardBody className="flex flex-col gap-4">
          {usage.error ? (
            <p role="alert" className="text-sm text-danger">
              {errorText(usage.error)}
            </p>
          ) : !u ? (
            <div className="flex h-60 items-center justify-center">
              <Spinner />
            </div>
          ) : u.total.generations === 0 ? (
            <EmptyState title={t("empty")} description={t("emptyHint")} />
          ) : (
            <>
              <UsageChart
                rows={u.groups.map((g) => ({
                  key: g.key,
                  label: labelOf(g),
                  value: priced ? g.cost : g.units,
                  failed: g.failed,
                }))}
                valueLabel={priced ? t("total.cost") : t("total.units")}
                format={(v) => (priced ? money(v, u.currency) : String(Math.round(v * 100) / 100))}
              />
              <div className="overflow-x-auto">
                <table className="w-full text-sm whitespace-nowrap" data-testid="usage-table">
                  <thead>
                    <tr className="border-b border-border text-start text-xs text-muted">
                      <th className="py-2 pe-3 text-start font-medium">{t(`by.${groupBy}`)}</th>
                      <th className="py-2 pe-3 text-start font-medium">{t("total.units")}</th>
                      <th className="py-2 pe-3 text-end font-medium">{t("total.cost")}</th>
                      <th className="py-2 pe-3 text-end font-medium">{t("total.generations")}</th>
                      <th className="py-2 text-end font-medium">{t("total.failed")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {u.groups
                      .filter((g) => g.generations > 0)
                      .map((g) => (
                        <tr key={g.key} className="border-b border-border last:border-0">
                          <td className="py-2 pe-3 text-fg">{labelOf(g)}</td>
                          <td className="py-2 pe-3 text-muted">{unitsOf(g)}</td>
                          <td className="py-2 pe-3 text-end text-fg tabular-nums">{money(g.cost, u.currency)}</td>
                          <td className="py-2 pe-3 text-end tabular-nums">{g.generations}</td>
                          <td className="py-2 text-end text-muted tabular-nums">{g.failed}</td>
                        </tr>
                      ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </CardBody>
      </Card>
      {u && <TopGenerations rows={u.top} currency={u.currency} priced={priced} models={models} />}
    </div>
  );
}
