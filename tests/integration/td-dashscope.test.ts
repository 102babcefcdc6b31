import { describe, expect, it } from "vitest";
import { buildDashScopeBody, DashScopeClient, DASHSCOPE_CREATE_PATH } from "@/lib/td/dashscope";
import { TdError } from "@/lib/td/errors";
import { rawCall, until, withEmulator } from "./helpers";

const t = withEmulator();

const DOC_T2V = {
  model: "T0401001",
  input: {
    prompt: "一座由硬纸板和瓶盖搭建的微型城市，在夜晚焕发出生机。一列硬纸板火车缓缓驶过，小灯点缀其间，照亮前路。",
  },
  parameters: { resolution: "720P", ratio: "16:9", duration: 5 },
};

describe("DashScope family (HappyHorse)", () => {
  it("accepts the documented text-to-video example and runs PENDING → SUCCEEDED with a playable, expiring MP4", async () => {
    const client = new DashScopeClient(t.http);
    const created = await client.create(DOC_T2V as never);
    expect(created.data.output.task_id).toBeTruthy();
    expect(["PENDING", "RUNNING"]).toContain(created.data.output.task_status);
    const done = await until(
      () => client.get(created.data.output.task_id),
      (r) => r.data.output.task_status === "SUCCEEDED",
    );
    expect(done.data.output.video_url).toMatch(/\/files\/.+\.mp4\?Expires=\d+&Signature=/);
    expect(done.data.usage).toMatchObject({ output_video_duration: 5, SR: 720, ratio: "16:9", video_count: 1 });
    const file = await fetch(done.data.output.video_url!);
    expect(file.headers.get("content-type")).toBe("video/mp4");
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(bytes.subarray(4, 8).toString()).toBe("ftyp");
  });

  it("sends the documented headers and a requestId, and the body the builder makes equals the doc example", async () => {
    const body = buildDashScopeBody("T0401001", DOC_T2V.input.prompt, {
      resolution: "720P",
      ratio: "16:9",
      duration: 5,
    });
    expect(body).toEqual(DOC_T2V);
    const since = t.emu.log.length;
    await new DashScopeClient(t.http).create(body);
    const logged = t.emu.log.slice(since).find((l) => l.op === "create")!;
    expect(logged.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers a bad request with InvalidParameter in DashScope's error format", async () => {
    const res = await rawCall(t.emu.url, "POST", DASHSCOPE_CREATE_PATH, {
      model: "T0401001",
      input: { prompt: "x" },
      parameters: { duration: 20 },
    });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: "InvalidParameter", request_id: expect.any(String) });
    await expect(
      new DashScopeClient(t.http).create({ model: "T0401001", input: {}, parameters: {} } as never),
    ).rejects.toMatchObject({
      name: "TdError",
      family: "dashscope",
      httpStatus: 400,
      code: "InvalidParameter",
      retryable: false,
    });
  });

  it("rejects a missing key with InvalidApiKey and a missing X-Timestamp", async () => {
    const noKey = await rawCall(t.emu.url, "POST", DASHSCOPE_CREATE_PATH, DOC_T2V, { Authorization: undefined });
    expect(noKey.status).toBe(401);
    expect(noKey.json.code).toBe("InvalidApiKey");
    const noTs = await rawCall(t.emu.url, "POST", DASHSCOPE_CREATE_PATH, DOC_T2V, { "X-Timestamp": undefined });
    expect(noTs.status).toBe(400);
  });

  it("reports an injected upstream failure as FAILED with code and message", async () => {
    const client = new DashScopeClient(t.http);
    const created = await client.create({ ...DOC_T2V, input: { prompt: "boom [[fault:failed]]" } } as never);
    const done = await until(
      () => client.get(created.data.output.task_id),
      (r) => r.data.output.task_status !== "PENDING" && r.data.output.task_status !== "RUNNING",
    );
    expect(done.data.output).toMatchObject({
      task_status: "FAILED",
      code: expect.any(String),
      message: expect.any(String),
    });
  });

  it("never retries a create, but retries a poll through 429/500", async () => {
    const client = new DashScopeClient(t.http);
    const creates = t.emu.tasks.creates;
    const err = await client.create({ ...DOC_T2V, input: { prompt: "x [[fault:429]]" } } as never).catch((e) => e);
    expect(err).toBeInstanceOf(TdError);
    expect(err).toMatchObject({ httpStatus: 429, retryable: true });
    expect(t.emu.tasks.creates).toBe(creates);
    const ok = await client.create({ ...DOC_T2V, input: { prompt: "x [[fault:500@poll]]" } } as never);
    const polled = await client.get(ok.data.output.task_id);
    expect(polled.requestIds.length).toBe(2);
  });

  it("unknown task ids answer UNKNOWN", async () => {
    const r = await new DashScopeClient(t.http).get("no-such-task");
    expect(r.data.output.task_status).toBe("UNKNOWN");
  });
});
