"use client";

import { estimate, type Estimate } from "@/lib/catalog/units";
import { useTranslations } from "@/lib/i18n/client";
import { useMoney, useUnitText } from "./format";
import type { ReactNode } from "react";
import { usePrices } from "./use-prices";

/** Error codes whose text comes from the messages (which budget, how much is left), not the server's English. */
export const SPEND_CODES = ["budget_exceeded", "quota_exceeded"];

export { useMoney, useUnitText } from "./format";

/**
 * What a Generate click will spend for the current settings — units from the catalog, cost from the price
 * table — computed here in the browser with the same function the server reserves with. `batch` counts too.
 */
export function SpendEstimate({
  model,
  mode,
  params,
  batch = 1,
  prompt,
  children,
}: {
  model: string;
  mode: string;
  params: Record<string, unknown>;
  batch?: number;
  prompt?: string;
  /** The Generate button: the estimate sits beside it (above it on a phone). */
  children: ReactNode;
}) {
  const t = useTranslations("spend.estimate");
  const prices = usePrices();
  const unitText = useUnitText();
  const money = useMoney();
  const table = prices.data?.version ? prices.data : null;
  const e: Estimate | undefined = estimate(model, mode, params, batch, { prompt, prices: table });
  if (!e) return children;
  const units = unitText(e.unit, e.units);
  const worst = model === "T0101007" && (params.duration === -1 || params.duration === undefined);
  return (
    <div className="flex w-full flex-col items-stretch gap-1.5 sm:w-auto sm:flex-row sm:items-center sm:gap-3">
      <span
        data-testid="spend-estimate"
        aria-live="polite"
        title={worst ? t("worstCase") : undefined}
        className="text-end text-xs text-muted tabular-nums sm:text-start"
      >
        {e.cost !== undefined && e.currency
          ? t("withCost", { units, cost: money(e.cost, e.currency) })
          : t("label", { units })}
      </span>
      {children}
    </div>
  );
}
