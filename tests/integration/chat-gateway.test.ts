import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GatewayError, gatewayErrorFromTd, parseGatewayRequest } from "@/lib/chat/gateway";
import { TdError } from "@/lib/td/errors";
import { TEST_KEY, until, withEmulator } from "./helpers";
import { freshStudioEnv, TEST_SCOPE } from "../../scripts/harness/studio-env";

const USER = [{ role: "user", content: "你好" }];
const refused = (fn: () => unknown): GatewayError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof GatewayError) return e;
    throw e;
  }
  throw new Error("expected a GatewayError");
};

describe("chat gateway: request checks (OpenAI shape in, the documented wire body out)", () => {
  it("model is a TD code; GPT-5.4's configured code is accepted and is what goes upstream", () => {
    expect(parseGatewayRequest({ model: "T0106004", messages: USER }).body.model).toBe("T0106004");
    const g = parseGatewayRequest({ model: "T0310001", messages: USER }, "T0320001");
    expect(g).toMatchObject({ flavor: "gpt-5.4", stream: false, body: { model: "T0320001" } });
    expect(parseGatewayRequest({ model: "T0320001", messages: USER }, "T0320001").body.model).toBe("T0320001");
  });

  it("missing or unknown model, missing messages, bad JSON shapes: OpenAI-style errors naming the field", () => {
    expect(refused(() => parseGatewayRequest({ messages: USER })).toJSON()).toEqual({
      error: {
        message: expect.stringContaining("`model` is required"),
        type: "invalid_request_error",
        code: "missing_parameter",
        param: "model",
      },
    });
    const nf = refused(() => parseGatewayRequest({ model: "gpt-4o", messages: USER }));
    expect([nf.status, nf.code, nf.param]).toEqual([404, "model_not_found", "model"]);
    expect(refused(() => parseGatewayRequest({ model: "T0106004" })).param).toBe("messages");
    expect(refused(() => parseGatewayRequest([1, 2])).status).toBe(400);
    expect(refused(() => parseGatewayRequest({ model: "T0106004", messages: USER, n: 3 })).param).toBe("n");
  });

  it("each model's documented limits are enforced before anything is sent", () => {
    const both = refused(() =>
      parseGatewayRequest({ model: "T0106004", messages: USER, max_tokens: 10, max_completion_tokens: 20 }),
    );
    expect([both.status, both.param]).toEqual([400, "max_completion_tokens"]);
    expect(both.message).toContain("cannot both be set");
    expect(refused(() => parseGatewayRequest({ model: "T0106004", messages: USER, temperature: 2.5 })).message).toBe(
      "temperature must be at most 2",
    );
    expect(refused(() => parseGatewayRequest({ model: "T0106004", messages: USER, max_tokens: 40_000 })).message).toBe(
      "max_tokens must be at most 32768",
    );
    expect(
      refused(() => parseGatewayRequest({ model: "T0310001", messages: USER, reasoning_effort: "maximal" })).param,
    ).toBe("reasoning_effort");
    const fps = refused(() =>
      parseGatewayRequest({
        model: "T0106004",
        messages: [
          { role: "user", content: [{ type: "video_url", video_url: { url: "https://x.test/v.mp4", fps: 6 } }] },
        ],
      }),
    );
    expect(fps.param).toBe("messages.0.content.0.video_url.fps");
    // The doc's own error code for a broken image wins over the generic one.
    const img = refused(() =>
      parseGatewayRequest({
        model: "T0106004",
        messages: [{ role: "user", content: [{ type: "image_url", image_url: { url: "data:image/png;base64,***" } }] }],
      }),
    );
    expect(img.code).toBe("InvalidImageURL.InvalidFormat");
    expect(
      refused(() => parseGatewayRequest({ model: "T0106004", messages: USER, stream_options: { include_usage: true } }))
        .param,
    ).toBe("stream_options");
  });

  it("documented options pass through; undocumented ones are dropped and named; max_completion_tokens maps to GPT-5.4's max_tokens", () => {
    const ds = parseGatewayRequest({
      model: "T0106004",
      messages: USER,
      stream: true,
      stream_options: { include_usage: true },
      thinking: { type: "auto" },
      reasoning_effort: "high",
      top_p: 0.9,
      frequency_penalty: 1,
      response_format: { type: "json_object" },
      stop: ["x"],
      seed: 1,
      user: "u1",
      logprobs: null,
    });
    expect(ds.body).toEqual({
      model: "T0106004",
      messages: USER,
      stream: true,
      stream_options: { include_usage: true },
      thinking: { type: "auto" },
      reasoning_effort: "high",
      top_p: 0.9,
      frequency_penalty: 1,
      response_format: { type: "json_object" },
    });
    expect(ds.ignored).toEqual(["stop", "seed", "user"]);
    const gpt = parseGatewayRequest({
      model: "T0310001",
      messages: USER,
      max_completion_tokens: 500,
      thinking_enabled: true,
      reasoning_effort: "xhigh",
      top_p: 0.5,
      output_compliance_check: true,
    });
    expect(gpt.body).toEqual({
      model: "T0310001",
      messages: USER,
      max_tokens: 500,
      thinking_enabled: true,
      reasoning_effort: "xhigh",
      output_compliance_check: true,
    });
    expect(gpt.ignored).toEqual(["top_p"]);
    expect(
      refused(() => parseGatewayRequest({ model: "T0310001", messages: USER, max_tokens: 1, max_completion_tokens: 2 }))
        .param,
    ).toBe("max_completion_tokens");
  });

  it("TD failures map to OpenAI statuses and types; the studio's own key problem is not the caller's 401", () => {
    const td = (httpStatus: number | undefined, code: string, kind: TdError["kind"] = "http") =>
      gatewayErrorFromTd(
        new TdError({ family: "chat", kind, httpStatus, code, message: "upstream words", requestId: "r1" }),
      );
    expect(td(400, "InputTextRiskDetection")).toMatchObject({
      status: 400,
      type: "invalid_request_error",
      code: "InputTextRiskDetection",
    });
    expect(td(400, "InputTextRiskDetection").message).toContain("upstream words");
    expect(td(401, "AuthenticationError")).toMatchObject({
      status: 502,
      type: "api_error",
      code: "upstream_authentication_failed",
    });
    expect(td(403, "OperationDenied.ServiceNotOpen")).toMatchObject({ status: 403, type: "permission_error" });
    expect(td(404, "InvalidEndpointOrModel.NotFound")).toMatchObject({ status: 404, type: "not_found_error" });
    expect(td(429, "RateLimitExceeded.EndpointRPMExceeded")).toMatchObject({
      status: 429,
      type: "rate_limit_error",
      code: "RateLimitExceeded.EndpointRPMExceeded",
    });
    expect(td(500, "InternalServiceError")).toMatchObject({ status: 500, type: "api_error" });
    expect(td(503, "ServiceUnavailable").status).toBe(503);
    expect(td(undefined, "Timeout", "timeout")).toMatchObject({ status: 504, code: "upstream_timeout" });
    expect(td(undefined, "ECONNREFUSED", "network")).toMatchObject({ status: 502, code: "upstream_unreachable" });
  });
});

