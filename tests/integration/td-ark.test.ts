import http from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { getModeSpec, getModel } from "@/lib/catalog";
import { parseParams } from "@/lib/catalog/validate";
import {
  ArkClient,
  arkCreateBody,
  ARK_ASSET_CREATE_PATH,
  ARK_ASSET_GET_PATH,
  ARK_TASKS_PATH,
  buildArkBody,
  type ArkCreateBody,
} from "@/lib/td/ark";
import { TdError } from "@/lib/td/errors";
import { DOC_ASSET, DOC_FIRST_FRAME, DOC_FIRST_LAST, DOC_MULTIMODAL, DOC_T2V_SEARCH } from "../helpers/ark-examples";
import { rawCall, until, withEmulator } from "./helpers";

const t = withEmulator();
const client = () => new ArkClient(t.http);

const t2v = (text: string, extra: Record<string, unknown> = {}) =>
  ({ model: "T0101007", content: [{ type: "text", text }], ...extra }) as ArkCreateBody;
const img = (url: string, role?: string) => ({ type: "image_url", image_url: { url }, ...(role ? { role } : {}) });
const vid = (url: string) => ({ type: "video_url", video_url: { url }, role: "reference_video" });
const aud = (url: string) => ({ type: "audio_url", audio_url: { url }, role: "reference_audio" });
const body = (...content: unknown[]) => ({ model: "T0101007", content });

async function pngDataUrl(width: number, height: number): Promise<string> {
  const png = await sharp({ create: { width, height, channels: 3, background: "#3366aa" } })
    .png()
    .toBuffer();
  return `data:image/png;base64,${png.toString("base64")}`;
}

const setTaskSeconds = (taskSeconds: number) => rawCall(t.emu.url, "POST", "/__emulator/config", { taskSeconds });
const finished = (s: string) => !["queued", "running"].includes(s);

