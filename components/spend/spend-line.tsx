"use client";

import type { LedgerView } from "@/lib/spend/ledger-view";
import { useTranslations } from "@/lib/i18n/client";
import { useMoney, useUnitText } from "./spend-estimate";

/** A generation's ledger entry in one line: reserved, still reserved (TD may have it), charged, not charged. */
export function SpendLine({ spend }: { spend?: LedgerView }) {
  const t = useTranslations("spend.ledger");
  const unitText = useUnitText();
  const money = useMoney();
  if (!spend) return null;
  const units = unitText(spend.unit, spend.units[spend.unit as keyof LedgerView["units"]] ?? 0);
  const amount = spend.cost !== undefined && spend.currency ? money(spend.cost, spend.currency) : units;
  const text =
    spend.state === "released"
      ? t("released")
      : spend.state === "uncertain"
        ? `${t("uncertain")} · ${amount}`
        : spend.state === "settled"
          ? spend.cost !== undefined
            ? `${t("settled", { amount })} · ${t("units", { units })}`
            : t("units", { units })
          : t("reserved", { amount });
  return (
    <p data-testid="spend-line" data-state={spend.state} className="text-xs text-muted tabular-nums">
      {text}
    </p>
  );
}
