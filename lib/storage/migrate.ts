import "server-only";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { config } from "@/lib/config";
import { parseStorageUrl } from "@/lib/config/storage-url";
import { db } from "@/lib/db";
import { localDisk } from "./index";
import type { LocalStorage } from "./local";
import { S3Storage } from "./s3";
import type { ListedObject, StorageBackend } from "./types";

export interface MigrateReport {
  files: number;
  copied: number;
  skipped: number;
  bytes: number;
  failed: { key: string; reason: string }[];
}

const CONCURRENCY = 4;

async function sha256Of(stream: NodeJS.ReadableStream): Promise<string> {
  const hash = createHash("sha256");
  await pipeline(stream, hash);
  return hash.digest("hex");
}

/** The sha256 the database recorded for these keys (originals; thumbnails and posters have none). */
async function recorded(keys: string[]): Promise<Map<string, string>> {
  const rows = await db().asset.findMany({
    where: { storageKey: { in: keys }, sha256: { not: null } },
    select: { storageKey: true, sha256: true },
  });
  return new Map(rows.map((r) => [r.storageKey!, r.sha256!]));
}

/**
 * Copy every stored file from the local disk to `to`, key for key (keys are backend-independent: the database does
 * not change). Resumable: an object already there with the right size and sha256 is skipped. Verified: each local
 * file is hashed first (and checked against the asset row's sha256 where there is one), the upload must stream the
 * same hash or it is aborted, and the object is checked (size, recorded sha256) afterwards.
 */
export async function migrateStorage(
  from: LocalStorage,
  to: StorageBackend,
  print: (line: string) => void = () => undefined,
): Promise<MigrateReport> {
  const report: MigrateReport = { files: 0, copied: 0, skipped: 0, bytes: 0, failed: [] };
  const one = async (o: ListedObject, expected: string | undefined) => {
    const file = from.pathForKey(o.key);
    const sha = await sha256Of(createReadStream(file));
    if (expected && expected !== sha)
      throw new Error(`the local file's sha256 ${sha} is not the ${expected} the database recorded`);
    const there = await to.stat(o.key);
    if (there && there.size === o.size) {
      // Written by an earlier run (sha256 recorded with it), or by the studio itself (hash the object to be sure).
      const theirs = there.sha256 ?? (await sha256Of(await to.readStream(o.key)));
      if (theirs === sha) {
        report.skipped++;
        return;
      }
    }
    await to.writeStream(o.key, createReadStream(file), { expectSha256: sha });
    const after = await to.stat(o.key);
    if (!after || after.size !== o.size || (after.sha256 !== undefined && after.sha256 !== sha))
      throw new Error("the copy does not match after upload");
    report.copied++;
    report.bytes += o.size;
  };
  for await (const page of from.list("")) {
    const expected = await recorded(page.map((o) => o.key));
    for (let i = 0; i < page.length; i += CONCURRENCY) {
      await Promise.all(
        page.slice(i, i + CONCURRENCY).map(async (o) => {
          report.files++;
          try {
            await one(o, expected.get(o.key));
          } catch (e) {
            report.failed.push({ key: o.key, reason: (e as Error).message });
            print(`failed: ${o.key}: ${(e as Error).message}`);
          }
        }),
      );
    }
    print(
      `${report.files} files: ${report.copied} copied, ${report.skipped} already there, ${report.failed.length} failed`,
    );
  }
  return report;
}

/** `npm run cli -- storage migrate --to s3://…`: local disk → the bucket, then say what to set. */
export async function runStorageMigrate(to: string | undefined, print: (line: string) => void): Promise<boolean> {
  if (!to) throw new Error("--to s3://bucket/prefix?endpoint=…&region=… is required");
  let loc;
  try {
    loc = parseStorageUrl(to);
  } catch (e) {
    throw new Error(`--to: ${(e as Error).message}`);
  }
  if (loc.kind !== "s3") throw new Error("--to must be an s3:// URL");
  const target = new S3Storage(loc, path.resolve(config().STUDIO_DATA_DIR, "tmp"));
  try {
    const from = localDisk();
    print(`copying ${from.root} → s3://${loc.bucket}/${loc.prefix}`);
    const r = await migrateStorage(from, target, print);
    print(
      `done: ${r.files} files, ${r.copied} copied (${(r.bytes / 1024 / 1024).toFixed(1)} MB), ${r.skipped} already there, ${r.failed.length} failed`,
    );
    if (r.failed.length) {
      print("some files were not copied; fix them and run the command again (it resumes)");
      return false;
    }
    print(`now set STORAGE_URL=${to} and restart; the database needs no change (keys are the same on both)`);
    return true;
  } finally {
    target.client.destroy();
  }
}
