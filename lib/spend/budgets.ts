import "server-only";
import { randomUUID } from "node:crypto";
import type { Scope } from "@/lib/auth/scope";
import { roundMoney } from "@/lib/catalog/units";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PutBudgetsRequest } from "./schema";
import { cachedCaller, rememberCaller } from "@/lib/auth/caller-cache";

type Tx = Prisma.TransactionClient;
type Client = Tx | ReturnType<typeof db>;

/** The soft threshold: past this share of a budget, its owners are notified once a period (budget-alerts.ts) and the usage page shows a banner. */
export const SOFT_THRESHOLD = 0.8;

/** The start of the monthly period that contains `now`: the latest `resetDay` (UTC midnight) not after it. */
export function monthStart(now: Date, resetDay: number): Date {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const day = Math.min(28, Math.max(1, resetDay));
  const thisMonth = new Date(Date.UTC(y, m, day));
  return thisMonth <= now ? thisMonth : new Date(Date.UTC(y, m - 1, day));
}
export function dayStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

export type BudgetName = "team_monthly" | "team_daily" | "member_monthly" | "member_daily";

export interface BudgetState {
  budget: BudgetName;
  limit: number;
  spent: number;
  remaining: number;
  since: string;
}

async function spentSince(client: Client, teamId: string, since: Date, userId?: string): Promise<number> {
  const r = await client.ledgerEntry.aggregate({
    where: { teamId, createdAt: { gte: since }, ...(userId ? { userId } : {}) },
    _sum: { charge: true },
  });
  return r._sum.charge ?? 0;
}

/** Every configured budget that applies to this caller, with what is spent and left now. */
export async function budgetStates(client: Client, scope: Scope, now = new Date()): Promise<BudgetState[]> {
  const rows = await client.budget.findMany({ where: { teamId: scope.teamId, userId: { in: ["", scope.userId] } } });
  const team = rows.find((r) => r.userId === "");
  const member = scope.userId ? rows.find((r) => r.userId === scope.userId) : undefined;
  const resetDay = team?.resetDay ?? 1;
  const out: BudgetState[] = [];
  const add = async (budget: BudgetName, limit: number | null | undefined, since: Date, userId?: string) => {
    if (limit === null || limit === undefined) return;
    const spent = roundMoney(await spentSince(client, scope.teamId, since, userId));
    out.push({ budget, limit, spent, remaining: roundMoney(Math.max(0, limit - spent)), since: since.toISOString() });
  };
  await add("team_monthly", team?.monthly, monthStart(now, resetDay));
  await add("team_daily", team?.daily, dayStart(now));
  await add("member_monthly", member?.monthly, monthStart(now, resetDay), scope.userId);
  await add("member_daily", member?.daily, dayStart(now), scope.userId);
  return out;
}

/**
 * The hard limits, run inside the create's transaction (after its write lock): a budget the charge would
 * overrun → 402 budget_exceeded naming it and what is left; a member quota → 429 quota_exceeded naming it.
 */
/**
 * A team with no budget row at all has nothing that could refuse a run: its reservations need no lock and no check
 * (the hot path of creates and chat turns). Remembered like the caller, and forgotten with any budget write.
 */
export async function teamWithoutBudgets(teamId: string): Promise<boolean> {
  const key = `budget-free:${teamId}`;
  const known = cachedCaller<boolean>(key);
  if (known !== undefined) return known;
  const none = (await db().budget.count({ where: { teamId } })) === 0;
  rememberCaller(key, none);
  return none;
}