describe("Ark family (Seedance 2.0 fast): tasks", () => {
  it("accepts every documented request example and answers {id}", async () => {
    for (const example of [DOC_MULTIMODAL, DOC_FIRST_FRAME, DOC_FIRST_LAST, DOC_T2V_SEARCH]) {
      const created = await client().createTask(example as ArkCreateBody);
      expect(created.data.id).toMatch(/^cgt-\d{14}-[a-z0-9]{5}$/);
    }
    const since = t.emu.log.length;
    const raw = await rawCall(
      t.emu.url,
      "POST",
      `${ARK_TASKS_PATH}?requestId=550e8400-e29b-41d4-a716-446655440000`,
      DOC_FIRST_LAST,
    );
    expect(raw.status).toBe(200);
    expect(Object.keys(raw.json)).toEqual(["id"]);
    expect(t.emu.log.slice(since).find((l) => l.op === "create")?.requestId).toBe(
      "550e8400-e29b-41d4-a716-446655440000",
    );
  });

  it("the builder makes the doc's example bodies from studio params and role-tagged inputs", () => {
    const [mmText, ...mm] = DOC_MULTIMODAL.content as {
      text?: string;
      image_url?: { url: string };
      video_url?: { url: string };
      audio_url?: { url: string };
    }[];
    expect(
      buildArkBody(
        "multimodal-reference",
        mmText.text,
        { generateAudio: true, ratio: "16:9", duration: 11, watermark: false },
        [
          { role: "reference_audio", url: mm[3].audio_url!.url },
          { role: "reference_image", url: mm[0].image_url!.url },
          { role: "reference_video", url: mm[2].video_url!.url },
          { role: "reference_image", url: mm[1].image_url!.url },
        ],
      ),
    ).toEqual(DOC_MULTIMODAL);
    expect(
      buildArkBody(
        "first-frame",
        DOC_FIRST_FRAME.content[0].text,
        { generateAudio: true, ratio: "adaptive", duration: 5, watermark: false },
        [{ role: "first_frame", url: "https://example.com/first_frame.png" }],
      ),
    ).toEqual(DOC_FIRST_FRAME);
    expect(
      buildArkBody(
        "first-last-frame",
        DOC_FIRST_LAST.content[0].text,
        { generateAudio: false, ratio: "16:9", duration: 6, watermark: true },
        [
          { role: "last_frame", url: "https://example.com/withered.jpg" },
          { role: "first_frame", url: "https://example.com/bloom.jpg" },
        ],
      ),
    ).toEqual(DOC_FIRST_LAST);
    expect(
      buildArkBody("text-to-video", DOC_T2V_SEARCH.content[0].text, {
        webSearch: true,
        ratio: "9:16",
        duration: 5,
        watermark: false,
      }),
    ).toEqual(DOC_T2V_SEARCH);
    expect(() =>
      buildArkBody("first-frame", "x", {}, [{ role: "reference_video", url: "https://example.com/v.mp4" }]),
    ).toThrow(/reference_video/);
  });

  it("runs queued → running → succeeded with a playable, expiring MP4 and a last-frame PNG of the documented size", async () => {
    const created = await client().createTask(
      t2v("a red fox in snow", {
        return_last_frame: true,
        ratio: "16:9",
        resolution: "720p",
        seed: 42,
        safety_identifier: "u-hash",
      }),
    );
    const first = await client().getTask(created.data.id);
    expect(first.data).toMatchObject({
      id: created.data.id,
      model: "T0101007",
      created_at: expect.any(Number),
      updated_at: expect.any(Number),
    });
    expect(["queued", "running"]).toContain(first.data.status);
    expect(first.data.content).toBeUndefined();
    const done = await until(
      () => client().getTask(created.data.id),
      (r) => finished(r.data.status),
    );
    expect(done.data).toMatchObject({
      status: "succeeded",
      seed: 42,
      resolution: "720p",
      ratio: "16:9",
      duration: 5,
      framespersecond: 24,
      generate_audio: true,
      service_tier: "default",
      execution_expires_after: 172800,
      safety_identifier: "u-hash",
      usage: { completion_tokens: 108000, total_tokens: 108000, tool_usage: { web_search: 0 } },
    });
    expect(done.data.error ?? null).toBeNull();
    const { video_url, last_frame_url } = done.data.content!;
    expect(video_url).toMatch(/\/files\/.+\.mp4\?Expires=\d+&Signature=/);
    const expires = Number(new URL(video_url!).searchParams.get("Expires"));
    expect(expires - Date.now() / 1000).toBeGreaterThan(86_000);
    const video = Buffer.from(await (await fetch(video_url!)).arrayBuffer());
    expect(video.subarray(4, 8).toString()).toBe("ftyp");
    const frame = await fetch(last_frame_url!);
    expect(frame.headers.get("content-type")).toBe("image/png");
    const meta = await sharp(Buffer.from(await frame.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["png", 1280, 720]);
  });

  it("adaptive ratio follows the first frame; duration -1 lets the model choose 4–15 s", async () => {
    const frame = await pngDataUrl(400, 720);
    const created = await client().createTask(body(img(frame, "first_frame")) as ArkCreateBody);
    const done = await until(
      () => client().getTask(created.data.id),
      (r) => finished(r.data.status),
    );
    expect(done.data.ratio).toBe("9:16");
    const auto = await client().createTask(t2v("x", { duration: -1 }));
    const d = (await client().getTask(auto.data.id)).data.duration!;
    expect(d).toBeGreaterThanOrEqual(4);
    expect(d).toBeLessThanOrEqual(15);
  });

  it("answers documented bad requests with HTTP status + {error:{code,message}}", async () => {
    const four = body({ type: "text", text: "x" }, ...[1, 2, 3, 4].map((i) => vid(`https://example.com/v${i}.mp4`)));
    const cases: [unknown, number, string, RegExp?][] = [
      [four, 400, "InvalidParameter", /at most 3 reference videos/],
      [body(aud("https://example.com/a.mp3")), 400, "InvalidParameter", /audio cannot be the only reference/],
      [
        body({ type: "text", text: "x" }, img("https://example.com/l.jpg", "last_frame")),
        400,
        "InvalidParameter",
        /needs a first_frame/,
      ],
      [
        body(img("https://example.com/a.jpg", "first_frame"), img("https://example.com/b.jpg", "first_frame")),
        400,
        "InvalidParameter",
        /last_frame/,
      ],
      [
        body(img("https://example.com/a.jpg", "first_frame"), vid("https://example.com/v.mp4")),
        400,
        "InvalidParameter",
        /mutually exclusive/,
      ],
      [
        body(...Array.from({ length: 10 }, (_, i) => img(`https://example.com/${i}.jpg`, "reference_image"))),
        400,
        "InvalidParameter",
        /at most 9/,
      ],
      [{ ...t2v("x"), duration: 20 }, 400, "InvalidParameter", /duration/],
      [{ ...t2v("x"), duration: 3 }, 400, "InvalidParameter", /\[4, 15\]/],
      [{ ...t2v("x"), seed: 2 ** 32 }, 400, "InvalidParameter", /seed/],
      [{ ...t2v("x"), execution_expires_after: 60 }, 400, "InvalidParameter", /execution_expires_after/],
      [{ ...t2v("x"), service_tier: "flex" }, 400, "InvalidParameter", /flex/],
      [{ ...t2v("x"), camera_fixed: true }, 400, "InvalidParameter", /camera_fixed/],
      [{ ...t2v("x"), model: "T9999999" }, 404, "InvalidEndpointOrModel.NotFound", /T9999999 does not exist/],
      [{ model: "T0101007" }, 400, "MissingParameter"],
      [body({ type: "text", text: " " }), 400, "MissingParameter"],
      [
        body({ type: "video_url", video_url: { url: "data:video/mp4;base64,AAAA" }, role: "reference_video" }),
        400,
        "InvalidParameter",
        /base64 is not accepted/,
      ],
      [body(img("", "first_frame")), 400, "InvalidImageURL.EmptyURL", /Empty base64 image url/],
      [body(img("data:image/PNG;base64,AAAA", "first_frame")), 400, "InvalidImageURL.InvalidFormat"],
      [body(img("data:image/png;base64,bm90IGFuIGltYWdl", "first_frame")), 400, "InvalidImageURL.InvalidFormat"],
      [body(img(await pngDataUrl(200, 200), "first_frame")), 400, "InvalidParameter", /\(300, 6000\)/],
    ];
    for (const [b, status, code, message] of cases) {
      const res = await rawCall(t.emu.url, "POST", ARK_TASKS_PATH, b);
      expect({ b, status: res.status, code: res.json?.error?.code }).toEqual({ b, status, code });
      expect(res.json.error.message).toMatch(/Request ID: [0-9a-f-]+/);
      if (message) expect(res.json.error.message).toMatch(message);
    }
    await expect(client().createTask({ ...t2v("x"), duration: 20 })).rejects.toMatchObject({
      name: "TdError",
      family: "ark",
      httpStatus: 400,
      code: "InvalidParameter",
      retryable: false,
    });
  });

  it("every documented example passes the shared wire schema, and the builder's output with catalog defaults does too", () => {
    for (const ex of [DOC_MULTIMODAL, DOC_FIRST_FRAME, DOC_FIRST_LAST, DOC_T2V_SEARCH])
      expect(arkCreateBody.safeParse(ex).success).toBe(true);
    const spec = getModeSpec("T0101007", "multimodal-reference")!;
    const params = parseParams(spec, {}).value!;
    const b = buildArkBody("multimodal-reference", undefined, params, [
      { role: "reference_image", url: "asset://asset-1" },
      { role: "reference_audio", url: "data:audio/mpeg;base64,AAAA" },
    ]);
    expect(b).toMatchObject({
      generate_audio: true,
      ratio: "adaptive",
      resolution: "720p",
      duration: 5,
      seed: -1,
      watermark: false,
    });
    expect(arkCreateBody.safeParse(b).success).toBe(true);
  });

  it("checks the documented headers", async () => {
    const noKey = await rawCall(t.emu.url, "POST", ARK_TASKS_PATH, DOC_T2V_SEARCH, { Authorization: undefined });
    expect(noKey.status).toBe(401);
    expect(noKey.json.error.code).toBe("AuthenticationError");
    const noTs = await rawCall(t.emu.url, "GET", `${ARK_TASKS_PATH}/cgt-x`, undefined, { "X-Timestamp": undefined });
    expect(noTs.status).toBe(400);
  });

  it("cancels a queued task (→ cancelled) and refuses to cancel a running or cancelled one", async () => {
    await setTaskSeconds(30);
    try {
      const queued = await client().createTask(t2v("to cancel"));
      const cancelled = await client().cancelTask(queued.data.id);
      expect(cancelled.data.message).toBe("取消成功");
      expect((await client().getTask(queued.data.id)).data.status).toBe("cancelled");
      await expect(client().cancelTask(queued.data.id)).rejects.toMatchObject({
        httpStatus: 403,
        code: "OperationDenied.UnsupportedPhase",
      });

      const running = await client().createTask(t2v("already running"));
      const task = t.emu.tasks.get(running.data.id)!;
      task.createdAt -= task.queuedMs + 10; // move it past its queued phase
      expect((await client().getTask(running.data.id)).data.status).toBe("running");
      await expect(client().cancelTask(running.data.id)).rejects.toMatchObject({
        httpStatus: 403,
        code: "OperationDenied.UnsupportedPhase",
      });
      await expect(client().cancelTask("cgt-20260101000000-nope0")).rejects.toMatchObject({
        httpStatus: 404,
        code: "NotFound.Task",
      });
    } finally {
      await setTaskSeconds(0.3);
    }
  });

  it("reports injected failure, expiry and download faults; never retries a create, retries a poll", async () => {
    const failed = await client().createTask(t2v("boom [[fault:failed]]"));
    const f = await until(
      () => client().getTask(failed.data.id),
      (r) => finished(r.data.status),
    );
    expect(f.data).toMatchObject({
      status: "failed",
      error: { code: "InternalServiceError", message: expect.any(String) },
    });
    expect(f.data.content).toBeUndefined();

    const expired = await client().createTask(t2v("slow [[fault:expired]]"));
    expect(
      (
        await until(
          () => client().getTask(expired.data.id),
          (r) => finished(r.data.status),
        )
      ).data.status,
    ).toBe("expired");

    const broken = await client().createTask(t2v("x [[fault:download]]"));
    const b = await until(
      () => client().getTask(broken.data.id),
      (r) => finished(r.data.status),
    );
    expect((await fetch(b.data.content!.video_url!)).status).toBe(500);

    const creates = t.emu.tasks.creates;
    const err = await client()
      .createTask(t2v("x [[fault:429]]"))
      .catch((e) => e);
    expect(err).toBeInstanceOf(TdError);
    expect(err).toMatchObject({ httpStatus: 429, retryable: true });
    expect(t.emu.tasks.creates).toBe(creates);
    const ok = await client().createTask(t2v("x [[fault:500@poll]]"));
    expect((await client().getTask(ok.data.id)).requestIds.length).toBe(2);
    await expect(client().getTask("cgt-20260101000000-nope0")).rejects.toMatchObject({
      httpStatus: 404,
      code: "NotFound.Task",
      retryable: false,
    });
  });

  it("POSTs the task to callback_url on each status change", async () => {
    const got: { status: string; content?: { video_url?: string } }[] = [];
    const server = http.createServer((req, res) => {
      let s = "";
      req.on("data", (c) => (s += c));
      req.on("end", () => {
        got.push(JSON.parse(s));
        res.end("ok");
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    // Phases long enough that each callback sees its own status, even when a busy machine runs the emulator's
    // timers late (at 1.2 s the running one was once seen only after the task had succeeded).
    await setTaskSeconds(4);
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
      await client().createTask(t2v("with a callback", { callback_url: url }));
      await until(
        async () => got.map((g) => g.status),
        (s) => s.includes("succeeded"),
      );
      expect(got.map((g) => g.status)).toEqual(["queued", "running", "succeeded"]);
      expect(got[2].content?.video_url).toMatch(/\.mp4\?/);
    } finally {
      await setTaskSeconds(0.3);
      server.close();
    }
  });
});

describe("Ark family: asset library", () => {
  it("creates an asset (Processing → Active, 12 h URL) and uses it as asset:// in a task", async () => {
    // Processing lasts 30 % of a task's time: long enough here that a busy machine still sees it.
    const fast = t.emu.opts.taskSeconds;
    t.emu.opts.taskSeconds = 3;
    const created = await client()
      .createAsset(DOC_ASSET)
      .finally(() => (t.emu.opts.taskSeconds = fast));
    const id = created.data.Id;
    expect(id).toMatch(/^asset-\d{14}-[a-z0-9]{5}$/);
    const raw = await rawCall(t.emu.url, "POST", `${ARK_ASSET_GET_PATH}?id=${id}`);
    expect(raw.json).toMatchObject({
      ResponseMetadata: { Action: "GetAsset", RequestId: expect.any(String) },
      Result: { Id: id, Status: "Processing", AssetType: "Image", GroupId: DOC_ASSET.GroupId, ProjectName: "default" },
    });

    // Not usable while processing.
    const early = await rawCall(t.emu.url, "POST", ARK_TASKS_PATH, body(img(`asset://${id}`, "first_frame")));
    expect([early.status, early.json.error.code]).toEqual([403, "OperationDenied.InvalidState"]);

    const active = await until(
      () => client().getAsset(id, { projectName: "default" }),
      (r) => r.data.Status !== "Processing",
    );
    expect(active.data).toMatchObject({
      Status: "Active",
      Name: "",
      URL: expect.stringMatching(/\/files\/.+\.png\?Expires=\d+/),
    });
    const ttl = Number(new URL(active.data.URL!).searchParams.get("Expires")) - Date.now() / 1000;
    expect(Math.round(ttl / 3600)).toBe(12);
    expect((await fetch(active.data.URL!)).headers.get("content-type")).toBe("image/png");

    const task = await client().createTask(
      body({ type: "text", text: "she smiles" }, img(`asset://${id}`, "first_frame")) as ArkCreateBody,
    );
    expect(
      (
        await until(
          () => client().getTask(task.data.id),
          (r) => finished(r.data.status),
        )
      ).data.status,
    ).toBe("succeeded");
    const asVideo = await rawCall(t.emu.url, "POST", ARK_TASKS_PATH, body(vid(`asset://${id}`)));
    expect([asVideo.status, asVideo.json.error.code]).toEqual([400, "InvalidParameter"]);
  });

  it("refuses unknown and failed assets, and bad asset bodies", async () => {
    const unknown = await rawCall(
      t.emu.url,
      "POST",
      ARK_TASKS_PATH,
      body(img("asset://asset-20260101000000-nope0", "reference_image")),
    );
    expect([unknown.status, unknown.json.error.code]).toEqual([404, "NotFound.Asset"]);

    const bad = await client().createAsset({ ...DOC_ASSET, AssetType: "Audio", Name: "voice [[fault:failed]]" });
    const failed = await until(
      () => client().getAsset(bad.data.Id),
      (r) => r.data.Status !== "Processing",
    );
    expect(failed.data).toMatchObject({ Status: "Failed", Error: { Code: expect.any(String) } });
    expect(failed.data.URL).toBeUndefined();
    const use = await rawCall(
      t.emu.url,
      "POST",
      ARK_TASKS_PATH,
      body(img("https://example.com/a.jpg", "reference_image"), aud(`asset://${bad.data.Id}`)),
    );
    expect([use.status, use.json.error.code]).toEqual([403, "OperationDenied.InvalidState"]);

    const cases: [unknown, string][] = [
      [{ ...DOC_ASSET, GroupId: undefined }, "MissingParameter"],
      [{ ...DOC_ASSET, URL: "data:image/png;base64,AAAA" }, "InvalidParameter.URL"],
      [{ ...DOC_ASSET, AssetType: "Model" }, "InvalidParameter.AssetType"],
      [{ ...DOC_ASSET, Name: "n".repeat(65) }, "InvalidParameter.Name"],
    ];
    for (const [b, code] of cases) {
      const res = await rawCall(t.emu.url, "POST", ARK_ASSET_CREATE_PATH, b);
      expect([res.status, res.json.error.code]).toEqual([400, code]);
    }
    await expect(client().getAsset("asset-20260101000000-nope0")).rejects.toMatchObject({
      httpStatus: 404,
      code: "NotFound.Asset",
      retryable: false,
    });
    const otherProject = await client().createAsset(DOC_ASSET);
    await expect(client().getAsset(otherProject.data.Id, { projectName: "other" })).rejects.toMatchObject({
      code: "NotFound.Asset",
    });
  });
});

describe("Seedance catalog entry", () => {
  const model = getModel("T0101007")!;

  it("lists the five modes, the documented defaults, lifetime and cancel rule", () => {
    expect(model).toMatchObject({ family: "ark", kind: "video", taskLifetimeHours: 168, cancel: "queued-only" });
    expect(model.modes.map((m) => m.mode)).toEqual([
      "text-to-video",
      "first-frame",
      "first-last-frame",
      "reference",
      "multimodal-reference",
    ]);
    const spec = getModeSpec("T0101007", "text-to-video")!;
    expect(parseParams(spec, {}).value).toEqual({
      ratio: "adaptive",
      resolution: "720p",
      duration: 5,
      seed: -1,
      watermark: false,
      generateAudio: true,
      returnLastFrame: false,
      webSearch: false,
    });
    expect(parseParams(spec, { duration: -1 }).ok).toBe(true);
    expect(parseParams(spec, { duration: 20 }).errors[0].message).toBe("params.duration must be at most 15");
    expect(parseParams(spec, { duration: 3 }).errors[0].message).toMatch(/4–15 seconds, or -1/);
    expect(parseParams(spec, { resolution: "1080p" }).ok).toBe(false);
    const mm = getModeSpec("T0101007", "multimodal-reference")!;
    expect(mm.inputs.map((i) => [i.role, i.min, i.max, i.transport])).toEqual([
      ["reference_image", 0, 9, { inline: true, assetUri: true }],
      ["reference_video", 0, 3, { inline: false, assetUri: true }],
      ["reference_audio", 0, 3, { inline: true, assetUri: true }],
    ]);
    expect(getModeSpec("T0101007", "reference")!.inputs.map((i) => [i.role, i.min, i.max])).toEqual([
      ["reference_image", 1, 9],
    ]);
  });

  it("the multimodal check names the cross-input limits", () => {
    const check = getModeSpec("T0101007", "multimodal-reference")!.check!;
    expect(check([{ role: "reference_audio", durationSeconds: 5 }])).toBe(
      "reference audio cannot be used alone: add at least one reference image or video",
    );
    expect(check([])).toMatch(/at least one reference image or video/);
    expect(
      check([
        { role: "reference_video", durationSeconds: 8 },
        { role: "reference_video", durationSeconds: 8 },
      ]),
    ).toBe("reference videos last 16.0 s together; the limit is 15 s in total");
    expect(
      check([
        { role: "reference_image" },
        { role: "reference_audio", durationSeconds: 10 },
        { role: "reference_audio", durationSeconds: 6 },
      ]),
    ).toMatch(/reference audios last 16.0 s together; the limit is 15 s/);
    expect(
      check([
        { role: "reference_image" },
        { role: "reference_video", durationSeconds: 7 },
        { role: "reference_audio", durationSeconds: 15 },
      ]),
    ).toBeUndefined();
  });
});
