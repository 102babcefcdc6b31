import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { NextRequest } from "next/server";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startEmulator, type Emulator } from "@/emulator";
import { freshStudioEnv, TEST_SCOPE } from "../../scripts/harness/studio-env";
import { S3RVER_ENV, startS3rver } from "../helpers/s3rver";
import { readZip } from "../helpers/zip-read";
import { mediaMade, until } from "./helpers";

// The studio with STORAGE_URL=s3://… against s3rver: real generations through the engine and the emulator, their
// files archived to the bucket (poster and thumbnail too), read back through the REST routes with Range, shared
// and zipped; an upload sent to TD as a presigned bucket URL with no PUBLIC_BASE_URL; the orphan sweeper.

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let emu: Emulator;
let s3: Awaited<ReturnType<typeof startS3rver>>;
let dataDir = "";
let token = "";

beforeAll(async () => {
  s3 = await startS3rver();
  emu = await startEmulator({ port: 0, apiKey: "k", taskSeconds: 0.3, quiet: true });
  dataDir = freshStudioEnv(emu.url, "k", {
    ...S3RVER_ENV,
    STORAGE_URL: s3.url("studio"),
    STORAGE_PRESIGN_INPUTS: "1",
    PUBLIC_BASE_URL: "",
  }).dir;
  const { createToken } = await import("@/lib/auth/tokens");
  token = (await createToken(TEST_SCOPE, "test")).token;
  const { startEngine } = await import("@/lib/generations/engine");
  startEngine();
});
afterAll(async () => {
  const { startEngine } = await import("@/lib/generations/engine");
  startEngine().stop();
  const { storage } = await import("@/lib/storage");
  const s = storage();
  if ("client" in s) (s.client as { destroy(): void }).destroy();
  await emu?.close();
  await s3?.close();
});

