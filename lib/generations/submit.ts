import "server-only";
import { getModeSpec, getModel, type Mode } from "@/lib/catalog";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { TdError } from "@/lib/td/errors";
import { adapterFor } from "./adapters";
import type { ResolvedInput } from "./adapters/types";
import { applyPollResult, firstPollDelay, recordFailure } from "./finish";
import { referenceFor } from "./inputs";

/**
 * Send a queued generation upstream, once. The compare-and-set on `submittedAt` makes sure that two
 * callers (the request and a recovering engine) never both send it: a create is never blindly repeated.
 */
export async function submitGeneration(id: string): Promise<void> {
  const now = new Date();
  const claimed = await db().generation.updateMany({
    where: { id, status: "queued", submittedAt: null },
    data: { submittedAt: now, attempts: { increment: 1 } },
  });
  if (claimed.count === 0) return;
  const gen = await db().generation.findUniqueOrThrow({ where: { id }, include: { inputs: { include: { asset: true }, orderBy: { position: "asc" } } } });
  const model = getModel(gen.model)!;
  const spec = getModeSpec(gen.model, gen.mode as Mode)!;
  const adapter = adapterFor(model.family)!;
  try {
    const inputs: ResolvedInput[] = [];
    for (const i of gen.inputs) {
      const roleSpec = spec.inputs.find((s) => s.role === i.role)!;
      inputs.push({ role: i.role, ref: await referenceFor(roleSpec, i, i.asset), assetId: i.assetId ?? undefined });
    }
    const result = await adapter.submit({ model, spec, generationId: id, prompt: gen.prompt ?? undefined, params: JSON.parse(gen.params), inputs });
    await db().generation.update({
      where: { id },
      data: {
        upstreamTaskId: result.upstreamTaskId ?? null,
        upstreamStatus: result.upstreamStatus ?? null,
        status: result.done ? undefined : "running",
        requestIds: JSON.stringify(result.requestIds),
        nextPollAt: new Date(Date.now() + firstPollDelay()),
      },
    });
    if (result.done) await applyPollResult(id, result.done);
  } catch (e) {
    if (e instanceof TdError) {
      const uncertain = e.kind === "timeout" || e.kind === "network" || e.kind === "malformed";
      await recordFailure(id, {
        code: uncertain ? "SubmitUncertain" : e.code,
        message: uncertain
          ? `TD may have accepted this task, but its answer was lost (${e.upstreamMessage}). It was not sent again, so you are not charged twice.`
          : e.upstreamMessage,
        requestIds: [e.requestId],
      });
      return;
    }
    if (e instanceof AppError) {
      await recordFailure(id, { code: e.code, message: e.message, requestIds: [] });
      return;
    }
    await recordFailure(id, { code: "internal", message: `The studio could not send this task: ${(e as Error).message}`, requestIds: [] });
  }
}
