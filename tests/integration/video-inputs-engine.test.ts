import { readFileSync } from "node:fs";
import { Readable } from "node:stream";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "@/emulator";
import { buildDashScopeBody } from "@/lib/td/dashscope";
import { until } from "./helpers";
import { freshStudioEnv, TEST_SCOPE } from "../../scripts/harness/studio-env";
import { wavBytes } from "../helpers/wav";

// Adapter-level inputs: what the studio's generation inputs (studio assets, URLs, asset:// ids) become in
// the body sent upstream — media in the right order, so `[Image N]` / `[图N]` numbering = media order.

let emu: Emulator;
const PUBLIC = "http://127.0.0.1:9"; // unreachable on purpose: the emulator lets unreachable URLs through

beforeAll(async () => {
  emu = await startEmulator({ port: 0, apiKey: "k", taskSeconds: 0.4, quiet: true });
  freshStudioEnv(emu.url, "k", { PUBLIC_BASE_URL: PUBLIC, SEEDANCE_ASSET_GROUP_ID: "group-unit" });
});
afterAll(async () => {
  await emu.close();
});

const png = (w: number, h: number, colour = "#3366aa") =>
  sharp({ create: { width: w, height: h, channels: 3, background: colour } })
    .png()
    .toBuffer();

async function load() {
  const [{ storeAsset }, { createGeneration }, lib] = await Promise.all([
    import("@/lib/assets/store"),
    import("@/lib/generations/create"),
    import("@/lib/seedance/library"),
  ]);
  const store = async (bytes: Buffer) => (await storeAsset(Readable.from([bytes]), TEST_SCOPE)).id;
  return { store, createGeneration, lib };
}

const bodyOf = (taskId: string | null) => emu.tasks.get(taskId!)!.body as Record<string, unknown>;
const widthOf = async (dataUrl: string) => (await sharp(Buffer.from(dataUrl.split(",")[1], "base64")).metadata()).width;

describe("HappyHorse request bodies (DashScope) — the doc examples", () => {
  it("first frame, reference fusion and video edit: the builder makes the documented bodies", () => {
    const i2v = {
      model: "T0401002",
      input: {
        prompt: "一只猫在草地上奔跑",
        media: [
          { type: "first_frame", url: "https://td-llm.tos-cn-beijing.volces.com/public/1774320434562_2b131e.png" },
        ],
      },
      parameters: { resolution: "720P", duration: 5 },
    };
    expect(
      buildDashScopeBody(
        "T0401002",
        i2v.input.prompt,
        { resolution: "720P", duration: 5, ratio: "16:9" },
        i2v.input.media as never,
      ),
    ).toEqual(i2v);
    const refs = ["hh-v2v-girl.jpg", "hh-v2v2-folding-fan.jpg", "hh-v2v-earrings.jpg"].map((f) => ({
      type: "reference_image",
      url: `https://help-static-aliyun-doc.aliyuncs.com/${f}`,
    }));
    const prompt = "[Image 1]中身着红色旗袍的女性……展开[Image 2]中的折扇的同时，[Image 3]中的流苏耳坠随头部转动";
    expect(
      buildDashScopeBody("T0401003", prompt, { resolution: "720P", ratio: "16:9", duration: 5 }, refs as never),
    ).toEqual({
      model: "T0401003",
      input: { prompt, media: refs },
      parameters: { resolution: "720P", ratio: "16:9", duration: 5 },
    });
    const edit = [
      { type: "video", url: "https://example.com/Wan_Video_Edit_33_1.mp4" },
      { type: "reference_image", url: "https://example.com/wan-video-edit-clothes.webp" },
    ];
    // ratio and duration are not parameters of the edit model: never sent.
    expect(
      buildDashScopeBody(
        "T0401004",
        "让视频中的马头人身角色穿上图片中的条纹毛衣",
        { resolution: "720P", ratio: "16:9", duration: 5 },
        edit as never,
      ),
    ).toEqual({
      model: "T0401004",
      input: { prompt: "让视频中的马头人身角色穿上图片中的条纹毛衣", media: edit },
      parameters: { resolution: "720P" },
    });
  });
});