async function call(mod: string, url: string, params: Record<string, string>, headers: Record<string, string> = {}) {
  const m = (await import(/* @vite-ignore */ `@/app/api/v1/${mod}/route`)) as Record<string, Handler>;
  const req = new NextRequest(new URL(url, "http://studio.test"), {
    headers: { Authorization: `Bearer ${token}`, ...headers },
  });
  return m.GET(req, { params: Promise.resolve(params) });
}
async function post(mod: string, url: string, params: Record<string, string>, body: unknown) {
  const m = (await import(/* @vite-ignore */ `@/app/api/v1/${mod}/route`)) as Record<string, Handler>;
  const req = new NextRequest(new URL(url, "http://studio.test"), {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return m.POST(req, { params: Promise.resolve(params) });
}
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
async function fromBucket(key: string) {
  const { readBuffer } = await import("@/lib/storage");
  return readBuffer(key);
}
const archived = async (generationId: string) => {
  const { getGeneration } = await import("@/lib/generations/queries");
  return until(
    () => getGeneration(TEST_SCOPE, generationId),
    (g) => g.status === "failed" || (g.status === "succeeded" && g.outputs[0]?.asset.archiveState === "archived"),
    20_000,
  );
};
let videoId = "";

describe("studio on S3 storage (s3rver)", () => {
  it("archives a generated video, its poster and thumbnail to the bucket; the file route serves Range from there", async () => {
    const { createGeneration } = await import("@/lib/generations/create");
    const g = await createGeneration(
      { model: "T0401001", mode: "text-to-video", prompt: "a paper city on a bucket", params: { duration: 4 } },
      TEST_SCOPE,
    );
    const done = await archived(g.id);
    expect(done.status).toBe("succeeded");
    const row = await mediaMade(done.outputs[0].asset.id);
    videoId = row.id;
    expect(row.storageKey).toMatch(/^outputs\/.+\.mp4$/);
    expect(row.posterKey).toBe(`${row.storageKey}.poster.jpg`);
    expect(row.thumbKey).toBe(`${row.storageKey}.thumb.webp`);
    // Nothing on the local disk: the bucket holds it all, under the prefix.
    expect(existsSync(path.join(dataDir, "files", row.storageKey!))).toBe(false);
    const bytes = await fromBucket(row.storageKey!);
    expect(bytes.length).toBe(row.size);
    expect(sha(bytes)).toBe(row.sha256);
    expect((await sharp(await fromBucket(row.posterKey!)).metadata()).format).toBe("jpeg");

    const part = await call(
      "assets/[id]/file",
      `/api/v1/assets/${row.id}/file`,
      { id: row.id },
      { range: "bytes=100-1099" },
    );
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 100-1099/${bytes.length}`);
    expect(part.headers.get("content-type")).toBe("video/mp4");
    expect(part.headers.get("accept-ranges")).toBe("bytes");
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(100, 1100))).toBe(true);
    const whole = await call("assets/[id]/file", `/api/v1/assets/${row.id}/file`, { id: row.id });
    expect(whole.status).toBe(200);
    expect(whole.headers.get("etag")).toBe(`"${row.sha256}"`);
    expect(sha(Buffer.from(await whole.arrayBuffer()))).toBe(row.sha256);
    const poster = await call("assets/[id]/poster", `/api/v1/assets/${row.id}/poster`, { id: row.id });
    expect(poster.status).toBe(200);
    expect(Buffer.from(await poster.arrayBuffer()).equals(await fromBucket(row.posterKey!))).toBe(true);
  });

  it("sends an uploaded reference to TD as a presigned bucket URL (no PUBLIC_BASE_URL), which TD can fetch", async () => {
    const { storeAsset } = await import("@/lib/assets/store");
    const { createGeneration } = await import("@/lib/generations/create");
    const { db } = await import("@/lib/db");
    const png = await sharp({ create: { width: 512, height: 512, channels: 3, background: "#3366aa" } })
      .png()
      .toBuffer();
    const up = await storeAsset(Readable.from([png]), TEST_SCOPE);
    const upRow = await db().asset.findUniqueOrThrow({ where: { id: up.id } });
    expect(sha(await fromBucket(upRow.storageKey!))).toBe(sha(png));
    expect(upRow.thumbKey && (await fromBucket(upRow.thumbKey)).length).toBeGreaterThan(0);
    // The staged upload is gone from the local disk.
    expect(existsSync(path.join(dataDir, "files", upRow.storageKey!))).toBe(false);
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    const g = await createGeneration(
      {
        model: "T0302007",
        mode: "image-to-image",
        prompt: "the same, in ink",
        inputs: [{ role: "reference_image", assetId: up.id }],
      },
      TEST_SCOPE,
    );
    const done = await archived(g.id);
    // The emulator downloads each reference and fails the task when it cannot (HTTP status, format).
    expect(done.status).toBe("succeeded");
    // The emulator (in this process) fetched the reference from the bucket itself, by a presigned URL.
    const fetched = fetchSpy.mock.calls
      .map(([input]) => String(input instanceof Request ? input.url : input))
      .filter((u) => u.startsWith(`${s3.endpoint}/studio/studio/uploads/${up.id}.png?`));
    fetchSpy.mockRestore();
    expect(fetched).toHaveLength(1);
    expect(fetched[0]).toContain("X-Amz-Signature=");
  });

  it("serves a share link's file with Range and zips a board, from the bucket", async () => {
    const { db } = await import("@/lib/db");
    const row = await db().asset.findUniqueOrThrow({ where: { id: videoId } });
    const bytes = await fromBucket(row.storageKey!);
    const share = await post("shares", "/api/v1/shares", {}, { assetId: videoId });
    expect(share.status).toBe(201);
    const shareToken = new URL(((await share.json()) as { url: string }).url).pathname.split("/").at(-1)!;
    const part = await call(
      "s/[token]/assets/[assetId]/file",
      `/api/v1/s/${shareToken}/assets/${videoId}/file`,
      { token: shareToken, assetId: videoId },
      { range: "bytes=0-99" },
    );
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(0, 100))).toBe(true);

    const board = (await (await post("boards", "/api/v1/boards", {}, { name: "bucket board" })).json()) as {
      id: string;
    };
    expect((await post("boards/[id]/items", "/", { id: board.id }, { assetIds: [videoId] })).status).toBeLessThan(300);
    const zipRes = await call("boards/[id]/zip", `/api/v1/boards/${board.id}/zip`, { id: board.id });
    expect(zipRes.status).toBe(200);
    const zip = readZip(Buffer.from(await zipRes.arrayBuffer()));
    const manifest = JSON.parse(zip.get("manifest.json")!.toString("utf8")) as { items: { file: string }[] };
    expect(manifest.items).toHaveLength(1);
    expect(zip.get(manifest.items[0].file)?.equals(bytes)).toBe(true);
  });

  it("the sweeper removes bucket objects no row names (older than a day) and keeps the rest", async () => {
    const { writeBuffer, statKey } = await import("@/lib/storage");
    const { sweepOrphanFiles } = await import("@/lib/gallery/purge");
    const { db } = await import("@/lib/db");
    const row = await db().asset.findUniqueOrThrow({ where: { id: videoId } });
    await writeBuffer("outputs/nobody/orphan.mp4", Buffer.from("orphan"));
    expect(await sweepOrphanFiles()).toBe(0); // too young
    const removed = await sweepOrphanFiles({ now: new Date(Date.now() + 2 * 86_400_000) });
    expect(removed).toBe(1);
    expect(await statKey("outputs/nobody/orphan.mp4")).toBeUndefined();
    for (const k of [row.storageKey!, row.posterKey!, row.thumbKey!]) expect(await statKey(k)).toBeDefined();
  });
});
