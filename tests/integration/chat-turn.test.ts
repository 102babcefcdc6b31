import { Readable } from "node:stream";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import type { MessageView } from "@/lib/chat/types";
import { TEST_KEY, until, withEmulator } from "./helpers";
import { freshStudioEnv, TEST_SCOPE } from "../../scripts/harness/studio-env";

// A stored conversation turn against the emulator: what is written, what is streamed, what survives a stop.

const t = withEmulator({ chatFirstTokenMs: 5, chatChunkMs: 2 });
let m: Awaited<ReturnType<typeof load>>;
async function load() {
  const [conv, turn, active, wire, att, store, errors] = await Promise.all([
    import("@/lib/chat/conversations"),
    import("@/lib/chat/turn"),
    import("@/lib/chat/active"),
    import("@/lib/chat/wire"),
    import("@/lib/chat/attachments"),
    import("@/lib/assets/store"),
    import("@/lib/errors"),
  ]);
  return { ...conv, ...turn, ...active, ...wire, ...att, ...store, ...errors };
}
beforeAll(async () => {
  freshStudioEnv(t.emu.url, TEST_KEY, { PUBLIC_BASE_URL: "http://studio.test" });
  m = await load();
});

const newConversation = async () => (await m.createConversation(TEST_SCOPE, { model: "T0106004" })).id;
const never = new AbortController().signal;

/** Reads a turn's whole answer: TD's chunks and the studio's closing event. */
async function readTurn(res: Response) {
  const text = await res.text();
  const events = text.split("\n\n").filter(Boolean);
  const studio = events.find((e) => e.startsWith("event: studio"));
  const saved = studio ? (JSON.parse(studio.split("\ndata: ")[1]).message as MessageView) : undefined;
  const content = events
    .filter((e) => e.startsWith("data: {"))
    .map((e) => JSON.parse(e.slice(6)).choices?.[0]?.delta?.content ?? "")
    .join("");
  return { text, content, saved };
}

async function failure(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return e as InstanceType<typeof m.AppError>;
  }
  throw new Error("expected the turn to be refused");
}

describe("chat turn: stored as it streams", () => {
  it("send: the question and the answer are stored; the stream ends with the stored answer", async () => {
    const id = await newConversation();
    const res = await m.runTurn(
      TEST_SCOPE,
      id,
      { model: "T0106004", content: "什么是镜头语言？", params: { reasoningEffort: "high" } },
      never,
    );
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const { content, saved, text } = await readTurn(res);
    expect(text).toContain("data: [DONE]");
    expect(saved).toMatchObject({
      role: "assistant",
      finishReason: "stop",
      state: "done",
      model: "T0106004",
      content,
      usage: { promptTokens: expect.any(Number), reasoningTokens: expect.any(Number) },
    });
    expect(saved!.reasoning).toContain("什么是镜头语言");
    const c = await m.getConversation(TEST_SCOPE, id);
    expect(c.title).toBe("什么是镜头语言？");
    expect(c.messages.map((x) => [x.role, x.position])).toEqual([
      ["user", 0],
      ["assistant", 1],
    ]);
    expect(c.messages[1].content).toBe(content);
    expect(c.settings.params.T0106004).toEqual({ reasoningEffort: "high" });
    expect(c.usage.totalTokens).toBe(saved!.usage!.totalTokens);
  });

  it("stop: TD's request is aborted and the partial answer is kept, marked stopped", async () => {
    const id = await newConversation();
    const res = await m.runTurn(
      TEST_SCOPE,
      id,
      { model: "T0106004", content: "long answer please [[slow:40]]", params: { thinking: "disabled" } },
      never,
    );
    const reader = res.body!.getReader();
    await reader.read();
    await reader.read();
    const stopped = m.stopTurn(id);
    const rest: string[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      rest.push(new TextDecoder().decode(value));
    }
    expect(await stopped).toBe(true);
    const saved = JSON.parse(rest.join("").split("event: studio\ndata: ")[1]).message as MessageView;
    expect(saved.finishReason).toBe("stopped");
    expect(saved.content.length).toBeGreaterThan(0);
    const full = (await m.getConversation(TEST_SCOPE, id)).messages[1];
    expect(full).toMatchObject({ finishReason: "stopped", state: "done", content: saved.content });
    // The emulator notices the closed connection at its next pause.
    await until(
      async () => t.emu.log.filter((l) => l.op === "chat").at(-1)?.status,
      (s) => s === 499,
      5000,
    );
  });

  it("the client going away stops TD too, and the partial answer is stored", async () => {
    const id = await newConversation();
    const ctl = new AbortController();
    const res = await m.runTurn(
      TEST_SCOPE,
      id,
      { model: "T0310001", content: "tell me a story [[slow:40]]" },
      ctl.signal,
    );
    const reader = res.body!.getReader();
    await reader.read();
    await reader.read();
    ctl.abort();
    await reader.cancel();
    const msg = await until(
      async () => (await m.getConversation(TEST_SCOPE, id)).messages[1],
      (x) => x.finishReason === "stopped",
      5000,
    );
    expect(msg.content.length).toBeGreaterThan(0);
    await until(
      async () => t.emu.log.filter((l) => l.op === "chat").at(-1)?.status,
      (s) => s === 499,
      5000,
    );
  });

  it("regenerate replaces the last answer; edit replaces a question and drops what followed", async () => {
    const id = await newConversation();
    await readTurn(await m.runTurn(TEST_SCOPE, id, { model: "T0106004", content: "first question" }, never));
    await readTurn(await m.runTurn(TEST_SCOPE, id, { model: "T0310001", content: "second question" }, never));
    let c = await m.getConversation(TEST_SCOPE, id);
    const oldLast = c.messages[3];
    await readTurn(await m.runTurn(TEST_SCOPE, id, { action: "regenerate", model: "T0106004" }, never));
    c = await m.getConversation(TEST_SCOPE, id);
    expect(c.messages).toHaveLength(4);
    expect(c.messages[3].id).not.toBe(oldLast.id);
    expect(c.messages[3].model).toBe("T0106004");
    expect(c.model).toBe("T0106004"); // switching models keeps the conversation
    await readTurn(
      await m.runTurn(
        TEST_SCOPE,
        id,
        { action: "edit", model: "T0106004", messageId: c.messages[0].id, content: "first question, edited" },
        never,
      ),
    );
    c = await m.getConversation(TEST_SCOPE, id);
    expect(c.messages.map((x) => x.content.slice(0, 22))).toEqual([
      "first question, edited",
      expect.stringContaining("DeepSeek"),
    ]);
    expect(c.messages[1].content).toContain("first question, edited");
  });

  it("continue: the partial answer goes last, as the DeepSeek doc's continuation example, and the answer grows from it", async () => {
    const id = await newConversation();
    await readTurn(
      await m.runTurn(
        TEST_SCOPE,
        id,
        { model: "T0106004", content: "你是一个计算器，请计算： 1 + 1", params: { thinking: "disabled" } },
        never,
      ),
    );
    const answer = (await m.getConversation(TEST_SCOPE, id)).messages[1];
    const { saved } = await readTurn(
      await m.runTurn(
        TEST_SCOPE,
        id,
        { action: "continue", model: "T0106004", messageId: answer.id, content: "=", params: { thinking: "disabled" } },
        never,
      ),
    );
    expect(saved).toMatchObject({ id: answer.id, content: "= 2", finishReason: "stop" });
    // Usage adds up over both calls of this answer.
    expect(saved!.usage!.completionTokens).toBeGreaterThan(answer.usage!.completionTokens);
    expect(
      (await failure(m.runTurn(TEST_SCOPE, id, { action: "continue", model: "T0310001", content: "=" }, never))).field,
    ).toBe("model");
  });
});

