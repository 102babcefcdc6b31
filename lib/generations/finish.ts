import "server-only";
import { randomUUID } from "node:crypto";
import { getModel } from "@/lib/catalog";
import { db } from "@/lib/db";
import { audioThumbnail } from "@/lib/assets/waveform";
import { removeKey, withLocalFile, writeBuffer } from "@/lib/storage";
import { syncLedger } from "@/lib/spend/ledger";
import { saveClonedVoice } from "@/lib/voices/store";
import type { PollResult } from "./adapters/types";
import { nextPollDelay } from "./schedule";
import { generationFinished } from "@/lib/review/generation-finished";

/** A generation may have reached its end: its creator hears it, and an experiment's next cells may go. */
function generationEnded(id: string): void {
  generationFinished(id);
  // Imported when needed: experiments create generations, so a static import would be a cycle.
  void import("@/lib/experiments/run")
    .then((m) => m.experimentGenerationEnded(id))
    .catch((e) => console.error("[experiments] after generation end:", e));
}
import { wakeArchiver } from "./wake";
import { joinStack } from "@/lib/versions/stacks";

export function mergeIds(existing: string, more: string[]): string {
  const ids = JSON.parse(existing || "[]") as string[];
  // Keep the first ids (the create) and the most recent polls: enough for TD support, bounded in size.
  const all = [...ids, ...more.filter((m) => m && !ids.includes(m))];
  return JSON.stringify(all.length > 40 ? [...all.slice(0, 10), ...all.slice(-30)] : all);
}

const ACTIVE_STATUSES = ["queued", "running"];
/** A SubmitInterrupted record was only a guess ("no answer in time"): a late answer from TD replaces it. */
const INTERRUPTED = { status: "failed", errorCode: "SubmitInterrupted" };

export interface FailureGuard {
  /** Also replace a SubmitInterrupted guess (a late, definitive answer to the create). */
  alsoInterrupted?: boolean;
  /** Only if the record is still being sent as it was at this submittedAt (the stale-submit check). */
  stillSending?: Date;
}

/**
 * Fail a record, only while it is active (conditional update): a submit or poll that finished meanwhile wins.
 * Returns whether the record was changed.
 */
export async function recordFailure(
  id: string,
  f: { code: string; message: string; requestIds: string[] },
  guard: FailureGuard = {},
): Promise<boolean> {
  const gen = await db().generation.findUnique({ where: { id }, select: { requestIds: true } });
  const where = guard.stillSending
    ? { id, status: "queued", upstreamTaskId: null, submittedAt: guard.stillSending }
    : { id, OR: [{ status: { in: ACTIVE_STATUSES } }, ...(guard.alsoInterrupted ? [INTERRUPTED] : [])] };
  const r = await db().generation.updateMany({
    where,
    data: {
      status: "failed",
      phase: null,
      errorCode: f.code,
      errorMessage: f.message,
      finishedAt: new Date(),
      nextPollAt: null,
      leaseOwner: null,
      leaseExpiresAt: null,
      requestIds: mergeIds(gen?.requestIds ?? "[]", f.requestIds),
    },
  });
  if (r.count === 1) await syncLedger(id);
  if (r.count === 1) generationEnded(id);
  return r.count === 1;
}

/**
 * Write what a poll (or a synchronous create) learned. Only an active record is changed, so a cancel or a second
 * poller cannot be overwritten — except that a late create answer (`revive`) also replaces a SubmitInterrupted guess.
 * A success whose files are not stored yet stays `running` in phase `saving` until the archiver has them
 * (settleSaving): a `succeeded` generation's outputs are always readable from the studio.
 */
