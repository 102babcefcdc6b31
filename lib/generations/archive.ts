import "server-only";
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import sharp from "sharp";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics";
import { noteWrite } from "@/lib/events/team-events";
import { safeFetch } from "@/lib/net/safe-fetch";
import { trustedOrigins } from "@/lib/net/trusted-origins";
import { removePartials, withLocalFile, writeBuffer, writeStream } from "@/lib/storage";
import { settleSaving } from "./finish";
import { probeMedia, videoPoster } from "@/lib/assets/media";
import { makeThumbnail } from "@/lib/assets/thumbnail";
import { audioThumbnail } from "@/lib/assets/waveform";

const EXT: Record<string, string> = {
  "video/mp4": "mp4",
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "audio/wav": "wav",
  "audio/mpeg": "mp3",
};
// Short claim, renewed while the download runs: a crashed process's outputs are taken over within a minute.
const LEASE_MS = 60_000;
const RENEW_MS = 20_000;
const MAX_OUTPUT_BYTES = 2 * 1024 * 1024 * 1024;

/** Retry backoff: 5 s, 10 s, 20 s … capped at 30 min, and always well before the link expires. */
export function archiveRetryDelay(attempts: number, expiresAt: Date | null): number | null {
  const delay = Math.min(30 * 60_000, 5_000 * 2 ** Math.max(0, attempts - 1));
  if (expiresAt && Date.now() + delay > expiresAt.getTime() - 60_000) return null;
  return delay;
}

/**
 * Claim an output (temporary → archiving, or a due retry) with a compare-and-set, so that a file is never
 * downloaded twice; a claim older than the lease (a crashed process) can be taken over. Returns the claim's
 * token: renewals and the final write only succeed while it is still ours.
 */
export async function claimArchive(id: string): Promise<string | undefined> {
  const now = new Date();
  const claim = randomUUID();
  const r = await db().asset.updateMany({
    where: {
      id,
      OR: [
        { archiveState: "temporary" },
        { archiveState: "failed", nextArchiveAt: { lte: now } },
        { archiveState: "archiving", nextArchiveAt: { lte: now } },
      ],
    },
    data: {
      archiveState: "archiving",
      archiveClaim: claim,
      nextArchiveAt: new Date(now.getTime() + LEASE_MS),
      archiveAttempts: { increment: 1 },
    },
  });
  return r.count === 1 ? claim : undefined;
}

/** The downloads this process holds a claim on (asset id → claim), for a graceful shutdown to hand back. */
const held = new Map<string, string>();

/**
 * Shutdown: every download claim still ours is made due now (state stays `archiving`, the claim is cleared), so
 * another process takes it over at once; our own late write, if any, no longer matches and is dropped.
 */
export async function releaseArchiveClaims(): Promise<number> {
  let released = 0;
  for (const [id, claim] of [...held]) {
    const r = await db().asset.updateMany({
      where: { id, archiveState: "archiving", archiveClaim: claim },
      data: { archiveClaim: null, nextArchiveAt: new Date() },
    });
    released += r.count;
    held.delete(id);
  }
  return released;
}

/**
 * PostgreSQL: claim up to `limit` due outputs in one statement, skipping rows another process is claiming at this
 * moment (FOR UPDATE SKIP LOCKED); the same conditions and lease as claimArchive. → each claimed id and its claim.
 */
export async function claimArchivesPg(now: Date, limit: number): Promise<{ id: string; archiveClaim: string }[]> {
  const until = new Date(now.getTime() + LEASE_MS);
  const rows = await db().$queryRaw<{ id: string; archiveClaim: string }[]>`
    UPDATE "Asset" SET "archiveState" = 'archiving', "archiveClaim" = gen_random_uuid()::text,
      "nextArchiveAt" = ${until}, "archiveAttempts" = "archiveAttempts" + 1, "updatedAt" = ${now}
    WHERE "id" IN (
      SELECT "id" FROM "Asset"
      WHERE "origin" = 'output' AND ("archiveState" = 'temporary'
        OR ("archiveState" IN ('failed', 'archiving') AND "nextArchiveAt" <= ${now}))
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING "id", "archiveClaim"`;
  // The state a page shows moved (raw SQL passes by lib/db's change notes).
  if (rows.length)
    noteWrite(
      "asset",
      rows.map((r) => r.id),
    );
  return rows;
}

/** Extend our claim; false once another process has taken it over (our lease had run out). */
export async function renewArchiveClaim(id: string, claim: string): Promise<boolean> {
  const r = await db().asset.updateMany({
    where: { id, archiveState: "archiving", archiveClaim: claim },
    data: { nextArchiveAt: new Date(Date.now() + LEASE_MS) },
  });
  return r.count === 1;
}

