import type {
  ChatBody,
  ChatFlavor,
  DeepSeekBody as DeepSeekChatBody,
  DeepSeekPart as DeepSeekContentPart,
  FinishReason,
} from "../spec/chat";

// The emulator's "model": a deterministic, plausible Markdown answer built from the request
// (the same request always gets the same answer), split into tokens the way a stream sends them.

export interface AnswerPlan {
  reasoning: string[];
  content: string[];
  toolCall?: { id: string; name: string; arguments: string };
  finish: FinishReason;
  promptTokens: number;
}

// One token: 1–2 CJK characters, a word, or one other character, each with the whitespace before it.
const CJK = "\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef";
const TOKEN = new RegExp(`\\s*[${CJK}]{1,2}|\\s*[A-Za-z0-9_']+|\\s*[^\\sA-Za-z0-9_'${CJK}]|\\s+`, "gu");
const MARKERS = /\[\[(?:fault|slow):[^\]]*\]\]/gi;

/** Split text into stream tokens; joining them gives the text back. */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

type Msg = ChatBody["messages"][number];

/** The text of a message (string content, or its text parts). */
export function textOf(m: Msg | undefined): string {
  const c = m?.content;
  if (!c) return "";
  if (typeof c === "string") return c;
  return c.map((p) => (p.type === "text" ? p.text : "")).join("\n");
}

export function lastUser(messages: Msg[]): Msg | undefined {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i].role === "user") return messages[i];
  return undefined;
}

const MODEL_NAME: Record<ChatFlavor, string> = { "gpt-5.4": "GPT-5.4", "deepseek-v3.2": "DeepSeek-v3.2" };

export function planAnswer(flavor: ChatFlavor, body: ChatBody, opts: { contentFilter: boolean }): AnswerPlan {
  const last = body.messages[body.messages.length - 1];
  const user = lastUser(body.messages);
  const question = textOf(user).replace(MARKERS, "").trim();
  const zh = /\p{Script=Han}/u.test(question);
  const short = oneLine(question, 40) || (zh ? "（空）" : "(empty)");
  const promptTokens = countPrompt(body);

  const reasoningText = thinks(flavor, body) ? reasoning(zh, short, effortOf(body)) : "";
  let contentText: string;
  let toolCall: AnswerPlan["toolCall"];
  const wantsTool = pickTool(body, question);
  if (last.role === "assistant") contentText = continuation(zh, question, textOf(last));
  else if (last.role !== "tool" && wantsTool) {
    toolCall = {
      id: `call_${hash(question + wantsTool.name).toString(16)}`,
      name: wantsTool.name,
      arguments: JSON.stringify(toolArgs(wantsTool.parameters, short)),
    };
    contentText = "";
  } else if (body.response_format && body.response_format.type !== "text") {
    contentText = JSON.stringify(
      {
        question: short,
        answer: zh ? "这是模拟器给出的确定性回答。" : "This is the emulator's deterministic answer.",
        model: MODEL_NAME[flavor],
        language: zh ? "zh" : "en",
      },
      null,
      2,
    );
  } else if (last.role === "tool") {
    const result = oneLine(textOf(last), 80);
    contentText = zh
      ? `根据工具返回的结果：\n\n> ${result}\n\n这就是你要的答案。`
      : `According to the tool's result:\n\n> ${result}\n\nThat answers your question.`;
  } else contentText = markdownAnswer(flavor, zh, question, short, mediaLine(flavor, body, zh));

  let reasoning_ = tokenize(reasoningText);
  let content = tokenize(contentText);
  let finish: FinishReason = toolCall ? "tool_calls" : "stop";
  if (opts.contentFilter) {
    // Output moderation cuts the answer off part-way.
    content = content.slice(0, Math.max(1, Math.floor(content.length / 3)));
    toolCall = undefined;
    finish = "content_filter";
  }
  // GPT-5.4: max_tokens bounds everything generated. DeepSeek: max_tokens bounds the answer (default 4k),
  // max_completion_tokens the answer and the reasoning together.
  const ds = flavor === "deepseek-v3.2" ? (body as DeepSeekChatBody) : undefined;
  const answerCap = ds ? (ds.max_completion_tokens != null ? Infinity : (ds.max_tokens ?? 4096)) : Infinity;
  const totalCap = ds ? (ds.max_completion_tokens ?? Infinity) : (body.max_tokens ?? Infinity);
  if (reasoning_.length > totalCap) reasoning_ = reasoning_.slice(0, totalCap);
  const room = Math.min(answerCap, totalCap - reasoning_.length);
  if (content.length > room) {
    content = content.slice(0, Math.max(0, room));
    toolCall = undefined;
    finish = "length";
  }
  if (toolCall && reasoning_.length + 1 > totalCap) toolCall = undefined;
  return { reasoning: reasoning_, content, toolCall, finish, promptTokens };
}

