import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { TdError } from "@/lib/td/errors";
import { TdHttp } from "@/lib/td/http";
import { isDuplicateSession, parseVodJob, VOD_JOB_PATH, VodClient, vodJobResponse } from "@/lib/td/vod";
import { buildGptImageBody, type GptImageBody } from "@/lib/td/vod-image";
import { rawCall, TEST_KEY, until, withEmulator } from "./helpers";
import { DOC_GPT_CREATE, DOC_GPT_QUERY_ANSWER } from "../helpers/td-vod-examples";

// The VOD job family as a whole (dispatch, headers, lifecycle, dedupe, retries) and GPT Image-2 (T0302007).

const t = withEmulator();
const client = () => new VodClient(t.http);
const PATH = `${VOD_JOB_PATH}?requestId=550e8400-e29b-41d4-a716-446655440000`;
const create = (body: unknown, action: string | null = "T0302007") =>
  rawCall(t.emu.url, "POST", PATH, body, { "X-TC-Action": action ?? undefined });
const query = (TaskId: string) => rawCall(t.emu.url, "POST", PATH, { TaskId });
const isoZ = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
const T2I = {
  Prompt: "a red fox in the snow",
  ModelVersion: "image2_low",
  OutputConfig: { Resolution: "1K", AspectRatio: "1:1" },
} satisfies GptImageBody;
const finished = (taskId: string) =>
  until(
    () => client().getJob(taskId),
    (r) => r.data.Status === "FINISH",
  );
const createsSince = (n: number) => t.emu.log.slice(n).filter((l) => l.op === "create");