describe("studio inputs → upstream media, in order", () => {
  it("HappyHorse reference fusion: studio assets go inline, in the order given, so [Image N] is the N-th", async () => {
    const { store, createGeneration } = await load();
    const [a, b, c] = [
      await store(await png(600, 400)),
      await store(await png(700, 400)),
      await store(await png(800, 400)),
    ];
    const g = await createGeneration(
      {
        model: "T0401003",
        mode: "reference",
        prompt: "[Image 1] walks past [Image 2] towards [Image 3]",
        inputs: [b, c, a].map((assetId) => ({ role: "reference_image" as const, assetId })),
      },
      TEST_SCOPE,
    );
    expect(g.inputs.map((i) => i.assetId)).toEqual([b, c, a]);
    const media = (bodyOf(g.upstreamTaskId).input as { media: { type: string; url: string }[] }).media;
    expect(media.map((m) => m.type)).toEqual(["reference_image", "reference_image", "reference_image"]);
    expect(media.every((m) => m.url.startsWith("data:image/png;base64,"))).toBe(true);
    expect(await Promise.all(media.map((m) => widthOf(m.url)))).toEqual([700, 800, 600]);
  });

  it("HappyHorse video edit: the video by the studio's public link (URL only), references inline", async () => {
    const { store, createGeneration } = await load();
    const video = await store(readFileSync("tests/e2e/video-media/clip-640x640-24fps-4s.mp4"));
    const ref = await store(await png(500, 500));
    const g = await createGeneration(
      {
        model: "T0401004",
        mode: "video-edit",
        prompt: "make it snow",
        params: { audioSetting: "origin" },
        inputs: [
          { role: "video", assetId: video },
          { role: "reference_image", assetId: ref },
        ],
      },
      TEST_SCOPE,
    );
    const body = bodyOf(g.upstreamTaskId) as {
      input: { media: { type: string; url: string }[] };
      parameters: Record<string, unknown>;
    };
    expect(body.input.media[0]).toEqual({
      type: "video",
      url: expect.stringMatching(new RegExp(`^${PUBLIC}/api/v1/assets/${video}/file\\?exp=\\d+&sig=`)),
    });
    expect(body.input.media[1]).toMatchObject({
      type: "reference_image",
      url: expect.stringMatching(/^data:image\/png;base64,/),
    });
    expect(body.parameters).toEqual({ resolution: "1080P", watermark: false, audio_setting: "origin" });
  });

  it("GV 3.1 first + last frame: FileInfos holds the first frame, LastFrameUrl the last, both public links", async () => {
    const { store, createGeneration } = await load();
    const [first, last] = [await store(await png(640, 360)), await store(await png(640, 360, "#aa3366"))];
    const g = await createGeneration(
      {
        model: "T0301004",
        mode: "first-last-frame",
        prompt: "bloom to wither",
        inputs: [
          { role: "last_frame", assetId: last },
          { role: "first_frame", assetId: first },
        ],
      },
      TEST_SCOPE,
    );
    const body = bodyOf(g.upstreamTaskId) as { FileInfos: unknown[]; LastFrameUrl: string };
    expect(body.FileInfos).toEqual([
      { Type: "Url", Url: expect.stringContaining(`/api/v1/assets/${first}/file?`), Usage: "FirstFrame" },
    ]);
    expect(body.LastFrameUrl).toContain(`/api/v1/assets/${last}/file?`);
  });

  it("Seedance multimodal: text, images in the given order ([图N]), then videos, then audio; library assets as asset://", async () => {
    const { store, createGeneration, lib } = await load();
    const [x, y] = [await store(await png(640, 480)), await store(await png(480, 640))];
    const video = await store(readFileSync("tests/e2e/video-media/clip-640x640-24fps-4s.mp4"));
    const audio = await store(wavBytes(3));
    const registered = await lib.registerSeedanceAsset(TEST_SCOPE, {
      url: "https://example.com/face.png",
      assetType: "Image",
      name: "face",
    });
    expect(registered.status).toBe("Processing");
    const active = await until(
      () => lib.getSeedanceAsset(TEST_SCOPE, registered.id),
      (a) => a.status === "Active",
    );
    expect(active.assetUri).toBe(`asset://${active.upstreamId}`);

    const g = await createGeneration(
      {
        model: "T0101007",
        mode: "multimodal-reference",
        prompt: "[图1]和[图2]在[图3]的房间里",
        inputs: [
          { role: "reference_audio", assetId: audio },
          { role: "reference_image", assetId: y },
          { role: "reference_video", assetId: video },
          { role: "reference_image", assetId: x },
          { role: "reference_image", url: active.assetUri! },
        ],
      },
      TEST_SCOPE,
    );
    expect(g.inputs.find((i) => i.role === "reference_image" && i.url)).toMatchObject({
      url: active.assetUri,
      position: 4,
    });
    const content = bodyOf(g.upstreamTaskId).content as {
      type: string;
      role?: string;
      image_url?: { url: string };
      video_url?: { url: string };
      audio_url?: { url: string };
    }[];
    expect(content.map((c) => `${c.type}:${c.role ?? ""}`)).toEqual([
      "text:",
      "image_url:reference_image",
      "image_url:reference_image",
      "image_url:reference_image",
      "video_url:reference_video",
      "audio_url:reference_audio",
    ]);
    expect(await widthOf(content[1].image_url!.url)).toBe(480);
    expect(await widthOf(content[2].image_url!.url)).toBe(640);
    expect(content[3].image_url!.url).toBe(active.assetUri);
    expect(content[4].video_url!.url).toContain(`/api/v1/assets/${video}/file?`);
    expect(content[5].audio_url!.url).toMatch(/^data:audio\/wav;base64,/);
  });
});