export async function applyPollResult(id: string, r: PollResult, opts: { revive?: boolean } = {}): Promise<void> {
  const gen = await db().generation.findUnique({
    where: { id },
    select: {
      requestIds: true,
      submittedAt: true,
      callback: true,
      status: true,
      errorCode: true,
      teamId: true,
      createdById: true,
      model: true,
      mode: true,
      versionOf: true,
    },
  });
  const revivable = opts.revive && gen?.status === INTERRUPTED.status && gen.errorCode === INTERRUPTED.errorCode;
  if (!gen || (!ACTIVE_STATUSES.includes(gen.status) && !revivable)) return;
  const requestIds = mergeIds(gen.requestIds, r.requestIds);
  const active = { id, OR: [{ status: { in: ACTIVE_STATUSES } }, ...(opts.revive ? [INTERRUPTED] : [])] };
  const cleared = { errorCode: null, errorMessage: null, finishedAt: null, phase: null };
  if (r.status === "queued" || r.status === "running") {
    await db().generation.updateMany({
      where: active,
      data: {
        ...cleared,
        status: r.status,
        upstreamStatus: r.upstreamStatus,
        progress: r.progress ?? undefined,
        requestIds,
        nextPollAt: new Date(
          Date.now() +
            nextPollDelay(gen.submittedAt, { model: getModel(gen.model), callback: gen.callback }, r.progress),
        ),
        leaseOwner: null,
        leaseExpiresAt: null,
      },
    });
    return;
  }
  const finishedAt = new Date();
  const common = {
    upstreamStatus: r.upstreamStatus,
    requestIds,
    finishedAt,
    phase: null,
    nextPollAt: null,
    leaseOwner: null,
    leaseExpiresAt: null,
    usage: r.usage === undefined ? undefined : JSON.stringify(r.usage),
  };
  if (r.status !== "succeeded") {
    const ended = await db().generation.updateMany({
      where: active,
      data: {
        ...common,
        status: r.status,
        errorCode: r.error?.code ?? (r.status === "expired" ? "Expired" : null),
        errorMessage:
          r.error?.message ??
          (r.status === "expired" ? "TD no longer knows this task (its id lives 24 h); it never finished." : null),
      },
    });
    await syncLedger(id);
    if (ended.count) generationEnded(id);
    return;
  }
  // Inline outputs (synchronous TTS) are written at once; the others keep TD's link until the archiver saves them.
  const outputs = await Promise.all(
    (r.outputs ?? []).map(async (o) => {
      const assetId = randomUUID();
      if (!o.data) return { o, assetId };
      const stored = await writeBuffer(`outputs/${id}/${assetId}.${o.mime === "audio/wav" ? "wav" : "bin"}`, o.data);
      // The grid's tile for speech: its waveform (none if the audio cannot be read; the tile shows an icon).
      const thumb =
        o.kind === "audio" ? await withLocalFile(stored.key, (file) => audioThumbnail(stored.key, file)) : undefined;
      return { o, assetId, stored, thumb };
    }),
  );
  const saving = outputs.some((x) => !x.stored);
  const done = saving
    ? { ...common, ...cleared, phase: "saving", status: "running" }
    : { ...common, errorCode: null, errorMessage: null, status: "succeeded" };
  const applied = await db().$transaction(async (tx) => {
    const changed = await tx.generation.updateMany({ where: active, data: { ...done, progress: 100 } });
    if (changed.count === 0) return false;
    for (const { o, assetId, stored, thumb } of outputs) {
      await tx.asset.create({
        data: {
          id: assetId,
          teamId: gen.teamId,
          createdById: gen.createdById,
          kind: o.kind,
          role: o.role,
          mime: o.mime,
          width: o.width ?? null,
          height: o.height ?? null,
          durationSeconds: o.durationSeconds ?? null,
          origin: "output",
          generationId: id,
          model: gen.model,
          mode: gen.mode,
          upstreamUrl: o.url ?? null,
          upstreamExpiresAt: o.expiresAt ?? null,
          ...(stored
            ? {
                archiveState: "archived",
                storageKey: stored.key,
                size: stored.size,
                sha256: stored.sha256,
                nextArchiveAt: null,
                ...(thumb ? { thumbKey: thumb.key, thumbhash: thumb.thumbhash } : {}),
              }
            : { archiveState: "temporary", nextArchiveAt: new Date() }),
        },
      });
    }
    if (gen.versionOf)
      await joinStack(
        tx,
        gen.teamId,
        gen.versionOf,
        outputs.filter((x) => x.o.role !== "last_frame").map((x) => x.assetId),
      );
    return true;
  });
  await syncLedger(id);
  if (!applied)
    await Promise.all(outputs.flatMap((x) => [x.stored && removeKey(x.stored.key), x.thumb && removeKey(x.thumb.key)]));
  // A voice-clone's VoiceId becomes a named team voice; it also stays in `usage`, so a failure here loses nothing.
  else await saveClonedVoice(id, r.usage).catch((e) => console.error("[voices] could not save the cloned voice", e));
  if (applied && !saving) generationEnded(id);
  wakeArchiver();
}

/**
 * Finish a generation in phase `saving` once no output is still being stored: `succeeded` when every output
 * is on our storage; `failed` (OutputNotSaved) when one could not be saved and will not be retried — a
 * succeeded generation must never point at a file the studio cannot serve. TD's link stays on the asset.
 */
export async function settleSaving(generationId: string): Promise<void> {
  const outputs = await db().asset.findMany({
    where: { generationId, origin: "output" },
    select: { archiveState: true, nextArchiveAt: true, archiveError: true },
  });
  const pending = outputs.some(
    (a) => a.archiveState !== "archived" && !(a.archiveState === "failed" && a.nextArchiveAt === null),
  );
  if (pending) return;
  const lost = outputs.find((a) => a.archiveState !== "archived");
  const where = { id: generationId, status: "running", phase: "saving" };
  const finishedAt = new Date();
  if (!lost) {
    const done = await db().generation.updateMany({ where, data: { status: "succeeded", phase: null, finishedAt } });
    await syncLedger(generationId);
    if (done.count) generationEnded(generationId);
    // A voice-clone whose audio came as a link is only now succeeded: keep its VoiceId as a team voice.
    const usage = done.count
      ? (await db().generation.findUnique({ where: { id: generationId }, select: { usage: true } }))?.usage
      : null;
    if (usage)
      await saveClonedVoice(generationId, JSON.parse(usage)).catch((e) =>
        console.error("[voices] could not save the cloned voice", e),
      );
    return;
  }
  await db().generation.updateMany({
    where,
    data: {
      status: "failed",
      phase: null,
      finishedAt,
      errorCode: "OutputNotSaved",
      errorMessage: `TD finished the task, but the studio could not save its output: ${lost.archiveError ?? "unknown error"}`,
    },
  });
  await syncLedger(generationId);
  generationEnded(generationId);
}
