import "server-only";
import type { z } from "zod";
import type { Scope } from "@/lib/auth/scope";
import type { Mode } from "@/lib/catalog/types";
import type { Units } from "@/lib/catalog/units";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { decodeCursor, encodeCursor } from "@/lib/gallery/cursor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { blindOrder } from "./blind";
import type { ExpandedRow } from "./expand";
import type { ExperimentDefinition, listExperimentsQuery } from "./schema";
import type { CellStatus, ExperimentCellView, ExperimentStatus, ExperimentSummary, ExperimentView } from "./types";

// GET /api/v1/experiments/{id}: the grid (rows × variants) with each cell's state, outputs, time and cost.
// Blind mode (?blind=1): per row, a stable shuffled column order for the caller; until the caller has voted on a
// row, its cells carry only their `column` (no variant index, generation id, cost or time), so nothing in the
// row tells which model made which cell. The variants list itself stays (the UI labels columns A, B, C …).

const CELL_INCLUDE = {
  generation: {
    select: {
      id: true,
      status: true,
      progress: true,
      errorCode: true,
      errorMessage: true,
      createdAt: true,
      submittedAt: true,
      finishedAt: true,
      outputs: {
        select: { id: true, kind: true, mime: true, role: true, trashedAt: true },
        orderBy: { createdAt: "asc" as const },
      },
      ledger: { select: { state: true, cost: true, currency: true, units: true } },
    },
  },
} satisfies Prisma.ExperimentCellInclude;
export type CellRowFull = Prisma.ExperimentCellGetPayload<{ include: typeof CELL_INCLUDE }>;

export async function ownedExperiment(scope: Scope, id: string) {
  const x = await db().experiment.findFirst({ where: { id, teamId: scope.teamId } });
  if (!x) throw new AppError("not_found", `experiment ${id} does not exist`);
  return x;
}

export function cellStatus(c: Pick<CellRowFull, "state" | "generation">): CellStatus {
  if (c.state === "waiting") return "waiting";
  if (c.state === "sending") return "queued";
  if (c.state === "sent" && c.generation) return c.generation.status as CellStatus;
  if (c.state === "sent") return "canceled";
  return c.state as CellStatus;
}

/** Seconds from being sent to the end (media: the generation's; chat: the call's latency). */
export function cellSeconds(c: CellRowFull): number | undefined {
  if (c.latencyMs !== null) return Math.round(c.latencyMs) / 1000;
  const g = c.generation;
  if (!g?.finishedAt) return undefined;
  return Math.round(g.finishedAt.getTime() - (g.submittedAt ?? g.createdAt).getTime()) / 1000;
}

/** What the cell cost (settled), or what it holds reserved while it runs. */
export function cellCost(c: CellRowFull): { cost?: number; currency?: string } {
  if (c.cost !== null) return { cost: c.cost, ...(c.currency ? { currency: c.currency } : {}) };
  const l = c.generation?.ledger;
  if (!l || l.state === "released" || l.cost === null) return {};
  return { cost: l.cost, ...(l.currency ? { currency: l.currency } : {}) };
}

function cellView(c: CellRowFull): ExperimentCellView {
  const g = c.generation;
  const usage = c.usage
    ? (JSON.parse(c.usage) as {
        prompt_tokens?: number;
        completion_tokens?: number;
        completion_tokens_details?: { reasoning_tokens?: number } | null;
      })
    : undefined;
  const seconds = cellSeconds(c);
  const error =
    g && (g.errorCode || g.errorMessage)
      ? { code: g.errorCode ?? "failed", message: g.errorMessage ?? "" }
      : c.errorCode
        ? { code: c.errorCode, message: c.errorMessage ?? "" }
        : undefined;
  return {
    n: c.n,
    row: c.row,
    variant: c.variant,
    ...(c.seed !== null ? { seed: c.seed } : {}),
    ...(g ? { generationId: g.id } : {}),
    status: cellStatus(c),
    ...(g?.progress != null ? { progress: g.progress } : {}),
    outputs: (g?.outputs ?? [])
      .filter((o) => !o.trashedAt)
      .map((o) => ({ assetId: o.id, kind: o.kind, mime: o.mime, role: o.role })),
    ...(c.output !== null ? { text: c.output } : {}),
    ...(usage
      ? {
          tokens: {
            prompt: usage.prompt_tokens,
            completion: usage.completion_tokens,
            reasoning: usage.completion_tokens_details?.reasoning_tokens ?? 0,
          },
        }
      : {}),
    ...cellCost(c),
    ...(c.generation?.ledger && c.generation.ledger.state !== "released"
      ? { units: JSON.parse(c.generation.ledger.units) as Units }
      : {}),
    ...(seconds !== undefined ? { seconds } : {}),
    ...(error ? { error } : {}),
  };
}

const blindKey = (experimentId: string, userId: string, row: number) => `${experimentId}:${userId}:${row}`;

/** The caller's column order of a row in blind mode: position → variant index. */
export function columnOrder(experimentId: string, userId: string, row: number, variants: number): number[] {
  return blindOrder(variants, blindKey(experimentId, userId, row));
}

