"use client";

import Link from "next/link";
import { Card, CardBody, CardHeader } from "@/components/ui";
import { useLocale, useTranslations } from "@/lib/i18n/client";
import { useMoney, useUnitText } from "./spend-estimate";

export interface TopGeneration {
  generationId: string;
  model: string;
  mode: string;
  prompt: string | null;
  status: string;
  state: string;
  unit: string;
  units: number;
  cost: number;
  createdAt: string;
}

/** The costliest runs of the range, each linking to its record in the history. */
export function TopGenerations({
  rows,
  currency,
  priced,
  models,
}: {
  rows: TopGeneration[];
  currency: string;
  priced: boolean;
  models: Record<string, { zh: string; en: string }>;
}) {
  const t = useTranslations("spend.usage.top");
  const locale = useLocale() === "en" ? "en" : "zh";
  const money = useMoney();
  const unitText = useUnitText();
  if (!rows.length) return null;
  return (
    <Card>
      <CardHeader title={t("title")} />
      <CardBody>
        <ol className="flex flex-col divide-y divide-border" data-testid="usage-top">
          {rows.map((g) => (
            <li key={g.generationId} className="flex items-center justify-between gap-3 py-2 text-sm">
              <div className="min-w-0 flex-1">
                <Link
                  href={`/history?id=${encodeURIComponent(g.generationId)}`}
                  className="line-clamp-1 font-medium text-fg underline-offset-4 hover:underline"
                  data-testid="usage-top-link"
                >
                  {g.prompt || t("noPrompt")}
                </Link>
                <p className="mt-0.5 truncate text-xs text-muted">
                  {models[g.model]?.[locale] ?? g.model} ·{" "}
                  {new Date(g.createdAt).toLocaleDateString(locale === "zh" ? "zh-CN" : "en-US", {
                    month: "short",
                    day: "numeric",
                  })}
                  {g.state === "reserved" ? ` · ${t("reserved")}` : ""}
                </p>
              </div>
              <div className="shrink-0 text-end tabular-nums">
                <p className="text-fg">{priced ? money(g.cost, currency) : unitText(g.unit, g.units)}</p>
                {priced && <p className="text-xs text-muted">{unitText(g.unit, g.units)}</p>}
              </div>
            </li>
          ))}
        </ol>
      </CardBody>
    </Card>
  );
}