export async function checkLimits(
  tx: Tx,
  scope: Scope,
  charge: number,
  currency: string,
  /** quotas: false checks the budgets only (an experiment: its cells meet the quotas one by one as they go). */
  opts: { quotas?: boolean } = {},
): Promise<BudgetState[]> {
  const near: BudgetState[] = [];
  for (const b of await budgetStates(tx, scope)) {
    if (roundMoney(b.spent + charge) > b.limit + 1e-9) {
      throw new AppError(
        "budget_exceeded",
        `This would cost ${charge} ${currency}, but the ${b.budget.replace("_", " ")} budget has ${b.remaining} ${currency} of ${b.limit} left.`,
        undefined,
        { budget: b.budget, remaining: b.remaining, limit: b.limit, cost: charge, currency },
      );
    }
    if (b.limit > 0 && (b.spent + charge) / b.limit >= SOFT_THRESHOLD) {
      const spent = roundMoney(b.spent + charge);
      near.push({ ...b, spent, remaining: roundMoney(Math.max(0, b.limit - spent)) });
    }
  }
  if (opts.quotas === false) return near;
  const quota = await tx.budget.findUnique({
    where: { teamId_userId: { teamId: scope.teamId, userId: scope.userId } },
  });
  if (quota?.maxConcurrent) {
    const running = await tx.generation.count({
      where: { teamId: scope.teamId, createdById: scope.userId, status: { in: ["queued", "running"] } },
    });
    if (running >= quota.maxConcurrent)
      throw new AppError(
        "quota_exceeded",
        `You already have ${running} generations running; your limit is ${quota.maxConcurrent} at a time.`,
        undefined,
        { quota: "concurrent", limit: quota.maxConcurrent },
      );
  }
  if (quota?.maxPerHour) {
    const lastHour = await tx.generation.count({
      where: { teamId: scope.teamId, createdById: scope.userId, createdAt: { gte: new Date(Date.now() - 3600_000) } },
    });
    if (lastHour >= quota.maxPerHour)
      throw new AppError(
        "quota_exceeded",
        `You started ${lastHour} generations in the last hour; your limit is ${quota.maxPerHour} per hour.`,
        undefined,
        { quota: "per_hour", limit: quota.maxPerHour },
      );
  }
  return near;
}

export interface BudgetsView {
  team: { monthly?: number; daily?: number; resetDay: number };
  members: Record<string, { monthly?: number; daily?: number; maxConcurrent?: number; maxPerHour?: number }>;
}

const defined = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as {
    [K in keyof T]?: NonNullable<T[K]>;
  };

export async function getBudgets(teamId: string): Promise<BudgetsView> {
  const rows = await db().budget.findMany({ where: { teamId } });
  const team = rows.find((r) => r.userId === "");
  return {
    team: { ...defined({ monthly: team?.monthly, daily: team?.daily }), resetDay: team?.resetDay ?? 1 },
    members: Object.fromEntries(
      rows
        .filter((r) => r.userId !== "")
        .map((r) => [
          r.userId,
          defined({ monthly: r.monthly, daily: r.daily, maxConcurrent: r.maxConcurrent, maxPerHour: r.maxPerHour }),
        ]),
    ),
  };
}

/**
 * Operators set the team's budget; a team's admins set member budgets and quotas inside it. `null` removes
 * a limit; a member must belong to the team.
 */
export async function putBudgets(teamId: string, req: PutBudgetsRequest, asOperator: boolean): Promise<BudgetsView> {
  if (req.team && !asOperator)
    throw new AppError("forbidden", "Only an operator of the studio may set the team's budget.", "team", {
      permission: "studio:operate",
      reason: "operator",
    });
  const memberIds = Object.keys(req.members ?? {});
  if (memberIds.length) {
    const found = await db().membership.findMany({
      where: { teamId, userId: { in: memberIds } },
      select: { userId: true },
    });
    const missing = memberIds.find((id) => !found.some((f) => f.userId === id));
    if (missing)
      throw new AppError("validation_failed", `${missing} is not a member of this team`, `members.${missing}`);
  }
  await db().$transaction(async (tx) => {
    const upsert = (userId: string, data: Record<string, number | null | undefined>) =>
      tx.budget.upsert({
        where: { teamId_userId: { teamId, userId } },
        update: data,
        create: { id: randomUUID(), teamId, userId, ...data },
      });
    if (req.team) await upsert("", req.team);
    for (const [userId, b] of Object.entries(req.members ?? {})) await upsert(userId, b);
  });
  return getBudgets(teamId);
}