export async function getExperiment(scope: Scope, id: string, opts: { blind?: boolean } = {}): Promise<ExperimentView> {
  const x = await ownedExperiment(scope, id);
  const def = JSON.parse(x.definition) as ExperimentDefinition;
  const rows = JSON.parse(x.rows) as ExpandedRow[];
  const cells = await db().experimentCell.findMany({
    where: { experimentId: id },
    orderBy: { n: "asc" },
    include: CELL_INCLUDE,
  });
  const n = def.variants.length;
  const voted = opts.blind
    ? new Set(
        (
          await db().experimentVote.findMany({
            where: { experimentId: id, userId: scope.userId },
            select: { row: true },
          })
        ).map((v) => v.row),
      )
    : new Set<number>();
  const orders = rows.map((_, row) => (opts.blind ? columnOrder(id, scope.userId, row, n) : undefined));
  const counts = Object.fromEntries(
    (["waiting", "queued", "running", "succeeded", "failed", "canceled", "expired"] as CellStatus[]).map((s) => [s, 0]),
  ) as Record<CellStatus, number>;
  const cellViews = cells.map((c) => {
    const view = cellView(c);
    counts[view.status]++;
    const order = orders[c.row];
    if (!order) return view;
    const column = order.indexOf(c.variant);
    if (voted.has(c.row)) return { ...view, column };
    // Not voted yet: nothing that tells the model apart.
    const rest: ExperimentCellView = { ...view };
    for (const k of ["n", "variant", "generationId", "cost", "currency", "units", "seconds"] as const) delete rest[k];
    return { ...rest, column };
  });
  if (opts.blind) cellViews.sort((a, b) => a.row - b.row || a.column! - b.column!);
  return {
    id: x.id,
    name: x.name,
    status: x.status as ExperimentStatus,
    version: x.version,
    ...(x.parentId ? { parentId: x.parentId } : {}),
    createdAt: x.createdAt.toISOString(),
    ...(x.createdById ? { createdBy: x.createdById } : {}),
    blind: !!opts.blind,
    variants: def.variants.map((v, index) => ({
      index,
      model: v.model,
      mode: v.mode as Mode,
      ...(v.params ? { params: v.params } : {}),
      ...(v.label ? { label: v.label } : {}),
    })),
    rows: rows.map((r, row) => ({
      row,
      prompt: r.prompt,
      ...(r.values ? { values: r.values } : {}),
      ...(r.seed !== undefined ? { seed: r.seed } : {}),
      repeat: r.repeat,
      // Blind: the order (column → variant) only once voted; before, the cells' `column` places them.
      ...(orders[row] ? { voted: voted.has(row), ...(voted.has(row) ? { order: orders[row] } : {}) } : {}),
    })),
    cells: cellViews,
    counts,
    definition: def,
  };
}

/** Newest first, keyset pages over (createdAt, id). */
export async function listExperiments(
  scope: Scope,
  q: z.infer<typeof listExperimentsQuery>,
): Promise<{ items: ExperimentSummary[]; nextCursor: string | null }> {
  const after = q.cursor ? decodeCursor(q.cursor) : undefined;
  const rows = await db().experiment.findMany({
    where: {
      teamId: scope.teamId,
      ...(q.status ? { status: q.status } : {}),
      ...(after
        ? {
            OR: [
              { createdAt: { lt: new Date(after.createdAt) } },
              { createdAt: new Date(after.createdAt), id: { lt: after.id } },
            ],
          }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const ids = page.map((r) => r.id);
  const [totals, done, covers] = await Promise.all([
    db().experimentCell.groupBy({ by: ["experimentId"], where: { experimentId: { in: ids } }, _count: true }),
    db().experimentCell.groupBy({
      by: ["experimentId"],
      where: {
        experimentId: { in: ids },
        OR: [
          { state: { in: ["succeeded", "failed", "canceled"] } },
          { state: "sent", generation: { status: { notIn: ["queued", "running"] } } },
        ],
      },
      _count: true,
    }),
    db().asset.findMany({
      where: { teamId: scope.teamId, trashedAt: null, generation: { experimentId: { in: ids } } },
      orderBy: { createdAt: "asc" },
      select: { id: true, generation: { select: { experimentId: true } } },
    }),
  ]);
  const last = page[page.length - 1];
  return {
    items: page.map((x) => {
      const cover = covers.find((c) => c.generation?.experimentId === x.id);
      return {
        id: x.id,
        name: x.name,
        status: x.status as ExperimentStatus,
        version: x.version,
        ...(x.parentId ? { parentId: x.parentId } : {}),
        createdAt: x.createdAt.toISOString(),
        cells: totals.find((t) => t.experimentId === x.id)?._count ?? 0,
        done: done.find((t) => t.experimentId === x.id)?._count ?? 0,
        ...(cover ? { coverAssetId: cover.id } : {}),
        variants: (JSON.parse(x.definition) as ExperimentDefinition).variants.map((v) => ({
          model: v.model,
          mode: v.mode as Mode,
          ...(v.params ? { params: v.params } : {}),
          ...(v.label ? { label: v.label } : {}),
        })),
      };
    }),
    nextCursor: rows.length > q.limit ? encodeCursor({ createdAt: last.createdAt.toISOString(), id: last.id }) : null,
  };
}

export { CELL_INCLUDE };
