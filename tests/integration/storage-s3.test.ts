import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import os from "node:os";
import { Readable } from "node:stream";
import { AbortMultipartUploadCommand, ListMultipartUploadsCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parseStorageUrl } from "@/lib/config/storage-url";
import { PART_SIZE, S3Storage } from "@/lib/storage/s3";
import { S3RVER_ENV, startS3rver } from "../helpers/s3rver";

// The S3 backend against a real S3-compatible server (s3rver) on a loopback port: streamed multipart writes with
// their sha256, Range reads, deletes, listings for the sweeper, and nothing left under the key when a write fails.

let s3: Awaited<ReturnType<typeof startS3rver>>;
let store: S3Storage;
beforeAll(async () => {
  Object.assign(process.env, S3RVER_ENV);
  s3 = await startS3rver();
  const loc = parseStorageUrl(s3.url("studio/files"));
  if (loc.kind !== "s3") throw new Error("expected an s3 location");
  store = new S3Storage(loc, os.tmpdir());
});
afterAll(async () => {
  store?.client.destroy();
  await s3?.close();
});

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const collect = async (r: Readable) => {
  const chunks: Buffer[] = [];
  for await (const c of r) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};
/** `total` bytes in 1 MiB chunks, failing with `fail` after `failAfter` bytes if given. */
function source(bytes: Buffer, opts: { failAfter?: number } = {}) {
  return Readable.from(
    (async function* () {
      for (let at = 0; at < bytes.length; at += 1 << 20) {
        if (opts.failAfter !== undefined && at >= opts.failAfter) throw new Error("the source broke");
        yield bytes.subarray(at, at + (1 << 20));
      }
    })(),
  );
}