describe("chat gateway: the route against the emulator", () => {
  const t = withEmulator({ chatFirstTokenMs: 5, chatChunkMs: 2 });
  let POST: (req: NextRequest) => Promise<Response>;
  let token: string;
  beforeAll(async () => {
    freshStudioEnv(t.emu.url, TEST_KEY);
    ({ POST } = await import("@/app/api/v1/chat/completions/route"));
    // The gateway takes an API token, as an OpenAI client sends it; the seeded test user is a team admin.
    ({ token } = await (await import("@/lib/auth/tokens")).createToken(TEST_SCOPE, "gateway test"));
  });
  const call = (body: unknown, signal?: AbortSignal) =>
    POST(
      new NextRequest("http://studio.test/api/v1/chat/completions", {
        method: "POST",
        body: typeof body === "string" ? body : JSON.stringify(body),
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
        signal,
      }),
    );

  it("stream: TD's SSE bytes pass through untouched, with headers that stop buffering and compression", async () => {
    const res = await call({
      model: "T0106004",
      messages: [{ role: "user", content: "hello" }],
      stream: true,
      stream_options: { include_usage: true },
      seed: 7,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(res.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(res.headers.get("x-accel-buffering")).toBe("no");
    expect(res.headers.get("x-studio-ignored-params")).toBe("seed");
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const text = await res.text();
    const events = text.split("\n\n").filter(Boolean);
    expect(events[events.length - 1]).toBe("data: [DONE]");
    const chunks = events.slice(0, -1).map((e) => JSON.parse(e.slice(6)));
    expect(chunks.every((c) => c.object === "chat.completion.chunk" && c.model === "T0106004")).toBe(true);
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: expect.any(Number) } });
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? "").join("")).toContain("hello");
  });

  it("non-stream: one completion, as the doc shapes it", async () => {
    const res = await call({
      model: "T0310001",
      messages: [{ role: "user", content: "你好" }],
      temperature: 0.7,
      max_tokens: 1000,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      object: "chat.completion",
      model: "gpt-5.4-2026-03-05",
      choices: [{ message: { role: "assistant", content: expect.stringContaining("你好") }, finish_reason: "stop" }],
    });
  });

  it("TD's 429 and 400-sensitive come back in OpenAI's error shape; bad JSON too", async () => {
    const r429 = await call({
      model: "T0106004",
      messages: [{ role: "user", content: "x [[fault:429]]" }],
      stream: true,
    });
    expect(r429.status).toBe(429);
    expect(await r429.json()).toMatchObject({
      error: { type: "rate_limit_error", code: "RateLimitExceeded.EndpointRPMExceeded", param: null },
    });
    const sens = await call({ model: "T0106004", messages: [{ role: "user", content: "x [[fault:sensitive]]" }] });
    expect(sens.status).toBe(400);
    expect((await sens.json()).error.code).toBe("InputTextRiskDetection");
    const bad = await call("{not json");
    expect([bad.status, (await bad.json()).error.code]).toEqual([400, "invalid_json"]);
  });

  it("a stream that breaks off ends with one OpenAI-style error event", async () => {
    const res = await call({
      model: "T0106004",
      messages: [{ role: "user", content: "x [[fault:drop]]" }],
      stream: true,
    });
    const text = await res.text();
    const last = text.trim().split("\n\n").pop()!;
    expect(JSON.parse(last.slice(6))).toEqual({
      error: {
        message: expect.stringContaining("broke off"),
        type: "api_error",
        code: "stream_interrupted",
        param: null,
      },
    });
    expect(text).not.toContain("[DONE]");
  });

  it("when the client goes away, the upstream request is closed too", async () => {
    const ctl = new AbortController();
    const res = await call(
      { model: "T0106004", messages: [{ role: "user", content: "long [[slow:100]]" }], stream: true },
      ctl.signal,
    );
    const reader = res.body!.getReader();
    await reader.read();
    ctl.abort();
    await reader.cancel();
    const entry = await until(
      async () => t.emu.log.filter((l) => l.op === "chat").at(-1),
      (l) => l?.status === 499,
      5000,
    );
    expect(entry?.status).toBe(499);
  });
});
