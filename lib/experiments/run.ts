import "server-only";
import { randomUUID } from "node:crypto";
import type { Scope } from "@/lib/auth/scope";
import { getModel } from "@/lib/catalog";
import { buildChatBody } from "@/lib/catalog/chat-models";
import { GPT54_MODEL } from "@/lib/td/chat-schema";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { cancelGeneration } from "@/lib/generations/cancel";
import { createGeneration } from "@/lib/generations/create";
import { checkLimits } from "@/lib/spend/budgets";
import { releaseChatTurn, reserveChatTurn, settleChatTurn } from "@/lib/spend/chat-ledger";
import { reconcileLedger } from "@/lib/spend/ledger";
import { currentPrices } from "@/lib/spend/prices";
import { td, TdError } from "@/lib/td";
import { budgetFit, planExperiment } from "./plan";
import type { ExperimentDefinition } from "./schema";
import type { ExperimentPlanView } from "./types";

// Running an experiment: its cells are written first (state waiting), then sent as the team's experiment
// concurrency allows (STUDIO_EXPERIMENT_CONCURRENCY): media cells through the ordinary create path (record,
// reserve, send; the engine polls them), chat cells as one non-streamed completion. When a cell ends, the
// next waiting one of the team goes (pump).

const ACTIVE_GEN = ["queued", "running"];
/** How long one chat cell's non-streamed completion may take. */
const CHAT_CELL_TIMEOUT_MS = 10 * 60_000;

export type DryRunAnswer = ExperimentPlanView & { budget: Awaited<ReturnType<typeof budgetFit>> };

/** dryRun: the plan and whether the budgets fit it, nothing written. Otherwise: written, then sent as slots free. */
export async function createExperiment(
  scope: Scope,
  def: ExperimentDefinition,
  opts: { dryRun?: boolean; parentId?: string; version?: number } = {},
): Promise<DryRunAnswer | { id: string; cells: number; estimate: ExperimentPlanView["estimate"] }> {
  const plan = await planExperiment(scope, def);
  if (opts.dryRun) return { ...plan.view, budget: await budgetFit(scope, plan.view.estimate.cost) };
  const id = randomUUID();
  await reconcileLedger(scope.teamId);
  await db().$transaction(
    async (tx) => {
      // The write lock first (as a create's reservation takes it), then the whole estimate against the budgets:
      // an experiment the budget cannot fit is refused before any cell is written or sent.
      await tx.$executeRaw`UPDATE "Team" SET "updatedAt" = "updatedAt" WHERE "id" = ${scope.teamId}`;
      const prices = await currentPrices(tx);
      await checkLimits(tx, scope, plan.view.estimate.cost ?? 0, prices.currency, { quotas: false });
      await tx.experiment.create({
        data: {
          id,
          teamId: scope.teamId,
          createdById: scope.userId || null,
          name: def.name,
          status: "running",
          definition: JSON.stringify(def),
          rows: JSON.stringify(plan.rows),
          parentId: opts.parentId ?? null,
          version: opts.version ?? 1,
        },
      });
      await tx.experimentCell.createMany({
        data: plan.cells.map((c) => ({
          id: randomUUID(),
          experimentId: id,
          teamId: scope.teamId,
          n: c.n,
          row: c.row,
          variant: c.variant,
          seed: c.seed ?? null,
          prompt: c.prompt,
          params: JSON.stringify(c.params),
        })),
      });
    },
    { maxWait: 20_000, timeout: 20_000 },
  );
  void pumpTeam(scope.teamId);
  return { id, cells: plan.cells.length, estimate: plan.view.estimate };
}

const chains = new Map<string, Promise<void>>();

/** Send the team's next waiting cells while its experiment concurrency has room; one pass at a time per team. */
export function pumpTeam(teamId: string): Promise<void> {
  const prev = chains.get(teamId) ?? Promise.resolve();
  const next = prev.then(() => pumpOnce(teamId)).catch((e) => console.error(`[experiments] pump ${teamId}:`, e));
  chains.set(teamId, next);
  void next.finally(() => {
    if (chains.get(teamId) === next) chains.delete(teamId);
  });
  return next;
}

/** Cells that hold a slot: being sent, a chat call in flight, or a generation still queued or running. */
export async function activeCells(teamId: string): Promise<number> {
  return db().experimentCell.count({
    where: {
      teamId,
      OR: [{ state: { in: ["sending", "running"] } }, { state: "sent", generation: { status: { in: ACTIVE_GEN } } }],
    },
  });
}