function thinks(flavor: ChatFlavor, body: ChatBody): boolean {
  if (flavor === "gpt-5.4") {
    const b = body as Extract<ChatBody, { thinking_enabled?: unknown }>;
    return b.thinking_enabled === true && b.reasoning_effort !== "none";
  }
  const b = body as DeepSeekChatBody;
  // thinking defaults to enabled; "auto" thinks too (the emulator treats every question as worth it);
  // reasoning_effort "minimal" means "关闭思考，直接回答".
  return (b.thinking?.type ?? "enabled") !== "disabled" && b.reasoning_effort !== "minimal";
}

function effortOf(body: ChatBody): number {
  const e = body.reasoning_effort ?? "medium";
  return { none: 0, minimal: 1, low: 1, medium: 2, high: 3, xhigh: 4 }[e] ?? 2;
}

function reasoning(zh: boolean, short: string, steps: number): string {
  const zhSteps = [
    `用户问的是「${short}」。`,
    "我先弄清楚问题的关键，再分步骤组织回答。",
    "还应该给一个小的代码示例，让回答更具体。",
    "最后检查一遍：回答要简短、准确、可以复现。",
  ];
  const enSteps = [
    `The user asks "${short}".`,
    " First I pin down what matters, then I answer step by step.",
    " A small code sample would make it concrete.",
    " Finally, check that the answer is short, correct and reproducible.",
  ];
  return (zh ? zhSteps : enSteps).slice(0, Math.max(1, steps)).join("");
}