describe("S3 storage backend (s3rver)", () => {
  it("answers readiness: ping passes on the bucket and fails on a bucket that does not exist", async () => {
    await expect(store.ping()).resolves.toBeUndefined();
    const missing = parseStorageUrl(s3.url("studio/files").replace("s3://studio", "s3://no-such-bucket"));
    if (missing.kind !== "s3") throw new Error("expected an s3 location");
    const other = new S3Storage(missing, os.tmpdir());
    await expect(other.ping()).rejects.toThrow();
    other.client.destroy();
  });

  it("parses STORAGE_URL and refuses bad ones with a reason", () => {
    expect(parseStorageUrl(undefined)).toEqual({ kind: "local" });
    expect(parseStorageUrl("s3://media/a/b?endpoint=http%3A%2F%2F127.0.0.1%3A9000&forcePathStyle=true")).toEqual({
      kind: "s3",
      bucket: "media",
      prefix: "a/b/",
      endpoint: "http://127.0.0.1:9000",
      region: "us-east-1",
      forcePathStyle: true,
    });
    expect(() => parseStorageUrl("https://x")).toThrow(/s3:\/\//);
    expect(() => parseStorageUrl("s3://B_/x")).toThrow(/bucket name/);
    expect(() => parseStorageUrl("s3://media?colour=red")).toThrow(/unknown option "colour"/);
    expect(() => parseStorageUrl("s3://key:secret@media")).toThrow(/AWS_ACCESS_KEY_ID/);
    expect(() => parseStorageUrl("s3://media?endpoint=ftp://x")).toThrow(/endpoint/);
  });

  it("names the variable when the configuration is wrong", async () => {
    const { parseEnv } = await import("@/lib/config/env");
    const base = { TD_BASE_URL: "http://127.0.0.1:9", TD_API_KEY: "k" };
    expect(parseEnv({ ...base, STORAGE_URL: s3.url("p") }).STORAGE_URL).toMatchObject({ kind: "s3", prefix: "p/" });
    expect(() => parseEnv({ ...base, STORAGE_URL: "/srv/files" })).toThrow(/STORAGE_URL: must be s3:\/\/bucket/);
    expect(() => parseEnv({ ...base, STORAGE_PRESIGN_INPUTS: "1" })).toThrow(
      /STORAGE_PRESIGN_INPUTS: needs an s3:\/\/ STORAGE_URL/,
    );
  });

  it("streams a multipart object in, hashing as it goes; Range reads return the exact bytes", async () => {
    const bytes = randomBytes(2 * PART_SIZE + 12345);
    const stored = await store.writeStream("outputs/g1/a.mp4", source(bytes));
    expect(stored).toEqual({ key: "outputs/g1/a.mp4", size: bytes.length, sha256: sha(bytes) });
    expect((await store.stat("outputs/g1/a.mp4"))?.size).toBe(bytes.length);
    expect(sha(await collect(await store.readStream("outputs/g1/a.mp4")))).toBe(sha(bytes));
    const start = PART_SIZE - 10;
    const part = await collect(await store.readStream("outputs/g1/a.mp4", { start, end: start + 99 }));
    expect(part.equals(bytes.subarray(start, start + 100))).toBe(true);
    // On the server the object sits under the prefix.
    expect(await store.stat("g1/a.mp4")).toBeUndefined();
  });

  it("leaves no object when the source breaks, the size limit is passed or the sha256 is wrong", async () => {
    const bytes = randomBytes(PART_SIZE + 3 * (1 << 20));
    await expect(
      store.writeStream("outputs/g2/broken.mp4", source(bytes, { failAfter: PART_SIZE + (1 << 20) })),
    ).rejects.toThrow("the source broke");
    await expect(store.writeStream("outputs/g2/big.mp4", source(bytes), { maxBytes: PART_SIZE })).rejects.toThrow(
      /larger than/,
    );
    await expect(
      store.writeStream("outputs/g2/wrong.bin", source(bytes.subarray(0, 1000)), { expectSha256: "0".repeat(64) }),
    ).rejects.toThrow(/sha256 mismatch/);
    for (const k of ["broken.mp4", "big.mp4", "wrong.bin"]) expect(await store.stat(`outputs/g2/${k}`)).toBeUndefined();
    const listed = [];
    for await (const page of store.list("outputs/g2/")) listed.push(...page);
    expect(listed).toEqual([]);
  });

  it("records the expected sha256 with the object, lists by prefix, deletes", async () => {
    const small = Buffer.from("a poster");
    await store.writeStream("outputs/g3/p.jpg", Readable.from([small]), { expectSha256: sha(small) });
    await store.writeStream("uploads/u.png", Readable.from([Buffer.from("png")]));
    expect((await store.stat("outputs/g3/p.jpg"))?.sha256).toBe(sha(small));
    const listed = [];
    for await (const page of store.list("outputs/")) listed.push(...page.map((o) => `${o.key}:${o.size}`));
    expect(listed.sort()).toEqual([`outputs/g1/a.mp4:${2 * PART_SIZE + 12345}`, "outputs/g3/p.jpg:8"]);
    await store.remove("outputs/g3/p.jpg");
    expect(await store.stat("outputs/g3/p.jpg")).toBeUndefined();
    await expect(store.readStream("outputs/g3/p.jpg")).rejects.toMatchObject({ name: "NoSuchKey" });
  });

  it("sweeps unfinished multipart uploads begun before the threshold; a store without the call has nothing to sweep", async () => {
    // s3rver has no ListMultipartUploads: it answers NotImplemented, which is not an error for the sweep.
    expect(await store.sweepStalePartials("", 3600_000)).toBe(0);
    await expect(store.removePartials("outputs/g1/a.mp4")).resolves.toBeUndefined();
    // What a store that has it answers (stubbed at the client): only the old upload is aborted, by its id.
    const old = new Date(Date.now() - 2 * 86_400_000);
    const sent: unknown[] = [];
    const spy = vi.spyOn(store.client, "send").mockImplementation((async (cmd: unknown) => {
      sent.push(cmd);
      if (cmd instanceof ListMultipartUploadsCommand)
        return {
          IsTruncated: false,
          Uploads: [
            { Key: "studio/files/outputs/x/old.mp4", UploadId: "u-old", Initiated: old },
            { Key: "studio/files/outputs/x/live.mp4", UploadId: "u-live", Initiated: new Date() },
          ],
        };
      return {};
    }) as never);
    try {
      expect(await store.sweepStalePartials("", 86_400_000)).toBe(1);
      expect((sent[0] as ListMultipartUploadsCommand).input.Prefix).toBe("studio/files/");
      const aborted = sent
        .filter((c): c is AbortMultipartUploadCommand => c instanceof AbortMultipartUploadCommand)
        .map((c) => [c.input.Key, c.input.UploadId]);
      expect(aborted).toEqual([["studio/files/outputs/x/old.mp4", "u-old"]]);
    } finally {
      spy.mockRestore();
    }
  });

  it("gives a local copy for ffmpeg and sharp, and presigned URLs anyone can GET (Range too)", async () => {
    const bytes = Buffer.from("frame bytes ".repeat(1000));
    await store.writeStream("outputs/g4/f.png", Readable.from([bytes]));
    let seen = "";
    await store.withLocalFile("outputs/g4/f.png", async (file) => {
      seen = file;
      expect(readFileSync(file).equals(bytes)).toBe(true);
    });
    expect(() => readFileSync(seen)).toThrow(/ENOENT/);
    const url = await store.presignedUrl("outputs/g4/f.png", 60);
    expect(url).toContain("X-Amz-Signature=");
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    const ranged = await fetch(url, { headers: { Range: "bytes=0-4" } });
    expect(ranged.status).toBe(206);
    expect(await ranged.text()).toBe("frame");
  });
});