/** How long a cell may stay "sending" (its create cannot take longer): after that the process sending it died. */
const SENDING_STALE_MS = 10 * 60_000;

/**
 * Cells whose sender died (a restart between the claim and the link): a "sending" cell with its generation is
 * linked; one without was never written and is failed as not sent; a chat cell past its timeout is failed.
 */
async function recoverStale(teamId: string): Promise<void> {
  const now = Date.now();
  const stale = await db().experimentCell.findMany({
    where: {
      teamId,
      OR: [
        { state: "sending", startedAt: { lt: new Date(now - SENDING_STALE_MS) } },
        { state: "running", startedAt: { lt: new Date(now - CHAT_CELL_TIMEOUT_MS - SENDING_STALE_MS) } },
      ],
    },
    select: { id: true, experimentId: true, state: true },
  });
  for (const c of stale) {
    const orphan =
      c.state === "sending"
        ? await db().generation.findFirst({
            where: {
              experimentId: c.experimentId,
              experimentCell: null,
              createdAt: { gte: new Date(now - 2 * SENDING_STALE_MS) },
            },
            select: { id: true },
          })
        : null;
    await db().experimentCell.updateMany({
      where: { id: c.id, state: c.state },
      data: orphan
        ? { state: "sent", generationId: orphan.id }
        : {
            state: "failed",
            errorCode: "NotSent",
            errorMessage: "The studio stopped while sending this cell; run it again.",
            finishedAt: new Date(),
          },
    });
  }
}

let lastSweep = 0;

/** The engine's safety net (every few seconds): teams with waiting cells get a pass, after a restart too. */
export async function pumpWaiting(): Promise<void> {
  if (Date.now() - lastSweep < 5_000) return;
  lastSweep = Date.now();
  const teams = await db().experimentCell.findMany({
    where: { state: { in: ["waiting", "sending", "running"] } },
    distinct: ["teamId"],
    select: { teamId: true },
  });
  for (const t of teams) await pumpTeam(t.teamId);
}

async function pumpOnce(teamId: string): Promise<void> {
  const limit = config().STUDIO_EXPERIMENT_CONCURRENCY;
  await recoverStale(teamId);
  for (;;) {
    const free = limit - (await activeCells(teamId));
    if (free <= 0) return;
    const next = await db().experimentCell.findMany({
      where: { teamId, state: "waiting", experiment: { status: "running" } },
      orderBy: [{ experiment: { createdAt: "asc" } }, { experimentId: "asc" }, { n: "asc" }],
      take: free,
      include: { experiment: true },
    });
    if (!next.length) {
      await closeFinished(teamId);
      return;
    }
    const claimed: Promise<void>[] = [];
    let any = 0;
    for (const cell of next) {
      const c = await db().experimentCell.updateMany({
        where: { id: cell.id, state: "waiting" },
        data: { state: "sending", startedAt: new Date(), attempts: { increment: 1 } },
      });
      if (!c.count) continue;
      any++;
      const def = JSON.parse(cell.experiment.definition) as ExperimentDefinition;
      const scope = { teamId, userId: cell.experiment.createdById ?? "" };
      if (getChat(def, cell.variant)) void runChatCell(scope, def, cell).finally(() => void pumpTeam(teamId));
      else claimed.push(sendMediaCell(scope, def, cell));
    }
    // The batch's creates go together (each is still recorded before it is sent).
    await Promise.all(claimed);
    if (!any) return;
  }
}

const getChat = (def: ExperimentDefinition, variant: number) =>
  getModel(def.variants[variant].model)?.family === "chat";

type CellRow = { id: string; experimentId: string; variant: number; prompt: string; params: string };

