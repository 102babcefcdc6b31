import "server-only";
import type { Scope } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { cancelGeneration } from "@/lib/generations/cancel";
import { experimentDefinition, type DuplicateExperimentRequest, type ExperimentDefinition } from "./schema";
import { createExperiment, pumpTeam } from "./run";
import { CELL_INCLUDE, cellStatus, getExperiment, ownedExperiment } from "./view";

// Cancel the rest, retry one failed cell, duplicate with changes (a new version).

/** Waiting cells are dropped; sent ones are cancelled where TD allows it (others finish on their own). */
export async function cancelExperiment(scope: Scope, id: string) {
  const x = await ownedExperiment(scope, id);
  if (x.status !== "running")
    throw new AppError("conflict", `experiment ${id} is already ${x.status}`, undefined, {
      reason: "experiment_ended",
      status: x.status,
    });
  await db().experiment.update({ where: { id }, data: { status: "canceled", finishedAt: new Date() } });
  await db().experimentCell.updateMany({
    where: { experimentId: id, state: "waiting" },
    data: { state: "canceled", finishedAt: new Date() },
  });
  const sent = await db().experimentCell.findMany({
    where: { experimentId: id, state: "sent", generation: { status: { in: ["queued", "running"] } } },
    select: { generationId: true },
  });
  let stillRunning = 0;
  for (const c of sent) {
    try {
      await cancelGeneration(scope, c.generationId!);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      stillRunning++; // not_cancelable (TD offers no cancel for it now) or it ended meanwhile
    }
  }
  void pumpTeam(scope.teamId);
  return { ...(await getExperiment(scope, id)), stillRunning };
}

/** Run one ended-unsuccessfully cell again (a new generation; the old one stays in the history). */
export async function retryCell(scope: Scope, id: string, n: number) {
  const x = await ownedExperiment(scope, id);
  if (x.status === "canceled")
    throw new AppError("conflict", `experiment ${id} was cancelled`, undefined, {
      reason: "experiment_ended",
      status: x.status,
    });
  const cell = await db().experimentCell.findFirst({ where: { experimentId: id, n }, include: CELL_INCLUDE });
  if (!cell) throw new AppError("not_found", `experiment ${id} has no cell ${n}`);
  const status = cellStatus(cell);
  if (!["failed", "canceled", "expired"].includes(status))
    throw new AppError(
      "conflict",
      `cell ${n} is ${status}; only a failed, cancelled or expired cell can be retried`,
      undefined,
      {
        reason: "cell_not_failed",
        status,
      },
    );
  await db().$transaction([
    db().experimentCell.update({
      where: { id: cell.id },
      data: {
        state: "waiting",
        generationId: null,
        errorCode: null,
        errorMessage: null,
        output: null,
        usage: null,
        latencyMs: null,
        cost: null,
        currency: null,
        startedAt: null,
        finishedAt: null,
      },
    }),
    db().experiment.update({ where: { id }, data: { status: "running", finishedAt: null } }),
  ]);
  await pumpTeam(scope.teamId);
  return getExperiment(scope, id);
}

/** A new version of the experiment: its definition with the given fields replaced (dryRun: just the plan). */
export async function duplicateExperiment(scope: Scope, id: string, changes: DuplicateExperimentRequest) {
  const x = await ownedExperiment(scope, id);
  const { dryRun, ...rest } = changes;
  const base = JSON.parse(x.definition) as ExperimentDefinition;
  const def = experimentDefinition.parse({ ...base, ...rest });
  const root = x.parentId ?? x.id;
  const latest = await db().experiment.aggregate({
    where: { teamId: scope.teamId, OR: [{ id: root }, { parentId: root }] },
    _max: { version: true },
  });
  return createExperiment(scope, def, { dryRun, parentId: root, version: (latest._max.version ?? x.version) + 1 });
}