describe("the Seedance asset library", () => {
  it("registers a studio file by its public link, checks it first, and records refusals as Failed", async () => {
    const { store, lib } = await load();
    const small = await store(await png(200, 200));
    await expect(lib.registerSeedanceAsset(TEST_SCOPE, { assetId: small })).rejects.toMatchObject({
      code: "validation_failed",
      message: expect.stringContaining("width 200px is below the minimum 301px"),
    });
    const ok = await store(await png(640, 640));
    const before = emu.log.filter((l) => l.op === "asset.create").length;
    const item = await lib.registerSeedanceAsset(TEST_SCOPE, { assetId: ok, name: "hero" });
    expect(item).toMatchObject({
      name: "hero",
      assetType: "Image",
      status: "Processing",
      studioAssetId: ok,
      previewUrl: `/api/v1/assets/${ok}/file`,
      groupId: "group-unit",
    });
    expect(emu.log.filter((l) => l.op === "asset.create")).toHaveLength(before + 1);
    const failed = await lib.registerSeedanceAsset(TEST_SCOPE, {
      url: "https://example.com/x.png",
      assetType: "Image",
      name: "bad [[fault:failed]]",
    });
    const done = await until(
      () => lib.getSeedanceAsset(TEST_SCOPE, failed.id),
      (a) => a.status !== "Processing",
    );
    expect(done).toMatchObject({ status: "Failed", error: expect.stringContaining("could not be processed") });
    const listed = await lib.listSeedanceAssets(TEST_SCOPE);
    expect(listed.map((a) => a.id)).toEqual(expect.arrayContaining([item.id, failed.id]));
  });

  it("a generation refuses an asset that is not Active yet, or of the wrong type, before anything is sent", async () => {
    const { createGeneration, lib } = await load();
    const pending = await lib.registerSeedanceAsset(TEST_SCOPE, {
      url: "https://example.com/slow.png",
      assetType: "Image",
    });
    const creates = emu.tasks.creates;
    await expect(
      createGeneration(
        {
          model: "T0101007",
          mode: "first-frame",
          inputs: [{ role: "first_frame", url: `asset://${pending.upstreamId}` }],
        },
        TEST_SCOPE,
      ),
    ).rejects.toMatchObject({
      message: expect.stringContaining("is Processing; only Active assets can be used"),
    });
    const audio = await lib.registerSeedanceAsset(TEST_SCOPE, {
      url: "https://example.com/voice.wav",
      assetType: "Audio",
    });
    await until(
      () => lib.getSeedanceAsset(TEST_SCOPE, audio.id),
      (a) => a.status === "Active",
    );
    await expect(
      createGeneration(
        {
          model: "T0101007",
          mode: "first-frame",
          inputs: [{ role: "first_frame", url: `asset://${audio.upstreamId}` }],
        },
        TEST_SCOPE,
      ),
    ).rejects.toMatchObject({ message: expect.stringContaining("must be image") });
    await expect(
      createGeneration(
        {
          model: "T0401002",
          mode: "first-frame",
          inputs: [{ role: "first_frame", url: `asset://${audio.upstreamId}` }],
        },
        TEST_SCOPE,
      ),
    ).rejects.toMatchObject({ message: expect.stringContaining("does not accept asset://") });
    expect(emu.tasks.creates).toBe(creates);
  });
});

describe("GET /api/v1/assets (the picker's list)", () => {
  it("lists stored files newest first, filtered by kind, origin and output role, with pages", async () => {
    const { store } = await load();
    const { listAssets } = await import("@/lib/assets/list");
    const { db } = await import("@/lib/db");
    await store(await png(330, 330));
    await store(await png(340, 340));
    const img = await store(await png(320, 320));
    // An output still only at TD (not archived) is not offered: the studio could not send it.
    await db().asset.create({
      data: {
        id: "out-temp",
        kind: "image",
        role: "last_frame",
        origin: "output",
        archiveState: "temporary",
        storageKey: null,
      },
    });
    const images = await listAssets(TEST_SCOPE, { kind: "image", limit: 100 });
    expect(images.items[0].id).toBe(img);
    expect(images.items.every((a) => a.kind === "image" && a.fileUrl)).toBe(true);
    expect(images.items.some((a) => a.id === "out-temp")).toBe(false);
    expect((await listAssets(TEST_SCOPE, { kind: "video", limit: 100 })).items.every((a) => a.kind === "video")).toBe(
      true,
    );
    expect(
      (await listAssets(TEST_SCOPE, { origin: "output", limit: 100 })).items.every((a) => a.origin === "output"),
    ).toBe(true);
    const page1 = await listAssets(TEST_SCOPE, { kind: "image", limit: 2 });
    const page2 = await listAssets(TEST_SCOPE, { kind: "image", limit: 2, cursor: page1.nextCursor! });
    expect(page1.nextCursor).toBeTruthy();
    expect(page2.items[0].id).not.toBe(page1.items[1].id);
  });
});
