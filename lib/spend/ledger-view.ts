import type { Units } from "@/lib/catalog/units";

/** Failed records whose create TD may still have taken: their reservation is kept. */
export const STILL_RESERVED_CODES = ["SubmitUncertain"];

export interface LedgerView {
  state: "reserved" | "uncertain" | "settled" | "released";
  unit: string;
  units: Units;
  cost?: number;
  currency?: string;
}

/** How a generation's entry reads in its view: reserved, still reserved (uncertain), charged, not charged. */
export function ledgerView(
  entry: { state: string; unit: string; units: string; cost: number | null; currency: string | null },
  gen: { status: string; errorCode: string | null },
): LedgerView {
  const uncertain =
    entry.state === "reserved" && gen.status === "failed" && STILL_RESERVED_CODES.includes(gen.errorCode ?? "");
  return {
    state: uncertain ? "uncertain" : (entry.state as LedgerView["state"]),
    unit: entry.unit,
    units: JSON.parse(entry.units) as Units,
    ...(entry.cost !== null && entry.state !== "released" ? { cost: entry.cost } : {}),
    ...(entry.currency ? { currency: entry.currency } : {}),
  };
}
