import { execFile } from "node:child_process";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseStorageUrl } from "@/lib/config/storage-url";
import { S3Storage } from "@/lib/storage/s3";
import { freshStudioEnv, TEST_SCOPE } from "../../scripts/harness/studio-env";
import { S3RVER_ENV, startS3rver } from "../helpers/s3rver";

// `npm run cli -- storage migrate --to s3://…` as an operator runs it (the real CLI, a separate process): local
// files copied key for key, checked against the database's sha256, resumed without copying twice, verified.

let s3: Awaited<ReturnType<typeof startS3rver>>;
let bucket: S3Storage;
let env: Record<string, string> = {};
const files = new Map<string, Buffer>();
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

async function cli(): Promise<{ code: number; out: string }> {
  try {
    const r = await promisify(execFile)(
      path.resolve("node_modules/.bin/tsx"),
      ["--conditions=react-server", "scripts/cli.ts", "storage", "migrate", "--to", s3.url("td")],
      { env: { ...process.env, ...env, STUDIO_ENV_FILE: "none" }, timeout: 60_000 },
    );
    return { code: 0, out: r.stdout };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    if (typeof err.code !== "number") throw e;
    return { code: err.code, out: `${err.stdout}${err.stderr}` };
  }
}

async function asset(key: string, bytes: Buffer, recordedSha = sha(bytes)) {
  const { db } = await import("@/lib/db");
  await db().asset.create({
    data: {
      id: randomUUID(),
      teamId: TEST_SCOPE.teamId,
      createdById: TEST_SCOPE.userId,
      kind: "video",
      mime: "video/mp4",
      origin: "upload",
      archiveState: "archived",
      storageKey: key,
      size: bytes.length,
      sha256: recordedSha,
    },
  });
}

beforeAll(async () => {
  s3 = await startS3rver();
  const { dir, databaseUrl } = freshStudioEnv("http://127.0.0.1:9", "k", S3RVER_ENV);
  // The CLI reads the same database as this test: a SQLite file, or the PostgreSQL database of the second stage.
  env = { ...S3RVER_ENV, STUDIO_DATA_DIR: dir, DATABASE_URL: databaseUrl };
  const loc = parseStorageUrl(s3.url("td"));
  if (loc.kind !== "s3") throw new Error("expected s3");
  bucket = new S3Storage(loc, os.tmpdir());
  const { writeBuffer } = await import("@/lib/storage");
  files.set("outputs/g1/a.mp4", randomBytes(11 * 1024 * 1024)); // multipart
  files.set("outputs/g1/a.mp4.poster.jpg", randomBytes(2000));
  files.set("outputs/g1/a.mp4.thumb.webp", randomBytes(900));
  files.set("uploads/u1.png", randomBytes(5000));
  files.set("uploads/bad.mp4", randomBytes(3000));
  for (const [k, b] of files) await writeBuffer(k, b);
  await asset("outputs/g1/a.mp4", files.get("outputs/g1/a.mp4")!);
  await asset("uploads/u1.png", files.get("uploads/u1.png")!);
  // A local file that no longer holds what the database recorded (bit rot): not copied, reported.
  await asset("uploads/bad.mp4", files.get("uploads/bad.mp4")!, "f".repeat(64));
});
afterAll(async () => {
  bucket?.client.destroy();
  await s3?.close();
});

describe("storage migrate (CLI)", () => {
  it("copies every file, refuses one that differs from the database, and resumes without copying twice", async () => {
    const first = await cli();
    expect(first.code).toBe(1);
    expect(first.out).toContain("failed: uploads/bad.mp4: the local file's sha256");
    expect(first.out).toContain("done: 5 files, 4 copied");
    expect(await bucket.stat("uploads/bad.mp4")).toBeUndefined();
    for (const k of [...files.keys()].filter((k) => k !== "uploads/bad.mp4"))
      expect((await bucket.stat(k))?.sha256, k).toBe(sha(files.get(k)!));

    // Between runs: the bad file is restored from a backup, one object is lost, one is overwritten (same size).
    const { db } = await import("@/lib/db");
    await db().asset.updateMany({
      where: { storageKey: "uploads/bad.mp4" },
      data: { sha256: sha(files.get("uploads/bad.mp4")!) },
    });
    await bucket.remove("outputs/g1/a.mp4.poster.jpg");
    await bucket.writeStream("uploads/u1.png", Readable.from([randomBytes(5000)]));

    const second = await cli();
    expect(second.code, second.out).toBe(0);
    expect(second.out).toContain("done: 5 files, 3 copied");
    expect(second.out).toContain("2 already there, 0 failed");
    expect(second.out).toContain(`now set STORAGE_URL=${s3.url("td")}`);
    for (const [k, b] of files) {
      const chunks: Buffer[] = [];
      for await (const c of await bucket.readStream(k)) chunks.push(c as Buffer);
      expect(sha(Buffer.concat(chunks)), k).toBe(sha(b));
    }
    // The local files stay as they were (the operator removes them once the studio runs on the bucket).
    expect(sha(readFileSync(path.join(env.STUDIO_DATA_DIR, "files", "uploads/u1.png")))).toBe(
      sha(files.get("uploads/u1.png")!),
    );
  });

  it("a third run copies nothing", async () => {
    const third = await cli();
    expect(third.code).toBe(0);
    expect(third.out).toContain("done: 5 files, 0 copied (0.0 MB), 5 already there, 0 failed");
  });
});
