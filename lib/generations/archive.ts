import "server-only";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import sharp from "sharp";
import { db } from "@/lib/db";
import { safeFetch } from "@/lib/net/safe-fetch";
import { trustedOrigins } from "@/lib/net/trusted-origins";
import { pathForKey, removePartials, writeBuffer, writeStream } from "@/lib/storage";
import { probeMedia, videoPoster } from "./media";

const EXT: Record<string, string> = { "video/mp4": "mp4", "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp", "audio/wav": "wav", "audio/mpeg": "mp3" };
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
 * downloaded twice; a claim older than the lease (a crashed process) can be taken over.
 */
export async function claimArchive(id: string): Promise<boolean> {
  const now = new Date();
  const r = await db().asset.updateMany({
    where: {
      id,
      OR: [
        { archiveState: "temporary" },
        { archiveState: "failed", nextArchiveAt: { lte: now } },
        { archiveState: "archiving", nextArchiveAt: { lte: now } },
      ],
    },
    data: { archiveState: "archiving", nextArchiveAt: new Date(now.getTime() + LEASE_MS), archiveAttempts: { increment: 1 } },
  });
  return r.count === 1;
}

/** Stream TD's output to our storage (never whole in memory), then record size, sha256, dimensions and a poster. */
export async function archiveAsset(id: string): Promise<void> {
  if (!(await claimArchive(id))) return;
  const asset = await db().asset.findUniqueOrThrow({ where: { id } });
  const ext = EXT[asset.mime ?? ""] ?? "bin";
  const key = `outputs/${asset.generationId ?? "none"}/${asset.id}.${ext}`;
  // We hold the claim now, so any half-written temp file of this output is a dead process's leftover.
  await removePartials(key);
  const renew = setInterval(() => {
    void db().asset.updateMany({ where: { id, archiveState: "archiving" }, data: { nextArchiveAt: new Date(Date.now() + LEASE_MS) } }).catch(() => undefined);
  }, RENEW_MS);
  try {
    if (!asset.upstreamUrl) throw new Error("no upstream URL to download");
    if (asset.upstreamExpiresAt && asset.upstreamExpiresAt.getTime() < Date.now()) throw new Error("TD's link has expired");
    const res = await safeFetch(asset.upstreamUrl, { allowOrigins: trustedOrigins(), timeoutMs: 15 * 60_000 });
    if (!res.ok || !res.body) throw new Error(`download answered HTTP ${res.status}`);
    const stored = await writeStream(key, Readable.fromWeb(res.body as unknown as WebReadableStream), MAX_OUTPUT_BYTES);
    const facts: { width?: number; height?: number; durationSeconds?: number; posterKey?: string } = {};
    const file = pathForKey(key);
    if (asset.kind === "image") {
      const meta = await sharp(file).metadata();
      facts.width = meta.width;
      facts.height = meta.height;
      const thumb = await sharp(file).resize({ width: 480, height: 480, fit: "inside" }).webp({ quality: 80 }).toBuffer();
      facts.posterKey = (await writeBuffer(`${key}.thumb.webp`, thumb)).key;
    } else if (asset.kind === "video") {
      const probe = await probeMedia(file);
      facts.width = probe.width;
      facts.height = probe.height;
      facts.durationSeconds = probe.durationSeconds;
      if (await videoPoster(file, `${file}.poster.jpg`)) facts.posterKey = `${key}.poster.jpg`;
    } else if (asset.kind === "audio") {
      facts.durationSeconds = (await probeMedia(file)).durationSeconds;
    }
    await db().asset.update({
      where: { id },
      data: {
        archiveState: "archived",
        storageKey: stored.key,
        size: stored.size,
        sha256: stored.sha256,
        width: facts.width ?? asset.width,
        height: facts.height ?? asset.height,
        durationSeconds: facts.durationSeconds ?? asset.durationSeconds,
        posterKey: facts.posterKey ?? null,
        archiveError: null,
        nextArchiveAt: null,
      },
    });
  } catch (e) {
    const fresh = await db().asset.findUnique({ where: { id } });
    const delay = archiveRetryDelay(fresh?.archiveAttempts ?? 1, asset.upstreamExpiresAt);
    await db().asset.update({
      where: { id },
      data: {
        archiveState: "failed",
        archiveError: `${(e as Error).message}${delay === null ? " — no more retries: the link expires before the next one" : ""}`,
        nextArchiveAt: delay === null ? null : new Date(Date.now() + delay),
      },
    });
  } finally {
    clearInterval(renew);
  }
}
