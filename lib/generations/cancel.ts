import "server-only";
import type { Scope } from "@/lib/auth/scope";
import { getModel } from "@/lib/catalog";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { syncLedger } from "@/lib/spend/ledger";
import { TdError } from "@/lib/td/errors";
import { adapterFor } from "./adapters";
import { getGeneration } from "./queries";
import { isTerminal } from "./status";

/** Cancel where the upstream allows it; elsewhere say why not. */
export async function cancelGeneration(scope: Scope, id: string) {
  const gen = await db().generation.findFirst({ where: { id, teamId: scope.teamId } });
  if (!gen) throw new AppError("not_found", `generation ${id} does not exist`);
  if (isTerminal(gen.status))
    throw new AppError("conflict", `generation ${id} is already ${gen.status}`, undefined, {
      reason: "already_finished",
      status: gen.status,
    });
  const model = getModel(gen.model)!;
  // Not sent yet: nothing upstream to stop.
  const local = await db().generation.updateMany({
    where: { id, status: "queued", submittedAt: null },
    data: { status: "canceled", finishedAt: new Date(), nextPollAt: null },
  });
  if (local.count) await syncLedger(id);
  if (local.count) return getGeneration(scope, id);
  const adapter = adapterFor(model.family);
  if (model.cancel !== "queued-only" || !adapter?.cancel || !gen.upstreamTaskId) {
    throw new AppError(
      "not_cancelable",
      `${model.name.en} tasks cannot be cancelled once sent: TD offers no cancel for this model. It will finish on its own.`,
      undefined,
      { reason: "never", model: gen.model },
    );
  }
  if (gen.status !== "queued")
    throw new AppError(
      "not_cancelable",
      `${model.name.en} can only cancel a task while it is queued; this one is already running.`,
      undefined,
      { reason: "running", model: gen.model },
    );
  try {
    await adapter.cancel({ model, upstreamTaskId: gen.upstreamTaskId });
  } catch (e) {
    if (e instanceof TdError)
      throw new AppError("not_cancelable", `TD refused the cancel: ${e.upstreamMessage}`, undefined, {
        reason: "refused",
        model: gen.model,
        upstreamCode: e.code,
      });
    throw e;
  }
  await db().generation.updateMany({
    where: { id, status: { in: ["queued", "running"] } },
    data: { status: "canceled", finishedAt: new Date(), nextPollAt: null, leaseOwner: null, leaseExpiresAt: null },
  });
  await syncLedger(id);
  return getGeneration(scope, id);
}
