import "server-only";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { localDisk, storage } from "@/lib/storage";
import { isShuttingDown } from "./shutdown";

/** Each part gets this long; a part that takes longer is reported as not ready (`timeout`). */
const CHECK_MS = 3000;

export type Part = "database" | "storage" | "td";
export type PartCheck = { ok: boolean; ms: number; error?: string };
export type Readiness = {
  status: "ok" | "unavailable";
  failed: (Part | "shutting_down")[];
  checks: Record<Part, PartCheck>;
};

/** A short, safe reason (a code, not a message: no paths, hosts or driver texts leave the process). */
function reason(e: unknown): string {
  const code = (e as { code?: unknown; cause?: { code?: unknown } })?.cause?.code ?? (e as { code?: unknown })?.code;
  if (typeof code === "string" && /^[\w.]{1,40}$/.test(code)) return code;
  const name = (e as Error)?.name;
  return name === "TimeoutError" || name === "AbortError" ? "timeout" : "error";
}

async function timed(fn: () => Promise<unknown>): Promise<PartCheck> {
  const t0 = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(Object.assign(new Error("timeout"), { name: "TimeoutError" })), CHECK_MS);
      }),
    ]);
    return { ok: true, ms: Math.round(performance.now() - t0) };
  } catch (e) {
    return { ok: false, ms: Math.round(performance.now() - t0), error: reason(e) };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * TD is reachable when its base URL answers HTTP at all (any status: this is about the network path, the proxy and
 * TLS, not the key). No task is created and nothing is spent; the key is not sent.
 */
async function tdReachable(): Promise<void> {
  const res = await fetch(config().TD_BASE_URL, { method: "GET", signal: AbortSignal.timeout(CHECK_MS) });
  await res.body?.cancel();
}

/**
 * The storage answers: the local files folder (the store, or the staging area of uploads on S3) is writable, and on
 * S3 the bucket exists and the credentials may use it (HeadBucket).
 */
async function storageWritable(): Promise<void> {
  await localDisk().ping();
  const store = storage();
  if (store.kind !== "local") await store.ping();
}

export async function readiness(): Promise<Readiness> {
  const [database, storage, td] = await Promise.all([
    timed(() => db().$queryRawUnsafe("SELECT 1")),
    timed(storageWritable),
    timed(tdReachable),
  ]);
  const checks = { database, storage, td };
  const failed: Readiness["failed"] = (Object.keys(checks) as Part[]).filter((k) => !checks[k].ok);
  if (isShuttingDown()) failed.unshift("shutting_down");
  return { status: failed.length ? "unavailable" : "ok", failed, checks };
}
