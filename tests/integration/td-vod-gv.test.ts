import { describe, expect, it } from "vitest";
import { parseVodJob, VOD_JOB_PATH, VodClient, vodJobResponse } from "@/lib/td/vod";
import { buildGvBody, gvBody, type GvBody } from "@/lib/td/vod-video";
import { rawCall, until, withEmulator } from "./helpers";
import { DOC_GV_CREATE, DOC_GV_QUERY_ANSWER } from "../helpers/td-vod-examples";

// GV 3.1 (T0301004) on the VOD job family.

const t = withEmulator();
const client = () => new VodClient(t.http);
const PATH = `${VOD_JOB_PATH}?requestId=550e8400-e29b-41d4-a716-446655440000`;
const create = (body: unknown) => rawCall(t.emu.url, "POST", PATH, body, { "X-TC-Action": "T0301004" });
const finished = (taskId: string) =>
  until(
    () => client().getJob(taskId),
    (r) => r.data.Status === "FINISH",
  );
const IMG = "https://example.com/frame.png";
const T2V = { Prompt: "生成小猫跳跃的视频", OutputConfig: { AspectRatio: "16:9" } } satisfies GvBody;

describe("VOD job family · GV 3.1 (T0301004)", () => {
  it("accepts the doc's create example and answers a query in the doc's shape with an expiring MP4", async () => {
    const res = await create(DOC_GV_CREATE);
    expect(res.json.Response.TaskId).toMatch(/^\d+-AigcVideoTask-[0-9a-f]{32}t$/);
    const id = res.json.Response.TaskId;
    await finished(id);
    const q = await rawCall(t.emu.url, "POST", PATH, { TaskId: id });
    expect(vodJobResponse.safeParse(q.json).success).toBe(true);
    const r = q.json.Response;
    expect(r).toMatchObject({
      TaskType: "AigcVideoTask",
      Status: "FINISH",
      AigcImageTask: null,
      SceneAigcVideoTask: null,
    });
    const task = r.AigcVideoTask;
    expect(task).toMatchObject({ Status: "FINISH", ErrCode: 0, Progress: 100 });
    expect(task.Input).toMatchObject({
      ModelName: "GV",
      ModelVersion: "3.1",
      FileInfos: [{ Type: "Url", Url: DOC_GV_CREATE.FileInfos[0].Url, Usage: "FirstFrame" }],
      Prompt: "旋转视频",
      EnhancePrompt: "Enabled",
      InputRegion: "Mainland",
      Seed: 0,
      LastFrameUrl: "",
      OutputConfig: {
        AspectRatio: "16:9",
        AudioGeneration: "Enabled",
        PersonGeneration: "AllowAdult",
        ExpireTime: "0000-00-00T00:00:00Z",
        LogoAdd: "",
      },
    });
    const file = task.Output.FileInfos[0];
    const expires = Number(new URL(file.FileUrl).searchParams.get("Expires"));
    expect(file.ExpireTime).toBe(new Date(expires * 1000).toISOString().replace(/\.\d{3}Z$/, "Z"));
    expect(file.MetaData).toMatchObject({
      Container: "mov,mp4,m4a,3gp,3g2,mj2",
      Width: 320,
      Height: 180,
      Duration: 3,
      AudioStreamSet: [{ Codec: "aac" }],
      VideoStreamSet: [{ Codec: "h264" }],
    });
    const mp4 = await fetch(file.FileUrl);
    expect(mp4.headers.get("content-type")).toBe("video/mp4");
    expect(
      Buffer.from(await mp4.arrayBuffer())
        .subarray(4, 8)
        .toString(),
    ).toBe("ftyp");
  });

  it("parses the doc's own query answer into studio outputs", () => {
    const view = parseVodJob(vodJobResponse.parse(DOC_GV_QUERY_ANSWER).Response);
    expect(view).toMatchObject({ status: "succeeded", kind: "video", progress: 100 });
    expect(view.outputs).toEqual([
      {
        url: "http://251000800.vod2.myqcloud.com/1a168d62vodcq251000800/2135ec885145403724387426477/aigcVideoGenFile.mp4",
        expiresAt: new Date("2026-05-01T09:12:40Z"),
        width: 1280,
        height: 720,
        durationSeconds: 8,
        size: 3148161,
        mime: "video/mp4",
      },
    ]);
  });

  it("honours AspectRatio, and AudioGeneration Disabled leaves no audio stream", async () => {
    const created = await client().createJob("T0301004", {
      ...T2V,
      OutputConfig: { AspectRatio: "9:16", AudioGeneration: "Disabled" },
    });
    const done = await finished(created.data.TaskId);
    const file = done.data.AigcVideoTask!.Output!.FileInfos![0];
    expect(file.MetaData).toMatchObject({ Width: 180, Height: 320, AudioDuration: 0 });
    expect(parseVodJob(done.data).outputs[0]).toMatchObject({
      width: 180,
      height: 320,
      durationSeconds: 3,
      mime: "video/mp4",
    });
  });

  it("Permanent storage: ExpireTime is Tencent's 'never', and the parser gives no expiry", async () => {
    const created = await client().createJob("T0301004", { ...T2V, OutputConfig: { StorageMode: "Permanent" } });
    const done = await finished(created.data.TaskId);
    expect(done.data.AigcVideoTask!.Output!.FileInfos![0]).toMatchObject({
      StorageMode: "Permanent",
      ExpireTime: "9999-12-31T23:59:59Z",
    });
    expect(parseVodJob(done.data).outputs[0].expiresAt).toBeUndefined();
  });

  it("reports a failed job as FINISH with ErrCode ≠ 0", async () => {
    const created = await client().createJob("T0301004", { ...T2V, Prompt: "boom [[fault:failed]]" });
    const view = parseVodJob((await finished(created.data.TaskId)).data);
    expect(view).toMatchObject({ status: "failed", kind: "video", error: { code: "InternalError" } });
  });

  it("checks a reachable LastFrameUrl against its own limits (jpeg/jpg/png/webp)", async () => {
    const body = {
      ...T2V,
      FileInfos: [{ Type: "Url" as const, Url: IMG, Usage: "FirstFrame" as const }],
      LastFrameUrl: `${t.emu.url}/__emulator/health`,
    };
    const view = parseVodJob((await finished((await client().createJob("T0301004", body)).data.TaskId)).data);
    expect(view).toMatchObject({
      status: "failed",
      error: {
        code: "InvalidInput",
        message: expect.stringContaining("LastFrameUrl: format unknown is not supported (jpeg, jpg, png, webp)"),
      },
    });
  });

  it.each([
    ["text to video", T2V],
    ["a first frame without a prompt", { FileInfos: [{ Type: "Url", Url: IMG, Usage: "FirstFrame" }] }],
    [
      "first + last frame via LastFrameUrl",
      { FileInfos: [{ Type: "Url", Url: IMG, Usage: "FirstFrame" }], LastFrameUrl: "https://example.com/last.webp" },
    ],
    [
      "first + last frame via FileInfos",
      {
        FileInfos: [
          { Type: "Url", Url: IMG, Usage: "FirstFrame" },
          { Type: "Url", Url: IMG, Usage: "LastFrame" },
        ],
      },
    ],
    ["three references", { Prompt: "x", FileInfos: Array(3).fill({ Type: "Url", Url: IMG, Usage: "Reference" }) }],
    ["no prompt when ExtInfo is given", { ExtInfo: "storyboard: a cat jumps" }],
    ["SceneType and SubjectInfos", { ...T2V, SceneType: "motion_control", SubjectInfos: [{ Id: "subject-1" }] }],
  ])("accepts %s", async (_name, body) => {
    const res = await create(body);
    expect(res.json.Response.Error).toBeUndefined();
    expect(res.json.Response.TaskId).toMatch(/AigcVideoTask/);
  });

  it.each([
    ["no Prompt, FileInfos or ExtInfo", { OutputConfig: { AspectRatio: "16:9" } }, "MissingParameter"],
    [
      "four FileInfos",
      { Prompt: "x", FileInfos: Array(4).fill({ Type: "Url", Url: IMG, Usage: "Reference" }) },
      "InvalidParameterValue",
    ],
    [
      "an unknown Usage",
      { Prompt: "x", FileInfos: [{ Type: "Url", Url: IMG, Usage: "Middle" }] },
      "InvalidParameterValue",
    ],
    ["a FileInfos item without Usage", { Prompt: "x", FileInfos: [{ Type: "Url", Url: IMG }] }, "MissingParameter"],
    [
      "a base64 frame",
      { FileInfos: [{ Type: "Url", Url: "data:image/png;base64,iVBORw0KGgo=", Usage: "FirstFrame" }] },
      "InvalidParameterValue",
    ],
    [
      "two first frames",
      {
        FileInfos: [
          { Type: "Url", Url: IMG, Usage: "FirstFrame" },
          { Type: "Url", Url: IMG, Usage: "FirstFrame" },
        ],
      },
      "InvalidParameterValue",
    ],
    [
      "frames mixed with references",
      {
        FileInfos: [
          { Type: "Url", Url: IMG, Usage: "FirstFrame" },
          { Type: "Url", Url: IMG, Usage: "Reference" },
        ],
      },
      "InvalidParameterValue",
    ],
    [
      "a LastFrame without a FirstFrame",
      { Prompt: "x", FileInfos: [{ Type: "Url", Url: IMG, Usage: "LastFrame" }] },
      "InvalidParameterValue",
    ],
    ["LastFrameUrl without a first frame", { Prompt: "x", LastFrameUrl: IMG }, "InvalidParameterValue"],
    [
      "LastFrameUrl with references",
      { Prompt: "x", FileInfos: [{ Type: "Url", Url: IMG, Usage: "Reference" }], LastFrameUrl: IMG },
      "InvalidParameterValue",
    ],
    [
      "LastFrameUrl and LastFrameFileId",
      {
        FileInfos: [{ Type: "Url", Url: IMG, Usage: "FirstFrame" }],
        LastFrameUrl: IMG,
        LastFrameFileId: "5285485487985271487",
      },
      "InvalidParameterValue",
    ],
    [
      "a base64 LastFrameUrl",
      { FileInfos: [{ Type: "Url", Url: IMG, Usage: "FirstFrame" }], LastFrameUrl: "data:image/webp;base64,UklGRg==" },
      "InvalidParameterValue",
    ],
    ["AspectRatio wide", { ...T2V, OutputConfig: { AspectRatio: "wide" } }, "InvalidParameterValue"],
    ["AudioGeneration Yes", { ...T2V, OutputConfig: { AudioGeneration: "Yes" } }, "InvalidParameterValue"],
    ["StorageMode Forever", { ...T2V, OutputConfig: { StorageMode: "Forever" } }, "InvalidParameterValue"],
    ["TasksPriority 20", { ...T2V, TasksPriority: 20 }, "InvalidParameterValue"],
    ["a SessionContext of 1001 characters", { ...T2V, SessionContext: "c".repeat(1001) }, "InvalidParameterValue"],
  ])("rejects %s", async (_name, body, code) => {
    const res = await create(body);
    expect(res.json.Response.Error?.Code).toBe(code);
  });

  it("builds the doc's create body from studio params (PascalCase)", () => {
    const body = buildGvBody(
      "first-frame",
      "旋转视频",
      {
        enhancePrompt: true,
        aspectRatio: "16:9",
        audioGeneration: true,
        personGeneration: "AllowAdult",
        inputComplianceCheck: true,
        outputComplianceCheck: true,
        seed: 0,
        priority: 0,
      },
      [{ role: "first_frame", url: DOC_GV_CREATE.FileInfos[0].Url }],
      { inputRegion: "Mainland" },
    );
    expect(body).toStrictEqual(DOC_GV_CREATE);
    expect(gvBody.safeParse(body).success).toBe(true);
  });

  it("builds first-last-frame with LastFrameUrl, reference with Usage Reference, and refuses stray roles", () => {
    const fl = buildGvBody("first-last-frame", undefined, { aspectRatio: "9:16" }, [
      { role: "last_frame", url: "https://example.com/b.webp" },
      { role: "first_frame", url: IMG },
    ]);
    expect(fl).toStrictEqual({
      FileInfos: [{ Type: "Url", Url: IMG, Usage: "FirstFrame" }],
      LastFrameUrl: "https://example.com/b.webp",
      OutputConfig: { StorageMode: "Temporary", AspectRatio: "9:16" },
    });
    expect(gvBody.safeParse(fl).success).toBe(true);
    const ref = buildGvBody(
      "reference",
      "mix them",
      {},
      [
        { role: "reference_image", url: IMG },
        { role: "reference_image", url: IMG },
      ],
      { sessionId: "g-1" },
    );
    expect(ref.FileInfos).toEqual([
      { Type: "Url", Url: IMG, Usage: "Reference" },
      { Type: "Url", Url: IMG, Usage: "Reference" },
    ]);
    expect(ref.SessionId).toBe("g-1");
    expect(() => buildGvBody("text-to-video", "x", {}, [{ role: "first_frame", url: IMG }])).toThrow(/does not belong/);
  });
});
