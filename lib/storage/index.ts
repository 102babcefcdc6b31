import "server-only";
import path from "node:path";
import { Readable } from "node:stream";
import { config } from "@/lib/config";
import { LocalStorage } from "./local";
import { S3Storage } from "./s3";
import type { StorageBackend, StoredObject } from "./types";

export { syncDir } from "./local";
export type { ListedObject, ObjectInfo, StorageBackend, StoredObject } from "./types";

/** STUDIO_DATA_DIR/files: the local backend's root, and where uploads are staged on any backend. */
export function storageRoot(): string {
  return path.resolve(config().STUDIO_DATA_DIR, "files");
}

let local: LocalStorage | undefined;
let chosen: StorageBackend | undefined;

/** The local disk, whatever STORAGE_URL says: uploads are staged here (sniffing and probing need a file). */
export function localDisk(): LocalStorage {
  if (local?.root !== storageRoot()) local = new LocalStorage(storageRoot());
  return local;
}

/** The backend STORAGE_URL names: the local disk (default) or an S3-compatible bucket. */
export function storage(): StorageBackend {
  const loc = config().STORAGE_URL;
  if (loc.kind === "local") return localDisk();
  chosen ??= new S3Storage(loc, path.resolve(config().STUDIO_DATA_DIR, "tmp"));
  return chosen;
}

/** Absolute path of a key on the local disk (the staging area, or the store itself when it is local). */
export function pathForKey(key: string): string {
  return localDisk().pathForKey(key);
}

export function writeStream(
  key: string,
  source: Readable,
  maxBytes = Infinity,
  contentType?: string,
): Promise<StoredObject> {
  return storage().writeStream(key, source, { maxBytes, contentType });
}

export function writeBuffer(key: string, bytes: Buffer): Promise<StoredObject> {
  return storage().writeStream(key, Readable.from([bytes]));
}

export function statKey(key: string) {
  return storage().stat(key);
}

export function readStream(key: string, range?: { start: number; end: number }): Promise<Readable> {
  return storage().readStream(key, range);
}

export async function readBuffer(key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of await readStream(key)) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export function removeKey(key: string): Promise<void> {
  return storage().remove(key);
}

/** Remove what a killed writer of this key left behind. */
export function removePartials(key: string): Promise<void> {
  return storage().removePartials(key);
}

/** A local file holding the key's bytes while `fn` runs (sharp, ffprobe and ffmpeg read files). */
export function withLocalFile<T>(key: string, fn: (file: string) => Promise<T>): Promise<T> {
  return storage().withLocalFile(key, fn);
}

/** A multipart upload only knows when it began (no "last touched"): one older than a day is surely dead. */
const STALE_MULTIPART_MS = 24 * 3600_000;

/**
 * At start: remove temp leftovers under a storage folder untouched for `olderThanMs` — a killed upload's staged files
 * on the local disk — and, on a bucket, every multipart upload (any folder) begun more than a day ago and never
 * finished. Returns how many were removed.
 */
export async function sweepStalePartials(prefix: string, olderThanMs: number): Promise<number> {
  const staged = await localDisk().sweepStalePartials(prefix, olderThanMs);
  const s = storage();
  return staged + (s.kind === "local" ? 0 : await s.sweepStalePartials("", Math.max(olderThanMs, STALE_MULTIPART_MS)));
}
