import "server-only";
import { randomUUID } from "node:crypto";
import type { Scope } from "@/lib/auth/scope";
import { sumUnits, type chatEstimateUnits } from "@/lib/catalog/units";
import { db } from "@/lib/db";
import { alertBudgets } from "./budget-alerts";
import { checkLimits, teamWithoutBudgets, type BudgetState } from "./budgets";
import { estimateChatTurn } from "./estimate";
import { settleChat } from "./ledger";
import { currentPrices } from "./prices";

// The gateway's chat turns (/api/v1/chat/completions and the OpenAI-compatible base): reserved with the budget
// check in one transaction before anything goes upstream, settled from the usage TD reports, released when the
// turn fails. One write transaction on the hot path; the settlement runs after the answer's bytes.

export interface ChatReservation {
  id: string;
  scope: Scope;
  model: string;
  /** Budgets this turn took to the soft threshold: notifyNear tells their owners (after the first byte). */
  near: BudgetState[];
}

/**
 * Reserve a turn's estimate (chatEstimateUnits) against the caller's budgets: 402 budget_exceeded when it does
 * not fit, before TD sees anything. `model` is the catalog id (T0310001 / T0106004), whatever code goes upstream.
 */
export async function reserveChatTurn(
  scope: Scope,
  model: string,
  body: Parameters<typeof chatEstimateUnits>[0],
): Promise<ChatReservation> {
  const id = `chat-${randomUUID()}`;
  const near: BudgetState[] = [];
  const entry = (prices: Awaited<ReturnType<typeof currentPrices>>) => {
    const { units, cost } = estimateChatTurn(model, body, prices);
    return {
      cost,
      data: {
        id,
        teamId: scope.teamId,
        userId: scope.userId || null,
        source: "chat",
        model,
        mode: "chat",
        state: "reserved",
        unit: "output_token",
        units: JSON.stringify(units),
        quantity: units.output_token ?? sumUnits(units),
        cost: cost ?? null,
        charge: cost ?? 0,
        currency: cost !== undefined ? prices.currency : null,
        priceVersionId: prices.version,
      },
    };
  };
  // A team with no budget row at all has nothing that could refuse the turn: the reservation is one insert, no
  // lock (the hot path). Whether it has one is remembered like the caller, and forgotten with any budget write.
  if (await teamWithoutBudgets(scope.teamId)) {
    await db().ledgerEntry.create({ data: entry(await currentPrices()).data });
    return { id, scope, model, near };
  }
  await db().$transaction(
    async (tx) => {
      // The write lock first, so the check sees every reservation made before it (as reserveInTx does).
      await tx.$executeRaw`UPDATE "Team" SET "updatedAt" = "updatedAt" WHERE "id" = ${scope.teamId}`;
      const prices = await currentPrices(tx);
      const e = entry(prices);
      near.push(...(await checkLimits(tx, scope, e.cost ?? 0, prices.currency)));
      await tx.ledgerEntry.create({ data: e.data });
    },
    { maxWait: 20_000, timeout: 20_000 },
  );
  return { id, scope, model, near };
}

/** The soft-threshold notices of a reservation (nothing to do below 80 %). */
export function notifyNear(r: ChatReservation): Promise<void> | undefined {
  return r.near.length ? alertBudgets(r.scope, r.near) : undefined;
}

/** The turn's answer is complete: charge what TD's usage says (never throws). */
export function settleChatTurn(r: ChatReservation, usage: Record<string, unknown>): Promise<void> {
  return settleChat({ scope: r.scope, id: r.id, model: r.model, usage });
}

/**
 * The turn failed, or ended without a usage report: nothing is charged. `failed` counts it among the failed
 * runs (a cancel by the client is not a failure).
 */
export async function releaseChatTurn(r: ChatReservation, failed: boolean): Promise<void> {
  try {
    await db().ledgerEntry.updateMany({
      where: { id: r.id, state: "reserved" },
      data: { state: "released", charge: 0, failed, settledAt: new Date() },
    });
  } catch (e) {
    console.error(`[spend] could not release chat turn ${r.id}:`, (e as Error).message);
  }
}