/** Stream TD's output to our storage (never whole in memory), then record size, sha256, dimensions and a poster. */
export async function archiveAsset(id: string, claimed?: string): Promise<void> {
  const claim = claimed ?? (await claimArchive(id));
  if (!claim) return;
  held.set(id, claim);
  const t0 = performance.now();
  const ours = { id, archiveState: "archiving", archiveClaim: claim };
  const asset = await db().asset.findUniqueOrThrow({ where: { id } });
  const ext = EXT[asset.mime ?? ""] ?? "bin";
  const key = `outputs/${asset.generationId ?? "none"}/${asset.id}.${ext}`;
  // We hold the claim now, so any half-written temp file of this output is a dead process's leftover (only a claim
  // taken over from another, or a retry, can find one: the first claim skips the look).
  if (asset.archiveAttempts > 1) await removePartials(key);
  const renew = setInterval(() => {
    void renewArchiveClaim(id, claim).catch(() => undefined);
  }, RENEW_MS);
  try {
    if (!asset.upstreamUrl) throw new Error("no upstream URL to download");
    if (asset.upstreamExpiresAt && asset.upstreamExpiresAt.getTime() < Date.now())
      throw new Error("TD's link has expired");
    const res = await safeFetch(asset.upstreamUrl, { allowOrigins: trustedOrigins(), timeoutMs: 15 * 60_000 });
    if (!res.ok || !res.body) throw new Error(`download answered HTTP ${res.status}`);
    const stored = await writeStream(
      key,
      Readable.fromWeb(res.body as unknown as WebReadableStream),
      MAX_OUTPUT_BYTES,
      asset.mime ?? undefined,
    );
    // Images: width and height from the header (cheap). Posters, thumbnails, waveforms and probed facts are made
    // after this by their own queue (deriveMedia): a finished output is readable without waiting for ffmpeg.
    // (Only when TD did not report them: on a bucket, reading the header means fetching the file back.)
    const header = asset.kind === "image" && !(asset.width && asset.height) ? await imageSize(key) : undefined;
    const saved = await db().asset.updateMany({
      where: ours,
      data: {
        archiveState: "archived",
        archiveClaim: null,
        storageKey: stored.key,
        size: stored.size,
        sha256: stored.sha256,
        width: header?.width ?? asset.width,
        height: header?.height ?? asset.height,
        mediaState: DERIVED_KINDS.includes(asset.kind) ? "pending" : null,
        mediaClaimUntil: null,
        archiveError: null,
        nextArchiveAt: null,
      },
    });
    if (!saved.count)
      log("archive").warn({ assetId: id }, "claim lost to another process while saving; its write wins");
    else metrics().archives.inc({ result: "archived" });
    metrics().archiveSeconds.observe((performance.now() - t0) / 1000);
  } catch (e) {
    metrics().archives.inc({ result: "failed" });
    log("archive").warn({ assetId: id, err: e }, "download failed; retried later unless its link expires first");
    const fresh = await db().asset.findUnique({ where: { id } });
    const delay = archiveRetryDelay(fresh?.archiveAttempts ?? 1, asset.upstreamExpiresAt);
    // Only while the claim is ours: a process that took it over (and maybe saved the file) must not be overwritten.
    await db().asset.updateMany({
      where: ours,
      data: {
        archiveState: "failed",
        archiveClaim: null,
        archiveError: `${(e as Error).message}${delay === null ? " — no more retries: the link expires before the next one" : ""}`,
        nextArchiveAt: delay === null ? null : new Date(Date.now() + delay),
      },
    });
  } finally {
    clearInterval(renew);
    held.delete(id);
  }
  if (asset.generationId) await settleSaving(asset.generationId);
  wakeMedia();
}

/** Width and height of a stored image from its header (sharp reads only the start of the file). */
async function imageSize(key: string): Promise<{ width?: number; height?: number } | undefined> {
  return withLocalFile(key, async (file) => {
    const meta = await sharp(file).metadata();
    return { width: meta.width, height: meta.height };
  }).catch(() => undefined);
}

const DERIVED_KINDS = ["image", "video", "audio"];
/** Short, renewed while ffmpeg runs: a crashed maker's work (and its temp files) is taken over within half a minute. */
const MEDIA_LEASE_MS = 30_000;
const MEDIA_RENEW_MS = 10_000;
/** Outputs this process is making media for, for a graceful shutdown to hand back. */
const making = new Set<string>();

/** Shutdown: what this process was making is due again at once (another process, or the next start, makes it). */
export async function releaseMediaClaims(): Promise<number> {
  if (!making.size) return 0;
  const r = await db().asset.updateMany({
    where: { id: { in: [...making] }, mediaState: "making" },
    data: { mediaState: "pending", mediaClaimUntil: null },
  });
  making.clear();
  return r.count;
}