describe("chat turn: failures are stored truthfully", () => {
  it("429 before the stream: a JSON error, and the stored answer says rate limited", async () => {
    const id = await newConversation();
    const res = await m.runTurn(TEST_SCOPE, id, { model: "T0106004", content: "hi [[fault:429]]" }, never);
    expect(res.status).toBe(429);
    const body = await res.json();
    expect(body.error.code).toBe("rate_limited");
    expect(body.message.error).toMatchObject({
      kind: "rateLimited",
      code: "RateLimitExceeded.EndpointRPMExceeded",
      status: 429,
    });
    const c = await m.getConversation(TEST_SCOPE, id);
    expect(c.messages.map((x) => x.role)).toEqual(["user", "assistant"]);
    expect(c.messages[1].error?.kind).toBe("rateLimited");
  });

  it("content_filter ends the answer with its partial text; a dropped stream keeps the partial text with the error", async () => {
    const id = await newConversation();
    const filtered = await readTurn(
      await m.runTurn(
        TEST_SCOPE,
        id,
        { model: "T0106004", content: "x [[fault:content_filter]]", params: { thinking: "disabled" } },
        never,
      ),
    );
    expect(filtered.saved).toMatchObject({ finishReason: "content_filter", content: filtered.content });
    expect(filtered.content.length).toBeGreaterThan(0);
    const dropped = await readTurn(
      await m.runTurn(
        TEST_SCOPE,
        id,
        { model: "T0106004", content: "y [[fault:drop]]", params: { thinking: "disabled" } },
        never,
      ),
    );
    expect(dropped.saved?.error).toMatchObject({ kind: "network", code: "StreamInterrupted" });
    expect(dropped.saved?.content).toBe(dropped.content);
    const sensitive = await m.runTurn(TEST_SCOPE, id, { model: "T0106004", content: "z [[fault:sensitive]]" }, never);
    expect((await sensitive.json()).message.error).toMatchObject({
      kind: "sensitive",
      code: "InputTextRiskDetection",
      status: 400,
    });
  });
});

