import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { config } from "@/lib/config";

/** Local disk storage under STUDIO_DATA_DIR/files; keys are relative paths we generate ourselves. */
export function storageRoot(): string {
  return path.resolve(config().STUDIO_DATA_DIR, "files");
}

const KEY = /^[a-z0-9][a-z0-9/_.-]{0,200}$/i;

/** Absolute path for a key, refusing anything that could leave the storage root. */
export function pathForKey(key: string): string {
  if (!KEY.test(key) || key.includes("..") || key.includes("//")) throw new Error(`Invalid storage key: ${key}`);
  const root = storageRoot();
  const full = path.resolve(root, key);
  if (!full.startsWith(root + path.sep)) throw new Error(`Invalid storage key: ${key}`);
  return full;
}

export interface StoredObject {
  key: string;
  size: number;
  sha256: string;
}

/**
 * Stream to disk atomically: temp file → fsync → rename → fsync of the folder (so the rename itself survives
 * a power loss). Never holds the whole file in memory.
 * `maxBytes` aborts (and removes the temp file) past the limit.
 */
export async function writeStream(key: string, source: Readable, maxBytes = Infinity): Promise<StoredObject> {
  const final = pathForKey(key);
  await mkdir(path.dirname(final), { recursive: true });
  const tmp = `${final}.${randomUUID()}.part`;
  const hash = createHash("sha256");
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      size += chunk.length;
      if (size > maxBytes) return cb(new Error(`File is larger than ${maxBytes} bytes`));
      hash.update(chunk);
      cb(null, chunk);
    },
  });
  try {
    await pipeline(source, meter, createWriteStream(tmp, { flags: "wx" }));
    const fh = await open(tmp, "r+");
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, final);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  await syncDir(path.dirname(final));
  return { key, size, sha256: hash.digest("hex") };
}

/** fsync a folder, making a rename in it durable; a platform that cannot open folders (Windows) is left as is. */
export async function syncDir(dir: string): Promise<void> {
  let fh;
  try {
    fh = await open(dir, "r");
    await fh.sync();
  } catch {
    /* not supported here */
  } finally {
    await fh?.close();
  }
}

export async function writeBuffer(key: string, bytes: Buffer): Promise<StoredObject> {
  const { Readable } = await import("node:stream");
  return writeStream(key, Readable.from([bytes]));
}

export async function statKey(key: string): Promise<{ size: number; mtime: Date } | undefined> {
  try {
    const s = await stat(pathForKey(key));
    return { size: s.size, mtime: s.mtime };
  } catch {
    return undefined;
  }
}

export function readStream(key: string, range?: { start: number; end: number }): Readable {
  return createReadStream(pathForKey(key), range);
}

export async function removeKey(key: string): Promise<void> {
  await rm(pathForKey(key), { force: true });
}

/** Remove the temp files (`<key>.<uuid>.part`) a killed writer of this key left behind. */
export async function removePartials(key: string): Promise<void> {
  const final = pathForKey(key);
  const dir = path.dirname(final);
  const base = path.basename(final);
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((n) => n.startsWith(`${base}.`) && n.endsWith(".part"))
      .map((n) => rm(path.join(dir, n), { force: true })),
  );
}

/**
 * At start: remove temp files (`*.part`, `*.incoming`) in a storage folder untouched for `olderThanMs` — a
 * killed upload's leftovers (a live writer keeps its file's mtime fresh). Returns how many were removed.
 */
export async function sweepStalePartials(dirKey: string, olderThanMs: number): Promise<number> {
  const dir = pathForKey(dirKey);
  const names = await readdir(dir).catch(() => [] as string[]);
  const before = Date.now() - olderThanMs;
  let removed = 0;
  for (const n of names.filter((x) => x.endsWith(".part") || x.endsWith(".incoming"))) {
    const file = path.join(dir, n);
    const s = await stat(file).catch(() => undefined);
    if (s?.isFile() && s.mtimeMs < before) {
      await rm(file, { force: true });
      removed++;
    }
  }
  return removed;
}
