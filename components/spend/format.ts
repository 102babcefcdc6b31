"use client";

import { useFormatter, useTranslations } from "@/lib/i18n/client";

// Units and money in the reader's language, apart from the estimate (which brings the catalog with it), so pages
// that only show figures stay light.

/** "10 video seconds" in the reader's language. */
export function useUnitText() {
  const t = useTranslations("spend.unitCount");
  return (unit: string, count: number) => t(unit as "image", { count: Math.round(count * 100) / 100 });
}

export function useMoney() {
  const format = useFormatter();
  return (amount: number, currency: string) =>
    format.number(amount, { style: "currency", currency, maximumFractionDigits: amount > 0 && amount < 0.1 ? 4 : 2 });
}