function markdownAnswer(flavor: ChatFlavor, zh: boolean, question: string, short: string, media: string): string {
  const quote = oneLine(question, 200) || short;
  const code = short.replace(/\\/g, "\\\\").replace(/"/g, '\\"');
  if (zh) {
    return [
      `**${MODEL_NAME[flavor]}（TD 模拟器）** 收到了你的问题：`,
      `> ${quote}`,
      ...(media ? [media] : []),
      "下面是一个简短、确定的回答（同样的问题总会得到同样的回答）：",
      `1. 先弄清问题的关键：「${short}」。\n2. 分步骤思考，再给出结论。\n3. 需要时给出示例代码：`,
      "```python\n" + `question = "${code}"\nprint(f"你问的是：{question}")\n` + "```",
      "如果还需要更多细节，请继续追问。",
    ].join("\n\n");
  }
  return [
    `**${MODEL_NAME[flavor]} (TD emulator)** received your question:`,
    `> ${quote}`,
    ...(media ? [media] : []),
    "Here is a short, deterministic answer (the same question always gets the same answer):",
    `1. Pin down what the question is really about: "${short}".\n2. Think it through step by step, then conclude.\n3. Show a code sample when it helps:`,
    "```python\n" + `question = "${code}"\nprint(f"You asked: {question}")\n` + "```",
    "Ask a follow-up question if you need more detail.",
  ].join("\n\n");
}

/** What the "model" sees in the last user message (DeepSeek: images and videos). */
function mediaLine(flavor: ChatFlavor, body: ChatBody, zh: boolean): string {
  if (flavor !== "deepseek-v3.2") return "";
  const c = lastUser(body.messages)?.content;
  if (!Array.isArray(c)) return "";
  const parts = c as DeepSeekContentPart[];
  const details: string[] = [];
  const fps: number[] = [];
  for (const p of parts) {
    if (p.type === "image_url") details.push(p.image_url.detail ?? (zh ? "默认" : "default"));
    if (p.type === "video_url") fps.push(videoFps(p));
  }
  if (!details.length && !fps.length) return "";
  const out: string[] = [];
  if (zh) {
    if (details.length) out.push(`${details.length} 张图片（精细度：${details.join("、")}）`);
    if (fps.length) out.push(`${fps.length} 段视频（抽帧：${fps.map((f) => `${f} fps`).join("、")}）`);
    return `我看到了${out.join("和")}。作为模拟器，我并不真正理解画面内容。`;
  }
  if (details.length)
    out.push(`${details.length} image${details.length > 1 ? "s" : ""} (detail: ${details.join(", ")})`);
  if (fps.length)
    out.push(`${fps.length} video${fps.length > 1 ? "s" : ""} (sampled at ${fps.map((f) => `${f} fps`).join(", ")})`);
  return `I can see ${out.join(" and ")}. As an emulator, I do not really look inside them.`;
}

/** A video part's sampling rate: video_url.fps, else the part-level fps of the doc's example, else 1. */
export function videoFps(p: { video_url: { fps?: number | null }; fps?: number | string | null }): number {
  return p.video_url.fps ?? (p.fps != null ? Number(p.fps) : 1);
}

/** 续写: the answer goes on from the partial assistant message (a small sum is even worked out). */
function continuation(zh: boolean, question: string, partial: string): string {
  const m = /(-?\d+(?:\.\d+)?)\s*([+\-*/×÷])\s*(-?\d+(?:\.\d+)?)/.exec(question);
  if (m && /[=＝]\s*$/.test(partial)) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    const r = { "+": a + b, "-": a - b, "*": a * b, "×": a * b, "/": a / b, "÷": a / b }[m[2]] ?? NaN;
    return ` ${Number.isFinite(r) ? +r.toFixed(6) : "NaN"}`;
  }
  return zh
    ? "……接着你给出的开头继续写下去，直到把意思说完整。"
    : " … and the text goes on from where you left it, until the thought is complete.";
}

function pickTool(
  body: ChatBody,
  question: string,
): { name: string; parameters?: Record<string, unknown> } | undefined {
  const tools = body.tools ?? [];
  if (!tools.length || body.tool_choice === "none") return undefined;
  const tc = body.tool_choice;
  if (tc && typeof tc === "object") return tools.find((t) => t.function.name === tc.function.name)?.function;
  if (tc === "required") return tools[0].function;
  // auto: call a tool the question names.
  return tools.find((t) => question.toLowerCase().includes(t.function.name.toLowerCase()))?.function;
}

function toolArgs(parameters: Record<string, unknown> | undefined, short: string): Record<string, unknown> {
  const props = (parameters?.properties ?? {}) as Record<string, { type?: string }>;
  const args: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) {
    args[k] =
      v?.type === "number" || v?.type === "integer"
        ? 1
        : v?.type === "boolean"
          ? true
          : v?.type === "array"
            ? []
            : v?.type === "object"
              ? {}
              : short;
  }
  return args;
}

/** Deterministic prompt token count: text tokens, 4 per message, images by detail, videos by fps. */
function countPrompt(body: ChatBody): number {
  let n = 0;
  for (const m of body.messages) {
    n += 4 + tokenize(textOf(m)).length;
    if (!Array.isArray(m.content)) continue;
    for (const p of m.content as {
      type: string;
      image_url?: { detail?: string | null };
      video_url?: { fps?: number | null };
      fps?: number | string | null;
    }[]) {
      if (p.type === "image_url") n += { low: 256, high: 1024, xhigh: 2048 }[p.image_url?.detail ?? ""] ?? 512;
      if (p.type === "video_url" && p.video_url) n += Math.round(videoFps(p as never) * 10 * 128);
    }
  }
  return n;
}

function oneLine(s: string, max: number): string {
  const t = s.replace(/\s+/g, " ").trim();
  const chars = [...t];
  return chars.length > max ? chars.slice(0, max).join("") + "…" : t;
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h;
}