describe("chat turn: checks before anything is written or sent", () => {
  it("bad params, text-only model with attachments, nothing to send, and a second turn at once are refused", async () => {
    const id = await newConversation();
    const before = t.emu.log.length;
    expect(
      (await failure(m.runTurn(TEST_SCOPE, id, { model: "T0106004", content: "x", params: { temperature: 3 } }, never)))
        .field,
    ).toBe("params.temperature");
    expect(
      (
        await failure(
          m.runTurn(
            TEST_SCOPE,
            id,
            { model: "T0106004", content: "x", params: { maxTokens: 10, maxCompletionTokens: 10 } },
            never,
          ),
        )
      ).message,
    ).toContain("not both");
    expect(
      (
        await failure(
          m.runTurn(
            TEST_SCOPE,
            id,
            { model: "T0310001", content: "x", attachments: [{ assetId: "a", kind: "image" }] },
            never,
          ),
        )
      ).field,
    ).toBe("attachments");
    expect((await failure(m.runTurn(TEST_SCOPE, id, { model: "T0106004", content: "   " }, never))).field).toBe(
      "content",
    );
    expect(
      (
        await failure(
          m.runTurn(
            TEST_SCOPE,
            id,
            { model: "T0106004", content: "x", attachments: [{ assetId: "missing", kind: "image" }] },
            never,
          ),
        )
      ).message,
    ).toContain("does not exist");
    expect(t.emu.log.length).toBe(before);
    expect((await m.getConversation(TEST_SCOPE, id)).messages).toHaveLength(0);

    const running = await m.runTurn(TEST_SCOPE, id, { model: "T0106004", content: "slow [[slow:10]]" }, never);
    expect((await failure(m.runTurn(TEST_SCOPE, id, { model: "T0106004", content: "again" }, never))).code).toBe(
      "conflict",
    );
    await readTurn(running);
  });
});

describe("chat turn: the wire body", () => {
  it("DeepSeek: system prompt first, images inline with their detail, videos by signed URL with their fps, then the text", async () => {
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#3366aa" } })
      .png()
      .toBuffer();
    const img = await m.storeAsset(Readable.from(png), TEST_SCOPE, {
      model: "T0106004",
      mode: "chat",
      role: "reference_image",
    });
    const { readFileSync } = await import("node:fs");
    const vid = await m.storeAsset(Readable.from(readFileSync("emulator/media/videos/sample-16x9.mp4")), TEST_SCOPE);
    await m.checkAttachments(TEST_SCOPE, "T0106004", [
      { assetId: img.id, kind: "image" },
      { assetId: vid.id, kind: "video" },
    ]);
    const { body } = await m.wireBody({
      model: "T0106004",
      params: { thinking: "disabled" },
      system: "You write shot lists.",
      history: [
        {
          role: "user",
          content: "What is in these?",
          attachments: [
            { assetId: img.id, kind: "image", detail: "xhigh" },
            { assetId: vid.id, kind: "video", fps: 2 },
          ],
        },
      ],
      resolver: new m.AttachmentResolver(TEST_SCOPE),
    });
    expect(body).toMatchObject({
      model: "T0106004",
      stream: true,
      stream_options: { include_usage: true },
      thinking: { type: "disabled" },
    });
    expect(body.messages[0]).toEqual({ role: "system", content: "You write shot lists." });
    const parts = body.messages[1].content as {
      type: string;
      image_url?: { url: string; detail?: string };
      video_url?: { url: string; fps?: number };
      text?: string;
    }[];
    expect(parts.map((p) => p.type)).toEqual(["image_url", "video_url", "text"]);
    expect(parts[0].image_url).toEqual({ url: `data:image/png;base64,${png.toString("base64")}`, detail: "xhigh" });
    expect(parts[1].video_url!.url).toMatch(
      new RegExp(`^http://studio\\.test/api/v1/assets/${vid.id}/file\\?exp=\\d+&sig=`),
    );
    expect(parts[1].video_url!.fps).toBe(2);
    expect(parts[2]).toEqual({ type: "text", text: "What is in these?" });
    // And the upstream takes it (the emulator checks the documented schema).
    const id = await newConversation();
    const { saved } = await readTurn(
      await m.runTurn(
        TEST_SCOPE,
        id,
        {
          model: "T0106004",
          content: "描述这张图",
          attachments: [{ assetId: img.id, kind: "image", detail: "high" }],
          params: { thinking: "disabled" },
        },
        never,
      ),
    );
    expect(saved!.content).toContain("1 张图片（精细度：high）");
  });

  it("GPT-5.4: text only — earlier attachments are named, not sent; failed empty answers are left out", async () => {
    const { body } = await m.wireBody({
      model: "T0310001",
      params: { thinkingEnabled: true, reasoningEffort: "xhigh", outputComplianceCheck: true },
      system: "",
      history: [
        { role: "user", content: "look", attachments: [{ assetId: "a1", kind: "image" }] },
        { role: "assistant", content: "", attachments: [] },
        { role: "user", content: "and now?", attachments: [] },
      ],
      resolver: new m.AttachmentResolver(TEST_SCOPE),
    });
    expect(body).toMatchObject({
      model: "T0310001",
      thinking_enabled: true,
      reasoning_effort: "xhigh",
      output_compliance_check: true,
      temperature: 0.7,
    });
    expect(body.messages).toEqual([
      { role: "user", content: "look\n\n[1 attachment(s) not shown: this model reads text only]" },
      { role: "user", content: "and now?" },
    ]);
  });
});
