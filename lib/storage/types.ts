import type { Readable } from "node:stream";

export interface StoredObject {
  key: string;
  size: number;
  sha256: string;
}

export interface ObjectInfo {
  size: number;
  mtime: Date;
  /** sha256 of the bytes when the backend recorded it (S3 object metadata written by `storage migrate`). */
  sha256?: string;
}

export interface ListedObject extends ObjectInfo {
  key: string;
}

export interface WriteOptions {
  /** Abort (and leave nothing behind) past this many bytes. */
  maxBytes?: number;
  /** Abort (and leave nothing behind) unless the bytes hash to this; recorded with the object where the backend can. */
  expectSha256?: string;
  contentType?: string;
}

/**
 * Where stored files live. Keys are relative paths the studio makes itself (`outputs/<gen>/<asset>.mp4`,
 * `uploads/<id>.png`, `….thumb.webp`, `….poster.jpg`) and mean the same on every backend, so the database never
 * names a backend and `storage migrate` only copies bytes.
 */
export interface StorageBackend {
  readonly kind: "local" | "s3";
  /** Throws unless the store answers and can be written (readiness): the folder is writable, the bucket exists. */
  ping(): Promise<void>;
  /** Stream in (never whole in memory), hashing as it goes; nothing is visible under `key` until all of it is. */
  writeStream(key: string, source: Readable, opts?: WriteOptions): Promise<StoredObject>;
  /** Move a finished local file (an upload staged on disk) to `key`; the local file is gone afterwards. */
  adoptFile(
    key: string,
    localPath: string,
    staged: Omit<StoredObject, "key">,
    contentType?: string,
  ): Promise<StoredObject>;
  stat(key: string): Promise<ObjectInfo | undefined>;
  /** The bytes of `key` (inclusive range), as a stream. */
  readStream(key: string, range?: { start: number; end: number }): Promise<Readable>;
  remove(key: string): Promise<void>;
  /** Remove what a killed writer of `key` left behind (temp files; unfinished multipart uploads). */
  removePartials(key: string): Promise<void>;
  /** Remove temp leftovers under `prefix` older than `olderThanMs`; → how many. */
  sweepStalePartials(prefix: string, olderThanMs: number): Promise<number>;
  /** Every finished object under `prefix` (no temp files), in pages. */
  list(prefix: string): AsyncIterable<ListedObject[]>;
  /** A local file holding `key`'s bytes for the length of `fn` (ffmpeg and sharp want one). */
  withLocalFile<T>(key: string, fn: (file: string) => Promise<T>): Promise<T>;
  /** A short-lived URL anyone holding it can GET `key` from, or undefined where the backend has none (local disk). */
  presignedUrl(
    key: string,
    ttlSeconds: number,
    opts?: { endpoint?: string; contentType?: string },
  ): Promise<string | undefined>;
}

const KEY = /^[a-z0-9][a-z0-9/_.-]{0,200}$/i;

/** Keys are relative paths the studio makes; anything else (`..`, `//`, odd characters) is refused on every backend. */
export function checkKey(key: string): string {
  if (!KEY.test(key) || key.includes("..") || key.includes("//")) throw new Error(`Invalid storage key: ${key}`);
  return key;
}
