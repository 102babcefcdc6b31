import "server-only";
import type { Scope } from "@/lib/auth/scope";
import { actual, chatUnits, costOf, unitOf, type Estimate, type Units } from "@/lib/catalog/units";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { checkLimits, type BudgetState } from "./budgets";
import { estimateRun } from "./estimate";
import { STILL_RESERVED_CODES } from "./ledger-view";
import { currentPrices, pricesOfVersion } from "./prices";

// The ledger: one entry per generation (and chat turn). Reserved with the budget check in ONE transaction when
// the studio accepts a create; settled to the actual usage on success; released (nothing charged) on failure,
// cancel, SubmitInterrupted or a rejected create. A SubmitUncertain create stays reserved: TD may have it.

type Tx = Prisma.TransactionClient;

const ACTIVE = ["queued", "running"];

export interface ReserveArgs {
  scope: Scope;
  generationId: string;
  model: string;
  mode: string;
  params: Record<string, unknown>;
  prompt?: string;
  /** The team has no budget row (teamWithoutBudgets, read before the transaction): the check is skipped. */
  unlimited?: boolean;
}

/**
 * Inside the create's transaction, before the generation row is written: take the write lock first (so the
 * check below sees every reservation made before it, across processes too — SQLite's BEGIN IMMEDIATE), check
 * the budgets and quotas (402 / 429 naming the limit), then write the reservation.
 */
export async function reserveInTx(
  tx: Tx,
  a: ReserveArgs,
  writeRecord: () => Promise<unknown>,
  /** Collects the budgets this reservation takes to the soft threshold or past it (for alertBudgets). */
  near?: BudgetState[],
): Promise<Estimate | undefined> {
  // The write lock first (SQLite: as BEGIN IMMEDIATE would; a read first could not be upgraded to a write while
  // another process writes). Only then is anything read.
  await tx.$executeRaw`UPDATE "Team" SET "updatedAt" = "updatedAt" WHERE "id" = ${a.scope.teamId}`;
  const prices = await currentPrices(tx);
  const est = estimateRun(a, prices);
  const charge = est?.cost ?? 0;
  // A team without budgets (known before the transaction began) has nothing to check: no sums.
  if (!a.unlimited) {
    // (Not `near?.push(...await …)`: optional chaining would skip the check itself when nobody collects.)
    const crossed = await checkLimits(tx, a.scope, charge, prices.currency);
    near?.push(...crossed);
  }
  await writeRecord();
  if (!est) return undefined;
  await tx.ledgerEntry.create({
    data: {
      id: a.generationId,
      teamId: a.scope.teamId,
      userId: a.scope.userId,
      source: "generation",
      generationId: a.generationId,
      model: a.model,
      mode: a.mode,
      state: "reserved",
      unit: est.unit,
      units: JSON.stringify({ [est.unit]: est.units }),
      quantity: est.units,
      cost: est.cost ?? null,
      charge,
      currency: est.cost !== undefined ? prices.currency : null,
      priceVersionId: prices.version,
    },
  });
  return est;
}

/** Bring a generation's entry in line with its record. Idempotent; never throws into the engine. */
export async function syncLedger(generationId: string): Promise<void> {
  try {
    await sync(generationId);
  } catch (e) {
    console.error(`[spend] could not update the ledger of generation ${generationId}:`, (e as Error).message);
  }
}

