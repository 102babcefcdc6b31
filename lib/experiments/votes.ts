import "server-only";
import { randomUUID } from "node:crypto";
import type { Scope } from "@/lib/auth/scope";
import type { Mode } from "@/lib/catalog/types";
import { roundMoney } from "@/lib/catalog/units";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ExpandedRow } from "./expand";
import type { ExperimentDefinition, VoteRequest } from "./schema";
import type { ExperimentResults, VariantResult } from "./types";
import { CELL_INCLUDE, cellCost, cellSeconds, cellStatus, columnOrder, ownedExperiment } from "./view";

// Votes and results. A vote is one person's decision on one row: the best of all its variants (or a tie of all),
// or an A/B pair's winner (or a tie of the pair). Voting again on the same row (and pair) replaces the vote.
// Results pool every member's votes: per variant, `votes` counts the decisions it took part in, `wins` those
// it won, `ties` those that ended level; winRate = wins / votes.

export async function castVote(scope: Scope, id: string, req: VoteRequest) {
  const x = await ownedExperiment(scope, id);
  const def = JSON.parse(x.definition) as ExperimentDefinition;
  const rows = JSON.parse(x.rows) as ExpandedRow[];
  const n = def.variants.length;
  if (req.row >= rows.length)
    throw new AppError(
      "validation_failed",
      `row ${req.row} does not exist (the experiment has ${rows.length})`,
      "row",
      {
        reason: "experiment_row",
        rows: rows.length,
      },
    );
  const order = req.blind ? columnOrder(id, scope.userId, req.row, n) : undefined;
  const toVariant = (i: number, field: string) => {
    if (i >= n)
      throw new AppError(
        "validation_failed",
        `${field} ${i} is not a variant of this experiment (it has ${n})`,
        field,
        {
          reason: "experiment_variant",
          variants: n,
        },
      );
    return order ? order[i] : i;
  };
  const winner = req.winner === "tie" ? null : toVariant(req.winner, "winner");
  const against = req.against !== undefined ? toVariant(req.against, "against") : null;
  const pair =
    req.pair !== undefined
      ? [toVariant(req.pair[0], "pair"), toVariant(req.pair[1], "pair")]
      : winner !== null && against !== null
        ? [winner, against]
        : undefined;
  const pairKey = pair ? `${Math.min(...pair)}-${Math.max(...pair)}` : "";
  const data = { winner, against: winner === null ? null : against };
  await db().experimentVote.upsert({
    where: { experimentId_userId_row_pairKey: { experimentId: id, userId: scope.userId, row: req.row, pairKey } },
    update: data,
    create: { id: randomUUID(), experimentId: id, userId: scope.userId, row: req.row, pairKey, ...data },
  });
  return getResults(scope, id);
}

function participants(pairKey: string, n: number): number[] {
  return pairKey ? pairKey.split("-").map(Number) : Array.from({ length: n }, (_, i) => i);
}

export async function getResults(scope: Scope, id: string): Promise<ExperimentResults> {
  const x = await ownedExperiment(scope, id);
  const def = JSON.parse(x.definition) as ExperimentDefinition;
  const n = def.variants.length;
  const [votes, cells] = await Promise.all([
    db().experimentVote.findMany({ where: { experimentId: id }, orderBy: { createdAt: "asc" } }),
    db().experimentCell.findMany({ where: { experimentId: id }, include: CELL_INCLUDE }),
  ]);
  const results: VariantResult[] = def.variants.map((v, variant) => ({
    variant,
    model: v.model,
    mode: v.mode as Mode,
    ...(v.label ? { label: v.label } : {}),
    wins: 0,
    ties: 0,
    votes: 0,
    winRate: null,
    cells: 0,
    succeeded: 0,
  }));
  const voters = new Map<string, { userId: string; votes: number; wins: Record<string, number>; ties: number }>();
  for (const v of votes) {
    const who = voters.get(v.userId) ?? { userId: v.userId, votes: 0, wins: {}, ties: 0 };
    voters.set(v.userId, who);
    who.votes++;
    for (const p of participants(v.pairKey, n)) {
      if (p >= n) continue;
      results[p].votes++;
      if (v.winner === null) results[p].ties++;
    }
    if (v.winner !== null && v.winner < n) {
      results[v.winner].wins++;
      who.wins[String(v.winner)] = (who.wins[String(v.winner)] ?? 0) + 1;
    } else who.ties++;
  }
  const costs = results.map(() => ({
    cost: 0,
    costed: 0,
    seconds: 0,
    timed: 0,
    currency: undefined as string | undefined,
  }));
  for (const c of cells) {
    const r = results[c.variant];
    if (!r) continue;
    r.cells++;
    if (cellStatus(c) !== "succeeded") continue;
    r.succeeded++;
    const acc = costs[c.variant];
    const { cost, currency } = cellCost(c);
    if (cost !== undefined) {
      acc.cost += cost;
      acc.costed++;
      acc.currency ??= currency;
    }
    const s = cellSeconds(c);
    if (s !== undefined) {
      acc.seconds += s;
      acc.timed++;
    }
  }
  for (const [i, r] of results.entries()) {
    r.winRate = r.votes ? Math.round((r.wins / r.votes) * 10_000) / 10_000 : null;
    const acc = costs[i];
    if (acc.costed) {
      r.averageCost = roundMoney(acc.cost / acc.costed);
      if (acc.currency) r.currency = acc.currency;
    }
    if (acc.timed) r.averageSeconds = Math.round((acc.seconds / acc.timed) * 10) / 10;
  }
  const people = await db().user.findMany({
    where: { id: { in: [...voters.keys()] } },
    select: { id: true, name: true },
  });
  return {
    id,
    variants: results,
    voters: [...voters.values()].map((v) => ({ ...v, name: people.find((p) => p.id === v.userId)?.name })),
    totalVotes: votes.length,
    myVotes: votes
      .filter((v) => v.userId === scope.userId)
      .map((v) => ({
        row: v.row,
        winner: v.winner,
        ...(v.against !== null ? { against: v.against } : {}),
        ...(v.pairKey ? { pair: v.pairKey.split("-").map(Number) as [number, number] } : {}),
      })),
  };
}
