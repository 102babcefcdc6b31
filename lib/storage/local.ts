import { randomUUID } from "node:crypto";
import { constants, createReadStream, createWriteStream } from "node:fs";
import { access, mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { hashMeter } from "./hash-meter";
import { checkKey, type ListedObject, type StorageBackend, type StoredObject, type WriteOptions } from "./types";

const isTemp = (name: string) => name.endsWith(".part") || name.endsWith(".incoming");

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

/** Local disk under `root` (STUDIO_DATA_DIR/files); keys are relative paths. */
export class LocalStorage implements StorageBackend {
  readonly kind = "local" as const;

  async ping(): Promise<void> {
    await mkdir(this.root, { recursive: true });
    await access(this.root, constants.W_OK);
  }
  constructor(readonly root: string) {}

  /** Absolute path for a key, refusing anything that could leave the storage root. */
  pathForKey(key: string): string {
    const full = path.resolve(this.root, checkKey(key));
    if (!full.startsWith(this.root + path.sep)) throw new Error(`Invalid storage key: ${key}`);
    return full;
  }

  /**
   * Temp file → fsync → rename → fsync of the folder (so the rename itself survives a power loss). Never holds the
   * whole file in memory; past `maxBytes` (or on a wrong sha256) the temp file is removed.
   */
  async writeStream(key: string, source: Readable, opts: WriteOptions = {}): Promise<StoredObject> {
    const final = this.pathForKey(key);
    await mkdir(path.dirname(final), { recursive: true });
    const tmp = `${final}.${randomUUID()}.part`;
    const meter = hashMeter(opts);
    try {
      await pipeline(source, meter.stream, createWriteStream(tmp, { flags: "wx" }));
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
    return { key, ...meter.result };
  }

  async adoptFile(key: string, localPath: string, staged: Omit<StoredObject, "key">): Promise<StoredObject> {
    const final = this.pathForKey(key);
    // Same folder tree as the staging file: a rename, atomic, and the staged hash still holds.
    await mkdir(path.dirname(final), { recursive: true });
    await rename(localPath, final);
    await syncDir(path.dirname(final));
    return { key, ...staged };
  }

  async stat(key: string) {
    try {
      const s = await stat(this.pathForKey(key));
      return s.isFile() ? { size: s.size, mtime: s.mtime } : undefined;
    } catch {
      return undefined;
    }
  }

  async readStream(key: string, range?: { start: number; end: number }): Promise<Readable> {
    return createReadStream(this.pathForKey(key), range);
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathForKey(key), { force: true });
  }

  async removePartials(key: string): Promise<void> {
    const final = this.pathForKey(key);
    const dir = path.dirname(final);
    const base = path.basename(final);
    const names = await readdir(dir).catch(() => [] as string[]);
    await Promise.all(
      names
        .filter((n) => n.startsWith(`${base}.`) && n.endsWith(".part"))
        .map((n) => rm(path.join(dir, n), { force: true })),
    );
  }

  /** Temp files (`*.part`, `*.incoming`) in the folder untouched for `olderThanMs` (a live writer keeps its mtime fresh). */
  async sweepStalePartials(prefix: string, olderThanMs: number): Promise<number> {
    const dir = this.pathForKey(prefix);
    const names = await readdir(dir).catch(() => [] as string[]);
    const before = Date.now() - olderThanMs;
    let removed = 0;
    for (const n of names.filter(isTemp)) {
      const file = path.join(dir, n);
      const s = await stat(file).catch(() => undefined);
      if (s?.isFile() && s.mtimeMs < before) {
        await rm(file, { force: true });
        removed++;
      }
    }
    return removed;
  }

  async *list(prefix: string): AsyncIterable<ListedObject[]> {
    const page: ListedObject[] = [];
    const root = this.root;
    async function* walk(dir: string): AsyncGenerator<ListedObject> {
      const entries = await readdir(path.join(root, dir), { withFileTypes: true }).catch(() => []);
      for (const e of entries) {
        const key = dir ? `${dir}/${e.name}` : e.name;
        if (e.isDirectory()) yield* walk(key);
        else if (e.isFile() && !isTemp(e.name)) {
          const s = await stat(path.join(root, key)).catch(() => undefined);
          if (s) yield { key, size: s.size, mtime: s.mtime };
        }
      }
    }
    for await (const o of walk(prefix.replace(/\/+$/, ""))) {
      page.push(o);
      if (page.length >= 500) yield page.splice(0);
    }
    if (page.length) yield page;
  }

  async withLocalFile<T>(key: string, fn: (file: string) => Promise<T>): Promise<T> {
    return fn(this.pathForKey(key));
  }

  async presignedUrl(): Promise<string | undefined> {
    return undefined;
  }
}
