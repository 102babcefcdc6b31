import { describe, expect, it } from "vitest";
import { buildChatBody, deepseekParams, gpt54Params } from "@/lib/catalog/chat-models";
import { getModeSpec } from "@/lib/catalog";
import { parseParams } from "@/lib/catalog/validate";
import { CHAT_PATH, ChatClient, deepseekChatBody, gpt54ChatBody, type ChatBody, type ChatChunk } from "@/lib/td/chat";
import { TdError } from "@/lib/td/errors";
import { tokenize } from "@/emulator/families/chat-answer";
import { rawCall, until, withEmulator } from "./helpers";

const t = withEmulator();
const client = () => new ChatClient(t.http);
const Q = `${CHAT_PATH}?requestId=550e8400-e29b-41d4-a716-446655440000`;

// The docs' request examples, verbatim.
const GPT_DOC = {
  model: "T0310001",
  messages: [{ role: "user", content: "你好" }],
  temperature: 0.7,
  max_tokens: 1000,
};
const DS_DEFAULT = {
  model: "T0106004",
  messages: [
    { role: "system", content: "You are a helpful assistant." },
    { role: "user", content: "Hello!" },
  ],
};
const DS_STREAM = {
  messages: [
    { content: "You are a helpful assistant.", role: "system" },
    { content: "hello", role: "user" },
  ],
  model: "T0106004",
  stream: true,
};
const DS_CONTINUE = {
  messages: [
    { content: "你是一个计算器，请计算： 1 + 1", role: "user" },
    { content: "=", role: "assistant" },
  ],
  model: "T0106004",
};
const DS_IMAGE = {
  model: "T0106004",
  messages: [
    {
      content: [
        { image_url: { url: "https://ark-project.tos-cn-beijing.volces.com/images/view.jpeg" }, type: "image_url" },
        { text: "图片主要讲了什么?", type: "text" },
      ],
      role: "user",
    },
  ],
};
const DS_VIDEO = {
  model: "T0106004",
  messages: [
    {
      role: "user",
      content: [
        {
          type: "video_url",
          video_url: { url: "https://ark-project.tos-cn-beijing.volces.com/doc_video/ark_vlm_video_input.mp4" },
          fps: "2",
        },
        { type: "text", text: "What is in the video?" },
      ],
    },
  ],
  max_tokens: 300,
};
const DS_REASON = {
  messages: [{ content: "我要有研究推理模型与非推理模型区别的课题，怎么体现我的专业性", role: "user" }],
  model: "T0106004",
};

async function collect(body: unknown, signal?: AbortSignal) {
  const chunks: { c: ChatChunk; at: number }[] = [];
  for await (const c of client().stream(body as ChatBody, signal)) chunks.push({ c, at: performance.now() });
  const text = (k: "content" | "reasoning_content") => chunks.map(({ c }) => c.choices[0]?.delta[k] ?? "").join("");
  return {
    chunks,
    content: text("content"),
    reasoning: text("reasoning_content"),
    finish: chunks.map(({ c }) => c.choices[0]?.finish_reason).find(Boolean),
    usage: chunks.find(({ c }) => c.usage)?.c.usage,
  };
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a TdError");
    },
    (e: unknown) => e as TdError,
  );
const errorOf = async (it: AsyncIterable<unknown>) =>
  failure(
    (async () => {
      for await (const _ of it) void _;
    })(),
  );

