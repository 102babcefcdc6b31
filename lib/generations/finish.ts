import "server-only";
import { randomUUID } from "node:crypto";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { removeKey, writeBuffer } from "@/lib/storage";
import { saveClonedVoice } from "@/lib/voices/store";
import type { PollResult } from "./adapters/types";
import { wakeArchiver } from "./wake";

export function firstPollDelay(): number {
  return config().STUDIO_POLL_MS;
}

/** Poll fast at first, then back off for long tasks: about a tenth of the time elapsed, capped. */
export function nextPollDelay(submittedAt: Date | null): number {
  const base = config().STUDIO_POLL_MS;
  const elapsed = submittedAt ? Date.now() - submittedAt.getTime() : 0;
  return Math.min(base * 8, Math.max(base, Math.round(elapsed / 10)));
}

function mergeIds(existing: string, more: string[]): string {
  const ids = JSON.parse(existing || "[]") as string[];
  // Keep the first ids (the create) and the most recent polls: enough for TD support, bounded in size.
  const all = [...ids, ...more];
  return JSON.stringify(all.length > 40 ? [...all.slice(0, 10), ...all.slice(-30)] : all);
}

export async function recordFailure(id: string, f: { code: string; message: string; requestIds: string[] }) {
  const gen = await db().generation.findUnique({ where: { id }, select: { requestIds: true } });
  await db().generation.update({
    where: { id },
    data: {
      status: "failed",
      errorCode: f.code,
      errorMessage: f.message,
      finishedAt: new Date(),
      nextPollAt: null,
      leaseOwner: null,
      leaseExpiresAt: null,
      requestIds: mergeIds(gen?.requestIds ?? "[]", f.requestIds),
    },
  });
}

/** Write what a poll learned. Only an active record is changed, so a cancel or a second poller cannot be overwritten. */
export async function applyPollResult(id: string, r: PollResult): Promise<void> {
  const gen = await db().generation.findUnique({ where: { id }, select: { requestIds: true, submittedAt: true, status: true, teamId: true, createdById: true } });
  if (!gen || (gen.status !== "queued" && gen.status !== "running")) return;
  const requestIds = mergeIds(gen.requestIds, r.requestIds);
  const active = { id, status: { in: ["queued", "running"] } };
  if (r.status === "queued" || r.status === "running") {
    await db().generation.updateMany({
      where: active,
      data: { status: r.status, upstreamStatus: r.upstreamStatus, progress: r.progress ?? undefined, requestIds, nextPollAt: new Date(Date.now() + nextPollDelay(gen.submittedAt)), leaseOwner: null, leaseExpiresAt: null },
    });
    return;
  }
  const finishedAt = new Date();
  const common = { upstreamStatus: r.upstreamStatus, requestIds, finishedAt, nextPollAt: null, leaseOwner: null, leaseExpiresAt: null, usage: r.usage === undefined ? undefined : JSON.stringify(r.usage) };
  if (r.status !== "succeeded") {
    await db().generation.updateMany({
      where: active,
      data: { ...common, status: r.status, errorCode: r.error?.code ?? (r.status === "expired" ? "Expired" : null), errorMessage: r.error?.message ?? (r.status === "expired" ? "TD no longer knows this task (its id lives 24 h); it never finished." : null) },
    });
    return;
  }
  // Inline outputs (synchronous TTS) are written at once; the others keep TD's link until the archiver saves them.
  const outputs = await Promise.all(
    (r.outputs ?? []).map(async (o) => {
      const assetId = randomUUID();
      if (!o.data) return { o, assetId };
      const stored = await writeBuffer(`outputs/${id}/${assetId}.${o.mime === "audio/wav" ? "wav" : "bin"}`, o.data);
      return { o, assetId, stored };
    }),
  );
  const applied = await db().$transaction(async (tx) => {
    const changed = await tx.generation.updateMany({ where: active, data: { ...common, status: "succeeded", progress: 100 } });
    if (changed.count === 0) return false;
    for (const { o, assetId, stored } of outputs) {
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
          upstreamUrl: o.url ?? null,
          upstreamExpiresAt: o.expiresAt ?? null,
          ...(stored
            ? { archiveState: "archived", storageKey: stored.key, size: stored.size, sha256: stored.sha256, nextArchiveAt: null }
            : { archiveState: "temporary", nextArchiveAt: new Date() }),
        },
      });
    }
    return true;
  });
  if (!applied) await Promise.all(outputs.map((x) => (x.stored ? removeKey(x.stored.key) : undefined)));
  // A voice-clone's VoiceId becomes a named team voice; it also stays in `usage`, so a failure here loses nothing.
  else await saveClonedVoice(id, r.usage).catch((e) => console.error("[voices] could not save the cloned voice", e));
  wakeArchiver();
}
