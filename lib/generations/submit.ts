import "server-only";
import { getModeSpec, getModel, type Mode } from "@/lib/catalog";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { syncLedger } from "@/lib/spend/ledger";
import { TdError } from "@/lib/td/errors";
import { adapterFor } from "./adapters";
import type { ResolvedInput } from "./adapters/types";
import { callbackUrlFor } from "./callback";
import { applyPollResult, mergeIds, recordFailure } from "./finish";
import { firstPollDelay } from "./schedule";
import { referenceFor } from "./inputs";
import type { Gate } from "./gate";

/** How long a create refused for capacity (429) keeps being queued again before it fails with TD's code. */
export const CAPACITY_WAIT_MS = 60 * 60_000;
const THROTTLED = /^(Throttling|RateLimitExceeded|RequestLimitExceeded|LimitExceeded\.Qps)/;

/** A 429 (or a documented throttling code): TD did not take the task, so sending it again is safe. */
export function isCapacityRefusal(e: TdError): boolean {
  return e.httpStatus === 429 || (e.kind !== "network" && e.kind !== "timeout" && THROTTLED.test(e.code));
}

/** Backoff for a create refused for capacity: at least TD's Retry-After, else 5 × the poll interval doubling, capped at 5 min. */
export function capacityRetryDelay(attempt: number, retryAfterMs?: number): number {
  const base = config().STUDIO_POLL_MS * 5;
  const backoff = Math.min(5 * 60_000, base * 2 ** Math.max(0, attempt - 1));
  return retryAfterMs === undefined ? backoff : Math.min(10 * 60_000, Math.max(retryAfterMs, base));
}

/**
 * Send a queued generation upstream, once. The compare-and-set on `submittedAt` makes sure that two
 * callers (the request and a recovering engine) never both send it: a create is never blindly repeated.
 * Each attempt's requestId is stored before it is sent; an answer that arrives after the engine gave the
 * create up as SubmitInterrupted still wins (the record is revived with its task id or outputs).
 */