describe("chat family: the docs' examples", () => {
  it("GPT-5.4: the doc request is what the builder makes, and the answer has the doc's shape", async () => {
    expect(buildChatBody("T0310001", [{ role: "user", content: "你好" }], { maxTokens: 1000 })).toEqual(GPT_DOC);
    expect(gpt54ChatBody.safeParse(GPT_DOC).success).toBe(true);
    const r = await client().complete(GPT_DOC as ChatBody);
    expect(r.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const res = await rawCall(t.emu.url, "POST", Q, GPT_DOC);
    expect(res.json).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      object: "chat.completion",
      created: expect.any(Number),
      model: "gpt-5.4-2026-03-05",
      choices: [
        { index: 0, message: { role: "assistant", content: expect.stringContaining("你好") }, finish_reason: "stop" },
      ],
      usage: {
        prompt_tokens: expect.any(Number),
        completion_tokens: expect.any(Number),
        total_tokens: expect.any(Number),
        prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
        completion_tokens_details: {
          reasoning_tokens: 0,
          audio_tokens: 0,
          accepted_prediction_tokens: 0,
          rejected_prediction_tokens: 0,
        },
      },
    });
    expect(res.json.choices[0].message.reasoning_content).toBeUndefined();
  });

  it("DeepSeek: every request example is accepted, and answered in the doc's shape", async () => {
    expect(buildChatBody("T0106004", DS_DEFAULT.messages as never, {})).toEqual(DS_DEFAULT);
    for (const ex of [DS_DEFAULT, DS_CONTINUE, DS_IMAGE, DS_VIDEO, DS_REASON]) {
      expect(deepseekChatBody.safeParse(ex).success).toBe(true);
      const res = await rawCall(t.emu.url, "POST", Q, ex);
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({
        choices: [
          {
            finish_reason: "stop",
            index: 0,
            logprobs: null,
            message: { role: "assistant", content: expect.any(String) },
          },
        ],
        created: expect.any(Number),
        id: expect.stringMatching(/^02\d{13}[0-9a-f]+$/),
        model: "T0106004",
        service_tier: "default",
        object: "chat.completion",
        usage: {
          prompt_tokens_details: { cached_tokens: 0 },
          completion_tokens_details: { reasoning_tokens: expect.any(Number) },
        },
      });
    }
    const cont = await client().complete(DS_CONTINUE as ChatBody);
    expect(cont.data.choices[0].message.content).toBe(" 2");
    const seen = await client().complete({ ...DS_IMAGE, thinking: { type: "disabled" } } as ChatBody);
    expect(seen.data.choices[0].message.content).toContain("1 张图片");
    const video = await client().complete(DS_VIDEO as ChatBody);
    expect(video.data.choices[0].message.content).toContain("2 fps");
    // thinking defaults to enabled: reasoning comes back, and its tokens are counted.
    const reason = await client().complete(DS_REASON as ChatBody);
    expect(reason.data.choices[0].message.reasoning_content).toBeTruthy();
    expect(reason.data.usage?.completion_tokens_details?.reasoning_tokens).toBe(
      tokenize(reason.data.choices[0].message.reasoning_content!).length,
    );
  });

  it("DeepSeek stream example: real SSE, reasoning first, a finish chunk, then [DONE]", async () => {
    const res = await fetch(t.emu.url + Q, {
      method: "POST",
      headers: {
        Authorization: "Bearer test-key",
        "X-Timestamp": String(Math.floor(Date.now() / 1000)),
        "Content-Type": "application/json",
        "Accept-Encoding": "gzip, br",
      },
      body: JSON.stringify(DS_STREAM),
    });
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    expect(res.headers.get("content-encoding")).toBeNull();
    const text = await res.text();
    expect(text.trimEnd().endsWith("data: [DONE]")).toBe(true);
    const s = await collect(DS_STREAM);
    const kinds = s.chunks
      .map(({ c }) => (c.choices[0]?.delta.reasoning_content ? "r" : c.choices[0]?.delta.content ? "c" : "-"))
      .join("");
    expect(kinds).toMatch(/^r+c+-$/);
    expect(s.chunks.at(-1)!.c).toMatchObject({
      object: "chat.completion.chunk",
      model: "T0106004",
      service_tier: "default",
      choices: [{ finish_reason: "stop", delta: { content: "", role: "assistant" } }],
    });
    expect(s.content).toContain("hello");
    expect(s.usage).toBeUndefined(); // no include_usage: every chunk carries usage null
  });

  it("the builder encodes DeepSeek media, thinking and limits; the catalog refuses maxTokens with maxCompletionTokens", () => {
    const body = buildChatBody(
      "T0106004",
      [
        {
          role: "user",
          content: "看看",
          images: ["data:image/png;base64,iVBORw0KGgo="],
          videos: ["https://x.test/v.mp4"],
        },
      ],
      {
        thinking: "auto",
        reasoningEffort: "high",
        videoFps: 2,
        imageDetail: "xhigh",
        maxCompletionTokens: 9000,
        jsonMode: true,
      },
      { stream: true },
    );
    expect(body).toEqual({
      model: "T0106004",
      messages: [
        {
          role: "user",
          content: [
            { type: "image_url", image_url: { url: "data:image/png;base64,iVBORw0KGgo=", detail: "xhigh" } },
            { type: "video_url", video_url: { url: "https://x.test/v.mp4", fps: 2 } },
            { type: "text", text: "看看" },
          ],
        },
      ],
      stream: true,
      stream_options: { include_usage: true },
      thinking: { type: "auto" },
      reasoning_effort: "high",
      max_completion_tokens: 9000,
      response_format: { type: "json_object" },
    });
    expect(deepseekChatBody.safeParse(body).success).toBe(true);
    expect(
      buildChatBody(
        "T0310001",
        [{ role: "user", content: "x" }],
        { thinkingEnabled: true, reasoningEffort: "xhigh", outputComplianceCheck: true },
        { modelCode: "T0320001" },
      ),
    ).toMatchObject({
      model: "T0320001",
      thinking_enabled: true,
      reasoning_effort: "xhigh",
      output_compliance_check: true,
    });
    const spec = getModeSpec("T0106004", "chat")!;
    expect(parseParams(spec, { maxTokens: 100, maxCompletionTokens: 100 }).errors[0].message).toMatch(/not both/);
    expect(parseParams(spec, { videoFps: 6 }).ok).toBe(false);
    expect(deepseekParams.parse({})).toMatchObject({
      thinking: "enabled",
      reasoningEffort: "medium",
      temperature: 1,
      topP: 0.7,
      videoFps: 1,
    });
    expect(gpt54Params.parse({})).toMatchObject({ thinkingEnabled: false, temperature: 0.7 });
  });
});