async function sync(generationId: string) {
  const entry = await db().ledgerEntry.findUnique({ where: { generationId } });
  if (!entry) return;
  const gen = await db().generation.findUnique({
    where: { id: generationId },
    select: {
      status: true,
      errorCode: true,
      usage: true,
      params: true,
      prompt: true,
      mode: true,
      outputs: { select: { kind: true, role: true, durationSeconds: true } },
    },
  });
  if (!gen) return;
  if (gen.status === "succeeded") {
    const prices = await pricesOfVersion(entry.priceVersionId);
    const used = actual(
      entry.model,
      {
        mode: gen.mode,
        params: JSON.parse(gen.params),
        prompt: gen.prompt,
        usage: gen.usage ? JSON.parse(gen.usage) : undefined,
        outputs: gen.outputs,
      },
      prices,
    );
    await db().ledgerEntry.updateMany({
      where: { id: entry.id, state: { not: "settled" } },
      data: settledData(entry.unit, used.units, used.cost, prices?.currency),
    });
    return;
  }
  const keep =
    ACTIVE.includes(gen.status) || (gen.status === "failed" && STILL_RESERVED_CODES.includes(gen.errorCode ?? ""));
  if (keep) {
    // Reserved again when a SubmitInterrupted guess was revived by TD's late answer.
    if (entry.state === "released")
      await db().ledgerEntry.updateMany({
        where: { id: entry.id, state: "released" },
        data: { state: "reserved", charge: entry.cost ?? 0, failed: false, settledAt: null },
      });
    return;
  }
  await db().ledgerEntry.updateMany({
    where: { id: entry.id, state: "reserved" },
    data: { state: "released", charge: 0, failed: gen.status !== "canceled", settledAt: new Date() },
  });
}

function settledData(unit: string, units: Units, cost: number | undefined, currency: string | undefined) {
  return {
    state: "settled",
    units: JSON.stringify(units),
    quantity: units[unit as keyof Units] ?? 0,
    cost: cost ?? null,
    charge: cost ?? 0,
    currency: cost !== undefined ? (currency ?? null) : null,
    failed: false,
    settledAt: new Date(),
  };
}

/**
 * Catch up entries whose generation finished without a hook (a bulk update, a crash between the two writes):
 * run before every budget check and usage read, over the team's open reservations only.
 */
export async function reconcileLedger(teamId: string): Promise<void> {
  // Only the reservations whose generation has ended (normally none: the finish settles its own). One query that
  // the database answers with a join, not a read of every open reservation: a create costs the same with 2,000 in
  // flight as with one.
  const stale = await db().ledgerEntry.findMany({
    where: {
      teamId,
      source: "generation",
      state: "reserved",
      generation: {
        status: { notIn: ACTIVE },
        NOT: { status: "failed", errorCode: { in: STILL_RESERVED_CODES } },
      },
    },
    select: { generationId: true },
    take: 500,
  });
  for (const e of stale) await sync(e.generationId!);
}

/** A chat turn, settled from its usage chunk (there is nothing to estimate before the answer). */
export async function settleChat(a: {
  scope: Scope;
  id: string;
  model: string;
  usage: Record<string, unknown> | undefined;
  messageId?: string;
}): Promise<void> {
  try {
    const prices = await currentPrices();
    const units = chatUnits(a.usage ?? {});
    const cost = costOf(prices.version ? prices : null, a.model, units, {});
    const unit = unitOf(a.model, "chat") ?? "output_token";
    const data = settledData(unit, units, cost, prices.currency);
    await db().ledgerEntry.upsert({
      where: { id: a.id },
      update: { ...data, priceVersionId: prices.version },
      create: {
        id: a.id,
        teamId: a.scope.teamId,
        userId: a.scope.userId || null,
        source: "chat",
        messageId: a.messageId ?? null,
        model: a.model,
        mode: "chat",
        unit,
        priceVersionId: prices.version,
        ...data,
      },
    });
  } catch (e) {
    console.error(`[spend] could not settle chat turn ${a.id}:`, (e as Error).message);
  }
}

/** A studio chat turn's assistant message, once its answer is final: settled from the stored usage chunk. */
export async function settleChatMessage(messageId: string): Promise<void> {
  const m = await db().message.findUnique({
    where: { id: messageId },
    select: { usage: true, model: true, conversation: { select: { teamId: true, createdById: true, model: true } } },
  });
  const teamId = m?.conversation.teamId;
  if (!m || !teamId || !m.usage) return;
  const u = JSON.parse(m.usage) as { promptTokens?: number; completionTokens?: number; reasoningTokens?: number };
  if (typeof u.promptTokens !== "number") return;
  await settleChat({
    scope: { teamId, userId: m.conversation.createdById ?? "" },
    id: `chat-${messageId}`,
    messageId,
    model: m.model ?? m.conversation.model,
    usage: {
      prompt_tokens: u.promptTokens,
      completion_tokens: u.completionTokens ?? 0,
      completion_tokens_details: { reasoning_tokens: u.reasoningTokens ?? 0 },
    },
  });
}