export async function submitGeneration(id: string, gate?: Gate): Promise<void> {
  const now = new Date();
  const turn = <T>(fn: () => Promise<T>) => (gate ? gate.run(fn) : fn());
  const gen = await turn(async () => {
    const claimed = await db().generation.updateMany({
      where: { id, status: "queued", submittedAt: null },
      data: { submittedAt: now, attempts: { increment: 1 } },
    });
    if (claimed.count === 0) return undefined;
    return db().generation.findUniqueOrThrow({
      where: { id },
      include: { inputs: { include: { asset: true }, orderBy: { position: "asc" } } },
    });
  });
  if (!gen) return;
  // Only this submit writes the record's requestIds until TD has answered (it holds submittedAt): kept here, not
  // read back before each write.
  let sentIds = gen.requestIds;
  const model = getModel(gen.model);
  const spec = model && getModeSpec(gen.model, gen.mode as Mode);
  const adapter = model && adapterFor(model.family);
  if (!model || !spec || !adapter) {
    await recordFailure(id, {
      code: "ModelUnavailable",
      message: `${gen.model} (${gen.mode}) is no longer in the studio's catalog, so it cannot be sent.`,
      requestIds: [],
    });
    return;
  }
  const beforeSend = async (requestId: string) => {
    sentIds = mergeIds(sentIds, [requestId]);
    await db().generation.update({ where: { id }, data: { requestIds: sentIds } });
  };
  // Asked for when the family calls back and TD can reach us; remembered, so the polls become a safety net.
  const callbackUrl = adapter.callbacks ? callbackUrlFor(id) : undefined;
  try {
    const inputs: ResolvedInput[] = [];
    for (const i of gen.inputs) {
      const roleSpec = spec.inputs.find((s) => s.role === i.role)!;
      inputs.push({ role: i.role, ref: await referenceFor(roleSpec, i, i.asset), assetId: i.assetId ?? undefined });
    }
    const result = await adapter.submit({
      model,
      spec,
      generationId: id,
      prompt: gen.prompt ?? undefined,
      params: JSON.parse(gen.params),
      inputs,
      beforeSend,
      callbackUrl,
    });
    const requestIds = mergeIds(sentIds, result.requestIds);
    if (result.done) {
      await db().generation.update({ where: { id }, data: { requestIds } });
      await applyPollResult(id, result.done, { revive: true });
      return;
    }
    const running = {
      upstreamTaskId: result.upstreamTaskId ?? null,
      upstreamStatus: result.upstreamStatus ?? null,
      status: "running",
      phase: null,
      errorCode: null,
      errorMessage: null,
      finishedAt: null,
      requestIds,
      callback: !!callbackUrl,
      nextPollAt: new Date(Date.now() + firstPollDelay({ model, callback: !!callbackUrl })),
    };
    await turn(async () => {
      // Still queued (the usual case): its reservation is as it was, nothing for the ledger to do.
      const written = await db().generation.updateMany({ where: { id, status: "queued" }, data: running });
      if (written.count) return;
      // Given up as SubmitInterrupted while TD took its time: the late answer revives it, reserved again.
      const revived = await db().generation.updateMany({
        where: { id, status: "failed", errorCode: "SubmitInterrupted" },
        data: running,
      });
      if (revived.count) await syncLedger(id);
      else
        console.error(
          `[engine] generation ${id}: TD accepted task ${result.upstreamTaskId} after the record was closed; not applied`,
        );
    });
  } catch (e) {
    if (e instanceof TdError) {
      if (isCapacityRefusal(e)) return waitForCapacity(id, now, gen.createdAt, gen.attempts, e);
      const uncertain = e.kind === "timeout" || e.kind === "network" || e.kind === "malformed";
      await recordFailure(
        id,
        {
          code: uncertain ? "SubmitUncertain" : e.code,
          message: uncertain
            ? `TD may have accepted this task, but its answer was lost (${e.upstreamMessage}). It was not sent again, so you are not charged twice.`
            : e.upstreamMessage,
          requestIds: [e.requestId],
        },
        { alsoInterrupted: !uncertain },
      );
      return;
    }
    if (e instanceof AppError) {
      await recordFailure(id, { code: e.code, message: e.message, requestIds: [] });
      return;
    }
    await recordFailure(id, {
      code: "internal",
      message: `The studio could not send this task: ${(e as Error).message}`,
      requestIds: [],
    });
  }
}

/** TD refused the create for capacity: queue it again (not sent, so the engine sends it when due), or give up after an hour. */
async function waitForCapacity(
  id: string,
  submittedAt: Date,
  createdAt: Date,
  attempts: number,
  e: TdError,
): Promise<void> {
  if (Date.now() - createdAt.getTime() > CAPACITY_WAIT_MS) {
    await recordFailure(
      id,
      {
        code: e.code,
        message: `TD had no capacity for this task for ${CAPACITY_WAIT_MS / 60_000} minutes: ${e.upstreamMessage}`,
        requestIds: [e.requestId],
      },
      { alsoInterrupted: true },
    );
    return;
  }
  const row = await db().generation.findUnique({ where: { id }, select: { requestIds: true } });
  await db().generation.updateMany({
    // A late 429 also undoes a SubmitInterrupted guess: TD did not take the task.
    where: {
      id,
      OR: [
        { status: "queued", submittedAt },
        { status: "failed", errorCode: "SubmitInterrupted" },
      ],
    },
    data: {
      status: "queued",
      errorCode: null,
      errorMessage: null,
      finishedAt: null,
      submittedAt: null,
      phase: "waiting_capacity",
      upstreamStatus: "waiting_capacity",
      nextPollAt: new Date(Date.now() + capacityRetryDelay(attempts, e.retryAfterMs)),
      requestIds: mergeIds(row?.requestIds ?? "[]", [e.requestId]),
    },
  });
}