let mediaWaker: (() => void) | undefined;
/** The engine's media loop registers here; an archived output wakes it. */
export function setMediaWaker(fn: (() => void) | undefined) {
  mediaWaker = fn;
}
function wakeMedia() {
  mediaWaker?.();
}

/** Outputs whose poster/thumbnail is due (pending, or a crashed maker's lease ran out), oldest first. */
export async function dueMedia(limit: number): Promise<string[]> {
  const rows = await db().asset.findMany({
    where: {
      OR: [{ mediaState: "pending" }, { mediaState: "making", mediaClaimUntil: { lte: new Date() } }],
    },
    select: { id: true },
    orderBy: { updatedAt: "asc" },
    take: limit,
  });
  return rows.map((r) => r.id);
}

/**
 * Make a stored output's poster, thumbnail (or waveform) and probed facts (dimensions, duration), under a lease so
 * two processes never make the same one; written atomically like every file. A failure leaves the output as it is
 * (shown with its kind's icon) and is logged: it is never retried in a loop.
 */
export async function deriveMedia(id: string): Promise<boolean> {
  const now = new Date();
  const claimed = await db().asset.updateMany({
    where: {
      id,
      archiveState: "archived",
      OR: [{ mediaState: "pending" }, { mediaState: "making", mediaClaimUntil: { lte: now } }],
    },
    data: { mediaState: "making", mediaClaimUntil: new Date(now.getTime() + MEDIA_LEASE_MS) },
  });
  if (claimed.count !== 1) return false;
  making.add(id);
  const renew = setInterval(() => {
    void db()
      .asset.updateMany({
        where: { id, mediaState: "making" },
        data: { mediaClaimUntil: new Date(Date.now() + MEDIA_LEASE_MS) },
      })
      .catch(() => undefined);
  }, MEDIA_RENEW_MS);
  const t0 = performance.now();
  const asset = await db().asset.findUniqueOrThrow({ where: { id } });
  const key = asset.storageKey!;
  const facts: {
    width?: number;
    height?: number;
    durationSeconds?: number;
    posterKey?: string;
    thumbKey?: string;
    thumbhash?: string;
  } = {};
  try {
    // A maker that died mid-write left temp files of this output's poster or thumbnail.
    await removePartials(key);
    // sharp and ffmpeg read a file: the stored one on disk, a temporary copy when the store is a bucket.
    await withLocalFile(key, async (file) => {
      if (asset.kind === "image") {
        // The gallery's thumbnail doubles as the image's poster (the key the poster route has always served).
        const thumb = await makeThumbnail(key, file);
        facts.posterKey = facts.thumbKey = thumb.key;
        facts.thumbhash = thumb.thumbhash;
      } else if (asset.kind === "video") {
        const probe = await probeMedia(file);
        facts.width = probe.width;
        facts.height = probe.height;
        facts.durationSeconds = probe.durationSeconds;
        // Written like every other file (temp + fsync + rename): a crash never leaves half a poster.
        const poster = await videoPoster(file);
        if (poster) {
          facts.posterKey = (await writeBuffer(`${key}.poster.jpg`, poster)).key;
          const thumb = await makeThumbnail(key, poster);
          facts.thumbKey = thumb.key;
          facts.thumbhash = thumb.thumbhash;
        }
      } else if (asset.kind === "audio") {
        facts.durationSeconds = (await probeMedia(file)).durationSeconds;
        // The grid's tile: a waveform (ffmpeg decodes any format; without it a PCM WAV is read directly).
        const thumb = await audioThumbnail(key, file);
        facts.thumbKey = thumb?.key;
        facts.thumbhash = thumb?.thumbhash;
      }
    });
    metrics().media.inc({ result: "made" });
  } catch (err) {
    metrics().media.inc({ result: "failed" });
    log("archive").warn({ assetId: id, err }, "could not make the poster or thumbnail; the output is kept without");
  } finally {
    clearInterval(renew);
    making.delete(id);
  }
  await db().asset.updateMany({
    where: { id, mediaState: "making" },
    data: {
      mediaState: "done",
      mediaClaimUntil: null,
      width: facts.width ?? asset.width,
      height: facts.height ?? asset.height,
      durationSeconds: facts.durationSeconds ?? asset.durationSeconds,
      posterKey: facts.posterKey ?? asset.posterKey,
      thumbKey: facts.thumbKey ?? asset.thumbKey,
      thumbhash: facts.thumbhash ?? asset.thumbhash,
    },
  });
  metrics().mediaSeconds.observe((performance.now() - t0) / 1000);
  return true;
}
