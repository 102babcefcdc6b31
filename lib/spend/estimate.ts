import { chatEstimateUnits, costOf, estimate, type Estimate, type PriceTable, type Units } from "@/lib/catalog/units";

// The one place an estimate is made from a price table: a create's reservation (reserveInTx), a gateway chat
// turn's (reserveChatTurn) and an experiment's dry run all call these, so the dry run's sum is what the runs
// reserve.

type Prices = PriceTable & { version: string | null };

/** A generation's estimate at the table in force (no cost while no table was ever set). */
export function estimateRun(
  a: { model: string; mode: string; params: Record<string, unknown>; prompt?: string },
  prices: Prices,
): Estimate | undefined {
  return estimate(a.model, a.mode, a.params, 1, { prompt: a.prompt, prices: prices.version ? prices : null });
}

/** A chat turn's reservation: its units (every input character, the answer's token cap) and their cost. */
export function estimateChatTurn(
  model: string,
  body: Parameters<typeof chatEstimateUnits>[0],
  prices: Prices,
): { units: Units; cost?: number } {
  const units = chatEstimateUnits(body);
  const cost = prices.version ? costOf(prices, model, units, {}) : undefined;
  return { units, ...(cost !== undefined ? { cost } : {}) };
}