describe("VOD job family · GPT Image-2 (T0302007)", () => {
  it("accepts the doc's create example and answers {Response:{TaskId, RequestId}}", async () => {
    const res = await create(DOC_GPT_CREATE);
    expect(res.status).toBe(200);
    expect(Object.keys(res.json.Response).sort()).toEqual(["RequestId", "TaskId"]);
    expect(res.json.Response.TaskId).toMatch(/^\d+-AigcImageTask-[0-9a-f]{32}t$/);
    expect(res.json.Response.RequestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers a query in the doc's shape, with an expiring PNG of the requested ratio at 2K", async () => {
    const { json } = await create(DOC_GPT_CREATE);
    const id = json.Response.TaskId;
    await finished(id);
    const res = await query(id);
    const r = res.json.Response;
    expect(vodJobResponse.safeParse(res.json).success).toBe(true);
    expect(r).toMatchObject({
      TaskType: "AigcImageTask",
      Status: "FINISH",
      AigcVideoTask: null,
      ProcedureTask: null,
      RequestId: expect.any(String),
    });
    for (const k of ["CreateTime", "BeginProcessTime", "FinishTime"]) expect(r[k]).toMatch(isoZ);
    const task = r.AigcImageTask;
    expect(task).toMatchObject({
      TaskId: id,
      Status: "FINISH",
      ErrCode: 0,
      ErrCodeExt: "",
      Message: "",
      Progress: 100,
      SessionId: "",
      SessionContext: "",
    });
    expect(task.Input).toMatchObject({
      ModelName: "OG",
      ModelVersion: "image2_medium",
      FileInfos: [{ Type: "Url", FileId: "", Url: DOC_GPT_CREATE.FileInfos[0].Url }],
      Prompt: "generate a car",
      NegativePrompt: "red",
      EnhancePrompt: "Enabled",
      OutputConfig: {
        StorageMode: "Temporary",
        ExpireTime: "0000-00-00T00:00:00Z",
        Resolution: "",
        AspectRatio: "16:9",
        InputComplianceCheck: "Enabled",
      },
    });
    const file = task.Output.FileInfos[0];
    expect(file.FileUrl).toMatch(/\/files\/.+\.png\?Expires=\d+&Signature=/);
    // ExpireTime is the link's own expiry.
    const expires = Number(new URL(file.FileUrl).searchParams.get("Expires"));
    expect(file.ExpireTime).toBe(new Date(expires * 1000).toISOString().replace(/\.\d{3}Z$/, "Z"));
    expect(file.MetaData).toMatchObject({ Container: "png_pipe", Width: 2048, Height: 1152, Size: expect.any(Number) });
    const png = await fetch(file.FileUrl);
    expect(png.headers.get("content-type")).toBe("image/png");
    const meta = await sharp(Buffer.from(await png.arrayBuffer())).metadata();
    expect([meta.width, meta.height]).toEqual([2048, 1152]);
  });

  it("parses the doc's own query answer into studio outputs", () => {
    const view = parseVodJob(vodJobResponse.parse(DOC_GPT_QUERY_ANSWER).Response);
    expect(view).toEqual({
      status: "succeeded",
      kind: "image",
      progress: 100,
      outputs: [
        {
          url: "http://251000800.vod2.myqcloud.com/1a168d62vodcq251000800/feb85fb25145403726325113414/aigcImageGenFile.png",
          expiresAt: new Date("2026-05-18T03:21:34Z"),
          width: 1808,
          height: 1024,
          durationSeconds: undefined,
          size: 3095806,
          mime: "image/png",
        },
      ],
    });
  });

  it("runs PROCESSING → FINISH with Progress climbing over time", async () => {
    await rawCall(t.emu.url, "POST", "/__emulator/config", { taskSeconds: 1.2 });
    try {
      const created = await client().createJob("T0302007", T2I);
      const seen: { status: string; progress: number }[] = [];
      for (;;) {
        const r = await client().getJob(created.data.TaskId);
        seen.push({ status: r.data.Status, progress: r.data.AigcImageTask!.Progress! });
        if (r.data.Status === "FINISH") {
          expect(parseVodJob(r.data).status).toBe("succeeded");
          break;
        }
        await new Promise((res) => setTimeout(res, 60));
      }
      expect(seen[0].status).toBe("PROCESSING");
      expect(seen.some((s) => s.status === "PROCESSING" && s.progress > 0 && s.progress < 100)).toBe(true);
      for (let i = 1; i < seen.length; i++) expect(seen[i].progress).toBeGreaterThanOrEqual(seen[i - 1].progress);
      expect(seen.at(-1)!.progress).toBe(100);
      const running = parseVodJob({
        ...(await client().getJob(created.data.TaskId)).data,
        Status: "PROCESSING",
        AigcImageTask: { Status: "PROCESSING", Progress: 40 },
      });
      expect(running).toMatchObject({ status: "running", progress: 40, outputs: [] });
    } finally {
      await rawCall(t.emu.url, "POST", "/__emulator/config", { taskSeconds: 0.3 });
    }
  });

  it("honours AspectRatio and Resolution (1K, 9:16 → 576×1024)", async () => {
    const created = await client().createJob("T0302007", {
      ...T2I,
      OutputConfig: { Resolution: "1K", AspectRatio: "9:16" },
    });
    const view = parseVodJob((await finished(created.data.TaskId)).data);
    expect(view.outputs[0]).toMatchObject({ width: 576, height: 1024, mime: "image/png" });
    const meta = await sharp(Buffer.from(await (await fetch(view.outputs[0].url)).arrayBuffer())).metadata();
    expect([meta.width, meta.height]).toEqual([576, 1024]);
    expect(view.outputs[0].expiresAt!.getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);
  });

  it("reports a failed job as FINISH with ErrCode ≠ 0", async () => {
    const created = await client().createJob("T0302007", { ...T2I, Prompt: "boom [[fault:failed]]" });
    const done = await finished(created.data.TaskId);
    expect(done.data.AigcImageTask).toMatchObject({
      Status: "FINISH",
      ErrCode: 70000,
      ErrCodeExt: "InternalError",
      Message: expect.any(String),
      Output: { FileInfos: [] },
    });
    expect(parseVodJob(done.data)).toMatchObject({
      status: "failed",
      outputs: [],
      error: { code: "InternalError", message: expect.stringContaining("failed") },
    });
  });

  it("fails the job when a reachable reference is not a jpeg/png", async () => {
    const body = { ...T2I, FileInfos: [{ Type: "Url" as const, Url: `${t.emu.url}/__emulator/health` }] };
    const done = await finished((await client().createJob("T0302007", body)).data.TaskId);
    expect(parseVodJob(done.data)).toMatchObject({
      status: "failed",
      error: { code: "InvalidInput", message: expect.stringMatching(/format unknown is not supported/) },
    });
  });

  it("sends X-TC-Action on a create only, and a requestId on every call", async () => {
    const sent: { url: string; headers: Record<string, string> }[] = [];
    const spy: typeof fetch = (url, init) => {
      sent.push({ url: String(url), headers: init?.headers as Record<string, string> });
      return fetch(url, init);
    };
    const http = new TdHttp({ baseUrl: t.emu.url, apiKey: TEST_KEY, fetch: spy });
    const c = new VodClient(http);
    const created = await c.createJob("T0302007", T2I);
    await c.getJob(created.data.TaskId);
    expect(sent.map((s) => new URL(s.url).pathname)).toEqual(["/model/orgin/job", "/model/orgin/job"]);
    expect(sent[0].headers).toMatchObject({
      "X-TC-Action": "T0302007",
      Authorization: `Bearer ${TEST_KEY}`,
      "X-Timestamp": expect.stringMatching(/^\d{10}$/),
    });
    expect(sent[1].headers["X-TC-Action"]).toBeUndefined();
    for (const s of sent) expect(new URL(s.url).searchParams.get("requestId")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers header and id mistakes with the documented codes in Response.Error (HTTP 200)", async () => {
    const noAction = await create(DOC_GPT_CREATE, null);
    expect(noAction.status).toBe(200);
    expect(noAction.json.Response).toMatchObject({
      Error: { Code: "MissingParameter", Message: expect.stringContaining("X-TC-Action") },
      RequestId: expect.any(String),
    });
    const unknown = await create(DOC_GPT_CREATE, "T9999999");
    expect(unknown.json.Response.Error.Code).toBe("InvalidAction");
    const noTask = await query("1395528311-AigcImageTask-00000000000000000000000000000000t");
    expect(noTask.json.Response.Error.Code).toBe("InvalidParameterValue.TaskId");
    await expect(client().getJob("no-such-task")).rejects.toMatchObject({
      name: "TdError",
      family: "vod",
      kind: "upstream",
      code: "InvalidParameterValue.TaskId",
      retryable: false,
    });
    const noKey = await rawCall(t.emu.url, "POST", PATH, T2I, { "X-TC-Action": "T0302007", Authorization: undefined });
    expect(noKey.json.Response.Error.Code).toBe("AuthFailure.InvalidSecretId");
  });

  it.each([
    [
      "four references",
      { ...T2I, FileInfos: Array(4).fill({ Type: "Url", Url: "https://example.com/a.png" }) },
      "InvalidParameterValue",
    ],
    [
      "a base64 reference",
      { ...T2I, FileInfos: [{ Type: "Url", Url: "data:image/png;base64,iVBORw0KGgo=" }] },
      "InvalidParameterValue",
    ],
    [
      "a FileInfos Type other than Url",
      { ...T2I, FileInfos: [{ Type: "FileId", Url: "https://example.com/a.png" }] },
      "InvalidParameterValue",
    ],
    ["no Prompt and no FileInfos", { ModelVersion: "image2_low" }, "MissingParameter"],
    ["no ModelVersion", { Prompt: "x" }, "MissingParameter"],
    ["an unknown ModelVersion", { ...T2I, ModelVersion: "image2_ultra" }, "InvalidParameterValue"],
    ["an AspectRatio not in the nine", { ...T2I, OutputConfig: { AspectRatio: "5:4" } }, "InvalidParameterValue"],
    ["Resolution 8K", { ...T2I, OutputConfig: { Resolution: "8K" } }, "InvalidParameterValue"],
    [
      "PersonGeneration AllowKids",
      { ...T2I, OutputConfig: { PersonGeneration: "AllowKids" } },
      "InvalidParameterValue",
    ],
    ["EnhancePrompt On", { ...T2I, EnhancePrompt: "On" }, "InvalidParameterValue"],
    ["TasksPriority 11", { ...T2I, TasksPriority: 11 }, "InvalidParameterValue"],
    ["TasksPriority −11", { ...T2I, TasksPriority: -11 }, "InvalidParameterValue"],
    ["a SessionId of 51 characters", { ...T2I, SessionId: "s".repeat(51) }, "InvalidParameterValue"],
    ["a SessionContext of 1001 characters", { ...T2I, SessionContext: "c".repeat(1001) }, "InvalidParameterValue"],
    ["InputRegion Moon", { ...T2I, InputRegion: "Moon" }, "InvalidParameterValue"],
    ["a Seed that is a string", { ...T2I, Seed: "7" }, "InvalidParameter"],
  ])("rejects %s", async (_name, body, code) => {
    const before = t.emu.tasks.creates;
    const res = await create(body);
    expect(res.status).toBe(200);
    expect(res.json.Response.Error.Code).toBe(code);
    expect(t.emu.tasks.creates).toBe(before);
  });

  it("refuses a SessionId used within 3 days, and isDuplicateSession tells", async () => {
    const sid = `gen-${Date.now()}`;
    await client().createJob("T0302007", T2I, { sessionId: sid });
    const err = await client()
      .createJob("T0302007", T2I, { sessionId: sid })
      .catch((e) => e);
    expect(err).toBeInstanceOf(TdError);
    expect(err).toMatchObject({ code: "InvalidParameterValue.SessionId", retryable: false });
    expect(isDuplicateSession(err)).toBe(true);
    expect(
      isDuplicateSession(
        new TdError({
          family: "vod",
          kind: "upstream",
          code: "InvalidParameterValue",
          message: "SessionId is too long",
          requestId: "x",
        }),
      ),
    ).toBe(false);
    const done = await finished(
      (await client().createJob("T0302007", { ...T2I, SessionContext: "user-42" }, { sessionId: `${sid}-b` })).data
        .TaskId,
    );
    expect(done.data.AigcImageTask).toMatchObject({ SessionId: `${sid}-b`, SessionContext: "user-42" });
  });

  it("retries a create on transient faults only when it carries a SessionId", async () => {
    // Without a SessionId: sent once, even on a 500.
    let n = t.emu.log.length;
    let creates = t.emu.tasks.creates;
    const once = await client()
      .createJob("T0302007", { ...T2I, Prompt: "x [[fault:500]]" })
      .catch((e) => e);
    expect(once).toMatchObject({ name: "TdError", httpStatus: 500, code: "InternalError", retryable: true });
    expect(createsSince(n)).toHaveLength(1);
    expect(t.emu.tasks.creates).toBe(creates);
    // With one: the 500 is retried and the job created once.
    n = t.emu.log.length;
    const ok = await client().createJob(
      "T0302007",
      { ...T2I, Prompt: "x [[fault:500]]" },
      { sessionId: `retry-${Date.now()}` },
    );
    expect(ok.requestIds).toHaveLength(2);
    expect(createsSince(n)).toHaveLength(2);
    // A lost answer: the retry meets the dedupe refusal — the first attempt had landed.
    n = t.emu.log.length;
    creates = t.emu.tasks.creates;
    const lost = await client()
      .createJob("T0302007", { ...T2I, Prompt: "x [[fault:drop]]" }, { sessionId: `drop-${Date.now()}` })
      .catch((e) => e);
    expect(isDuplicateSession(lost)).toBe(true);
    expect(createsSince(n)).toHaveLength(2);
    expect(t.emu.tasks.creates).toBe(creates + 1);
  });

  it("retries a query through a 500", async () => {
    const created = await client().createJob("T0302007", { ...T2I, Prompt: "x [[fault:500@poll]]" });
    const polled = await client().getJob(created.data.TaskId);
    expect(polled.requestIds).toHaveLength(2);
  });

  it("builds the doc's create body from studio params (PascalCase)", () => {
    const body = buildGptImageBody(
      "generate a car",
      {
        quality: "medium",
        aspectRatio: "16:9",
        negativePrompt: "red",
        enhancePrompt: true,
        personGeneration: "AllowAdult",
        inputComplianceCheck: true,
        outputComplianceCheck: true,
        priority: 10,
      },
      [DOC_GPT_CREATE.FileInfos[0].Url],
      { extInfo: "myextinfo" },
    );
    // The doc's example also carries an undocumented FileInfos[0].Text, which the builder does not send.
    const [doc] = DOC_GPT_CREATE.FileInfos;
    expect(body).toStrictEqual({ ...DOC_GPT_CREATE, FileInfos: [{ Type: doc.Type, Url: doc.Url }] });
    expect(
      buildGptImageBody("p", { quality: "high", resolution: "4K", seed: 7 }, [], { sessionId: "s1" }),
    ).toStrictEqual({
      Prompt: "p",
      ModelVersion: "image2_high",
      OutputConfig: { StorageMode: "Temporary", Resolution: "4K" },
      Seed: 7,
      SessionId: "s1",
    });
  });
});