describe("chat family: streaming behaviour", () => {
  it("reasoning_content only with thinking on (GPT-5.4 thinking_enabled, DeepSeek enabled/auto)", async () => {
    const gptOff = await collect({ ...GPT_DOC, stream: true });
    expect(gptOff.reasoning).toBe("");
    const gptOn = await collect({ ...GPT_DOC, stream: true, thinking_enabled: true, reasoning_effort: "high" });
    expect(gptOn.reasoning).not.toBe("");
    const dsOff = await collect({ ...DS_STREAM, thinking: { type: "disabled" } });
    expect(dsOff.reasoning).toBe("");
    const dsAuto = await collect({ ...DS_STREAM, thinking: { type: "auto" } });
    expect(dsAuto.reasoning).not.toBe("");
  });

  it("include_usage adds a usage chunk with empty choices before [DONE], reasoning tokens counted", async () => {
    const s = await collect({ ...DS_STREAM, stream_options: { include_usage: true } });
    const last = s.chunks.at(-1)!.c;
    expect(last.choices).toEqual([]);
    const reasoningChunks = s.chunks.filter(({ c }) => c.choices[0]?.delta.reasoning_content).length;
    const contentChunks = s.chunks.filter(({ c }) => c.choices[0]?.delta.content).length;
    expect(last.usage).toMatchObject({
      completion_tokens: reasoningChunks + contentChunks,
      completion_tokens_details: { reasoning_tokens: reasoningChunks },
    });
    expect(last.usage!.total_tokens).toBe(last.usage!.prompt_tokens + last.usage!.completion_tokens);
    // chunk_include_usage: every chunk carries the usage so far.
    const running = await collect({ ...DS_STREAM, stream_options: { chunk_include_usage: true } });
    expect(running.chunks[2].c.usage).toMatchObject({
      completion_tokens: 3,
      completion_tokens_details: { reasoning_tokens: 3 },
    });
  });

  it("chunks arrive progressively: first and last are about chunks × gap apart", async () => {
    const gap = 40;
    const s = await collect({
      ...DS_STREAM,
      thinking: { type: "disabled" },
      max_tokens: 6,
      messages: [{ role: "user", content: `hello there [[slow:${gap}]]` }],
    });
    expect(s.finish).toBe("length");
    expect(s.chunks.length).toBe(7); // 6 tokens + the finish chunk
    const spread = s.chunks.at(-1)!.at - s.chunks[0].at;
    expect(spread).toBeGreaterThan(6 * gap * 0.8);
    expect(spread).toBeLessThan(6 * gap * 4);
  });

  it("aborting the signal closes the upstream: the emulator sees the client go away", async () => {
    const since = t.emu.log.length;
    const ac = new AbortController();
    const got: ChatChunk[] = [];
    const err = await errorOf(
      (async function* () {
        for await (const c of client().stream(
          { ...DS_STREAM, messages: [{ role: "user", content: "long answer [[slow:50]]" }] } as ChatBody,
          ac.signal,
        )) {
          got.push(c);
          if (got.length === 2) ac.abort();
          yield c;
        }
      })(),
    );
    expect(err).toMatchObject({ name: "TdError", kind: "aborted", retryable: false });
    const entry = t.emu.log.slice(since).find((l) => l.op === "chat")!;
    await until(
      async () => entry.status,
      (s) => s === 499,
    );
    // Leaving the loop early closes it too.
    const since2 = t.emu.log.length;
    for await (const c of client().stream({
      ...DS_STREAM,
      messages: [{ role: "user", content: "x [[slow:50]]" }],
    } as ChatBody))
      if (c) break;
    const entry2 = t.emu.log.slice(since2).find((l) => l.op === "chat")!;
    await until(
      async () => entry2.status,
      (s) => s === 499,
    );
  });

  it("streamRaw hands back the untouched SSE response", async () => {
    const { response, requestId } = await client().streamRaw(DS_STREAM as ChatBody);
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    expect(await response.text()).toMatch(/^data: \{"choices":\[\{"delta":\{"reasoning_content":/);
  });
});

describe("chat family: errors and faults", () => {
  it("max_tokens with max_completion_tokens, video fps 6 and bad image URLs get the documented 400s", async () => {
    const both = { ...DS_DEFAULT, max_tokens: 100, max_completion_tokens: 100 };
    expect(deepseekChatBody.safeParse(both).success).toBe(false);
    const r = await rawCall(t.emu.url, "POST", Q, both);
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({
      error: {
        code: "InvalidParameter",
        type: "BadRequest",
        message: expect.stringMatching(/max_completion_tokens.*Request ID: 02/),
      },
    });
    const fps6 = {
      ...DS_VIDEO,
      messages: [
        {
          role: "user",
          content: [
            { type: "video_url", video_url: { url: "https://x.test/v.mp4", fps: 6 } },
            { type: "text", text: "?" },
          ],
        },
      ],
    };
    await expect(client().complete(fps6 as never)).rejects.toMatchObject({
      httpStatus: 400,
      code: "InvalidParameter",
      retryable: false,
    });
    expect(
      (
        await rawCall(t.emu.url, "POST", Q, {
          ...DS_VIDEO,
          messages: [{ role: "user", content: [{ ...DS_VIDEO.messages[0].content[0], fps: "6" }] }],
        })
      ).status,
    ).toBe(400);
    const img = (url: string) => ({
      model: "T0106004",
      messages: [{ role: "user", content: [{ type: "image_url", image_url: { url } }] }],
    });
    expect((await rawCall(t.emu.url, "POST", Q, img(""))).json.error.code).toBe("InvalidImageURL.EmptyURL");
    expect((await rawCall(t.emu.url, "POST", Q, img("data:image/png;base64,@@@"))).json.error.code).toBe(
      "InvalidImageURL.InvalidFormat",
    );
    expect((await rawCall(t.emu.url, "POST", Q, { ...GPT_DOC, reasoning_effort: "extreme" })).json.error.code).toBe(
      "InvalidParameter",
    );
  });

  it("unknown model → 404, missing messages → MissingParameter, no key → 401", async () => {
    expect(await rawCall(t.emu.url, "POST", Q, { ...GPT_DOC, model: "T0320001" })).toMatchObject({
      status: 404,
      json: { error: { code: "InvalidEndpointOrModel.NotFound", type: "NotFound" } },
    });
    expect(await rawCall(t.emu.url, "POST", Q, { model: "T0106004" })).toMatchObject({
      status: 400,
      json: { error: { code: "MissingParameter" } },
    });
    expect((await rawCall(t.emu.url, "POST", Q, GPT_DOC, { Authorization: undefined })).status).toBe(401);
  });

  it("429 and sensitive input map to TdError, and a completion is sent once", async () => {
    const since = t.emu.log.length;
    const e429 = await failure(
      client().complete({ ...GPT_DOC, messages: [{ role: "user", content: "hi [[fault:429]]" }] } as ChatBody),
    );
    expect(e429).toMatchObject({
      family: "chat",
      httpStatus: 429,
      code: "RateLimitExceeded.EndpointRPMExceeded",
      retryable: true,
    });
    expect(t.emu.log.slice(since).filter((l) => l.op === "chat").length).toBe(1);
    const s429 = await errorOf(
      client().stream({ ...DS_STREAM, messages: [{ role: "user", content: "hi [[fault:429]]" }] } as ChatBody),
    );
    expect(s429).toMatchObject({ httpStatus: 429, code: "RateLimitExceeded.EndpointRPMExceeded" });
    const sens = await errorOf(
      client().stream({ ...DS_STREAM, messages: [{ role: "user", content: "[[fault:sensitive]]" }] } as ChatBody),
    );
    expect(sens).toMatchObject({ httpStatus: 400, code: "InputTextRiskDetection", retryable: false });
    expect(sens.upstreamMessage).toMatch(/ContentSecurityDetection/);
    expect(
      await failure(
        client().complete({ ...GPT_DOC, messages: [{ role: "user", content: "[[fault:500]]" }] } as ChatBody),
      ),
    ).toMatchObject({ httpStatus: 500, code: "InternalServiceError", retryable: true });
  });

  it("content_filter ends the answer early, in a stream and in a completion", async () => {
    const full = await collect({ ...DS_STREAM, thinking: { type: "disabled" } });
    const cut = await collect({
      ...DS_STREAM,
      thinking: { type: "disabled" },
      messages: [{ role: "user", content: "hello [[fault:content_filter]]" }],
    });
    expect(cut.finish).toBe("content_filter");
    expect(cut.content.length).toBeLessThan(full.content.length);
    const done = await client().complete({
      ...DS_DEFAULT,
      messages: [{ role: "user", content: "hi [[fault:content_filter]]" }],
    } as ChatBody);
    expect(done.data.choices[0].finish_reason).toBe("content_filter");
    // GPT-5.4 with output moderation answers a non-streamed refusal with a 400.
    expect(
      await failure(
        client().complete({
          ...GPT_DOC,
          output_compliance_check: true,
          messages: [{ role: "user", content: "[[fault:content_filter]]" }],
        } as ChatBody),
      ),
    ).toMatchObject({ httpStatus: 400 });
  });

  it("a dropped, malformed or silent stream becomes a TdError", async () => {
    const drop = await errorOf(
      client().stream({ ...DS_STREAM, messages: [{ role: "user", content: "[[fault:drop]]" }] } as ChatBody),
    );
    expect(drop).toMatchObject({ kind: "network", retryable: true });
    const bad = await errorOf(
      client().stream({ ...DS_STREAM, messages: [{ role: "user", content: "[[fault:malformed]]" }] } as ChatBody),
    );
    expect(bad).toMatchObject({ kind: "malformed", code: "MalformedResponse" });
    const hang = await errorOf(
      client().stream(
        { ...DS_STREAM, messages: [{ role: "user", content: "[[fault:hang]]" }] } as ChatBody,
        undefined,
        { timeoutMs: 200 },
      ),
    );
    expect(hang).toMatchObject({ kind: "timeout", code: "Timeout" });
  });

  it("tools: tool_choice required answers with a tool call", async () => {
    const tools = [
      {
        type: "function",
        function: {
          name: "get_weather",
          parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
        },
      },
    ];
    const r = await client().complete({ ...DS_DEFAULT, tools, tool_choice: "required" } as ChatBody);
    expect(r.data.choices[0]).toMatchObject({
      finish_reason: "tool_calls",
      message: {
        tool_calls: [
          { type: "function", function: { name: "get_weather", arguments: expect.stringContaining("city") } },
        ],
      },
    });
    expect(
      (
        await rawCall(t.emu.url, "POST", Q, {
          ...DS_DEFAULT,
          tool_choice: { type: "function", function: { name: "nope" } },
        })
      ).status,
    ).toBe(400);
  });

  it("the emulator's tokens rebuild the text exactly", () => {
    const s = "你好，世界! Hello  world 🙂\n```ts\nx = 1\n```";
    expect(tokenize(s).join("")).toBe(s);
  });
});