/** A media cell: the ordinary create (validated, reserved, recorded, sent), linked to the experiment. */
async function sendMediaCell(scope: Scope, def: ExperimentDefinition, cell: CellRow): Promise<void> {
  const v = def.variants[cell.variant];
  try {
    const params = JSON.parse(cell.params) as Record<string, unknown>;
    const gen = await createGeneration(
      {
        model: v.model,
        mode: v.mode,
        prompt: cell.prompt,
        params,
        ...(def.inputs?.length ? { inputs: def.inputs } : {}),
        ...(def.promptVersionId ? { promptVersionId: def.promptVersionId } : {}),
      },
      scope,
      { experimentId: cell.experimentId },
    );
    await db().experimentCell.update({ where: { id: cell.id }, data: { state: "sent", generationId: gen.id } });
    // Cancelled while this create was on its way: stop it too, where TD allows it.
    const x = await db().experiment.findUnique({ where: { id: cell.experimentId }, select: { status: true } });
    if (x?.status === "canceled") await cancelGeneration(scope, gen.id).catch(() => undefined);
  } catch (e) {
    const err = e instanceof AppError ? e : undefined;
    if (!err) console.error(`[experiments] cell ${cell.id} could not be created:`, e);
    await db().experimentCell.update({
      where: { id: cell.id },
      data: {
        state: "failed",
        errorCode: err?.code ?? "internal",
        errorMessage: err?.message ?? "The studio could not create this cell's generation.",
        finishedAt: new Date(),
      },
    });
  }
}

/** A chat cell: reserved against the budgets, one non-streamed completion, settled from TD's usage. */
async function runChatCell(scope: Scope, def: ExperimentDefinition, cell: CellRow): Promise<void> {
  const v = def.variants[cell.variant];
  const started = Date.now();
  let turn: Awaited<ReturnType<typeof reserveChatTurn>> | undefined;
  try {
    const body = buildChatBody(
      v.model,
      [{ role: "user", content: cell.prompt }],
      JSON.parse(cell.params) as Record<string, unknown>,
      {
        modelCode: v.model === GPT54_MODEL ? config().TD_GPT54_MODEL_CODE : undefined,
      },
    );
    turn = await reserveChatTurn(scope, v.model, body);
    await db().experimentCell.update({ where: { id: cell.id }, data: { state: "running" } });
    // A whole answer (thinking included) may take minutes; TD_TIMEOUT_MS is sized for a stream's first byte.
    const r = await td().chat.complete(body, undefined, {
      timeoutMs: Math.max(config().TD_TIMEOUT_MS, CHAT_CELL_TIMEOUT_MS),
    });
    const usage = r.data.usage ?? undefined;
    if (usage) await settleChatTurn(turn, usage as Record<string, unknown>);
    else await releaseChatTurn(turn, false);
    const entry = await db().ledgerEntry.findUnique({ where: { id: turn.id } });
    await db().experimentCell.updateMany({
      where: { id: cell.id, state: "running" },
      data: {
        state: "succeeded",
        output: r.data.choices[0]?.message.content ?? "",
        usage: usage ? JSON.stringify(usage) : null,
        latencyMs: Date.now() - started,
        cost: entry?.cost ?? null,
        currency: entry?.currency ?? null,
        finishedAt: new Date(),
      },
    });
  } catch (e) {
    if (turn) await releaseChatTurn(turn, true);
    const code = e instanceof TdError ? e.code : e instanceof AppError ? e.code : "internal";
    const message =
      e instanceof TdError ? e.upstreamMessage : e instanceof AppError ? e.message : "The chat call failed.";
    if (!(e instanceof TdError) && !(e instanceof AppError)) console.error(`[experiments] chat cell ${cell.id}:`, e);
    await db().experimentCell.update({
      where: { id: cell.id },
      data: {
        state: "failed",
        errorCode: code,
        errorMessage: message,
        latencyMs: Date.now() - started,
        finishedAt: new Date(),
      },
    });
  }
}

/** Experiments of the team whose every cell has ended are finished. */
async function closeFinished(teamId: string): Promise<void> {
  const running = await db().experiment.findMany({ where: { teamId, status: "running" }, select: { id: true } });
  for (const x of running) {
    const open = await db().experimentCell.count({
      where: {
        experimentId: x.id,
        OR: [
          { state: { in: ["waiting", "sending", "running"] } },
          { state: "sent", generation: { status: { in: ACTIVE_GEN } } },
        ],
      },
    });
    if (!open)
      await db().experiment.updateMany({
        where: { id: x.id, status: "running" },
        data: { status: "finished", finishedAt: new Date() },
      });
  }
}

/** The engine's hook: a generation ended; if it was an experiment cell, its team's next cells may go. */
export async function experimentGenerationEnded(generationId: string): Promise<void> {
  const g = await db().generation.findUnique({
    where: { id: generationId },
    select: { experimentId: true, teamId: true },
  });
  if (g?.experimentId && g.teamId) await pumpTeam(g.teamId);
}
