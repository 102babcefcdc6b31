import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { roundMoney, type Units } from "@/lib/catalog/units";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { budgetStates, type BudgetState } from "./budgets";
import { reconcileLedger } from "./ledger";
import { currentPrices } from "./prices";
import type { UsageQuery } from "./schema";
import { timeKey } from "./usage-keys";

export interface UsageGroup {
  key: string;
  units: number;
  cost: number;
  generations: number;
  failed: number;
  /** The same units by name (a model group has one unit, a day or member group may mix them). */
  byUnit: Units;
  /** groupBy=member: the person's name. */
  label?: string;
}

/** One of the costliest runs in the range (the dashboard links each to its generation). */
export interface TopGeneration {
  generationId: string;
  model: string;
  mode: string;
  userId: string | null;
  prompt: string | null;
  status: string;
  /** reserved | settled (released runs cost nothing and are not listed) */
  state: string;
  unit: string;
  units: number;
  cost: number;
  createdAt: string;
}

export interface UsageView {
  currency: string;
  from: string;
  to: string;
  scope: "team" | "member";
  teamId: string;
  groups: UsageGroup[];
  total: { units: number; cost: number; generations: number; failed: number };
  /** The budgets that apply, with what is spent (for the burn-down and the 80% notice). */
  budgets: BudgetState[];
  /** The costliest generations in the range (by charge, then units), at most TOP_GENERATIONS. */
  top: TopGeneration[];
}

export const TOP_GENERATIONS = 10;
const TIME_GROUPS = ["day", "week", "month"];

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Spend in a date range (UTC days, both ends included): members see their own, admins their team's,
 * operators any team's with `teamId`.
 */
export async function usageFor(caller: Caller, q: UsageQuery): Promise<UsageView> {
  let teamId = caller.teamId;
  if (q.teamId && q.teamId !== caller.teamId) {
    if (!caller.user.operator) throw new AppError("not_found", `team ${q.teamId} does not exist`);
    if (!(await db().team.findUnique({ where: { id: q.teamId } })))
      throw new AppError("not_found", `team ${q.teamId} does not exist`);
    teamId = q.teamId;
  }
  const whole = teamId !== caller.teamId || caller.role === "admin" || caller.user.operator;
  const to = q.to ? new Date(`${q.to}T00:00:00Z`) : new Date(Date.UTC(...ymd(new Date())));
  const from = q.from ? new Date(`${q.from}T00:00:00Z`) : new Date(to.getTime() - 29 * DAY);
  if (from > to) throw new AppError("invalid_request", "from must not be after to", "from");
  if (to.getTime() - from.getTime() > 366 * DAY)
    throw new AppError("invalid_request", "the range can be at most 366 days", "from");
  await reconcileLedger(teamId);
  const entries = await db().ledgerEntry.findMany({
    where: {
      teamId,
      createdAt: { gte: from, lt: new Date(to.getTime() + DAY) },
      ...(whole ? {} : { userId: caller.userId }),
    },
    select: {
      model: true,
      mode: true,
      userId: true,
      createdAt: true,
      quantity: true,
      units: true,
      charge: true,
      failed: true,
    },
  });
  const keyOf = (e: (typeof entries)[number]) =>
    q.groupBy === "model"
      ? e.model
      : q.groupBy === "mode"
        ? e.mode
        : q.groupBy === "member"
          ? (e.userId ?? "")
          : timeKey(q.groupBy, e.createdAt);
  const groups = new Map<string, UsageGroup>();
  if (TIME_GROUPS.includes(q.groupBy))
    for (let t = from.getTime(); t <= to.getTime(); t += DAY) {
      const k = timeKey(q.groupBy, new Date(t));
      if (!groups.has(k)) groups.set(k, { key: k, units: 0, cost: 0, generations: 0, failed: 0, byUnit: {} });
    }
  for (const e of entries) {
    const k = keyOf(e);
    const g = groups.get(k) ?? { key: k, units: 0, cost: 0, generations: 0, failed: 0, byUnit: {} };
    // A failed run spent nothing: it is counted as failed, not in the units.
    if (!e.failed) g.units += e.quantity;
    g.cost += e.charge;
    g.generations += 1;
    if (e.failed) g.failed += 1;
    for (const [u, n] of Object.entries(JSON.parse(e.units) as Units) as [keyof Units, number][])
      if (!e.failed) g.byUnit[u] = (g.byUnit[u] ?? 0) + n;
    groups.set(k, g);
  }
  const list = [...groups.values()].map((g) => ({ ...g, cost: roundMoney(g.cost) }));
  if (q.groupBy === "member") {
    const users = await db().user.findMany({
      where: { id: { in: list.map((g) => g.key) } },
      select: { id: true, name: true },
    });
    for (const g of list) g.label = users.find((u) => u.id === g.key)?.name;
  }
  if (!TIME_GROUPS.includes(q.groupBy))
    list.sort((a, b) => b.cost - a.cost || b.units - a.units || a.key.localeCompare(b.key));
  const total = list.reduce(
    (t, g) => ({
      units: t.units + g.units,
      cost: t.cost + g.cost,
      generations: t.generations + g.generations,
      failed: t.failed + g.failed,
    }),
    { units: 0, cost: 0, generations: 0, failed: 0 },
  );
  const top = await topGenerations(teamId, from, new Date(to.getTime() + DAY), whole ? undefined : caller.userId);
  const prices = await currentPrices();
  const budgets = await budgetStates(db(), { teamId, userId: whole ? "" : caller.userId });
  return {
    currency: prices.currency,
    from: iso(from),
    to: iso(to),
    scope: whole ? "team" : "member",
    teamId,
    groups: list,
    total: { ...total, cost: roundMoney(total.cost) },
    budgets: whole ? budgets.filter((b) => b.budget.startsWith("team")) : budgets,
    top,
  };
}

/** The costliest generations created in [from, to): charged entries only, by charge then units. */
async function topGenerations(teamId: string, from: Date, to: Date, userId?: string): Promise<TopGeneration[]> {
  const rows = await db().ledgerEntry.findMany({
    where: {
      teamId,
      source: "generation",
      state: { not: "released" },
      createdAt: { gte: from, lt: to },
      ...(userId ? { userId } : {}),
    },
    orderBy: [{ charge: "desc" }, { quantity: "desc" }, { createdAt: "desc" }],
    take: TOP_GENERATIONS,
    include: { generation: { select: { prompt: true, status: true } } },
  });
  return rows.flatMap((r) =>
    r.generationId
      ? [
          {
            generationId: r.generationId,
            model: r.model,
            mode: r.mode,
            userId: r.userId,
            prompt: r.generation?.prompt ? r.generation.prompt.slice(0, 140) : null,
            status: r.generation?.status ?? "unknown",
            state: r.state,
            unit: r.unit,
            units: r.quantity,
            cost: roundMoney(r.charge),
            createdAt: r.createdAt.toISOString(),
          },
        ]
      : [],
  );
}

function ymd(d: Date): [number, number, number] {
  return [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
}
