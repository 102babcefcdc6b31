import { z } from "zod";
import { addIssue } from "./common";

// The OpenAI-compatible chat family, as the docs describe it:
// shared/td-api/T0310001-yunling11-gpt-5.4-chat.md and T0106004-yunlian9-deepseek-v3.2-chat.md (line numbers are those files').

// T0310001 l.53: "固定为 T0310001" (the title's T0320001 is a typo of the doc; the studio may configure another code).
export const GPT54_CODE = "T0310001";
export const DEEPSEEK_CODE = "T0106004";
export type ChatFlavor = "gpt-5.4" | "deepseek-v3.2";
export type FinishReason = "stop" | "length" | "tool_calls" | "content_filter";

export const GPT54 = {
  // l.57: "取值范围 0~2"
  temperatureMin: 0,
  temperatureMax: 2,
  // l.59
  reasoningEfforts: ["none", "minimal", "low", "medium", "high", "xhigh"],
} as const;

export const DEEPSEEK = {
  // l.100 / l.164
  imageDetails: ["low", "high", "xhigh"],
  // l.118 / l.198: "[0.2, 5]", default 1
  fpsMin: 0.2,
  fpsMax: 5,
  // l.171: "图片像素范围需在 [196, 36,000,000]，否则会直接报错"
  pixelsMin: 196,
  pixelsMax: 36_000_000,
  // l.265
  thinkingTypes: ["enabled", "disabled", "auto"],
  // l.306: "最大回答(默认 4k): 32k"
  maxTokensMax: 32 * 1024,
  // l.314: "[0, 65536]"
  maxCompletionTokensMin: 0,
  maxCompletionTokensMax: 65_536,
  // l.319
  serviceTiers: ["auto", "default"],
  // l.329
  reasoningEfforts: ["minimal", "low", "medium", "high"],
  // l.385 / l.391: "[-2.0, 2.0]"
  penaltyMin: -2,
  penaltyMax: 2,
  // l.394
  temperatureMin: 0,
  temperatureMax: 2,
  // l.401
  topPMin: 0,
  topPMax: 1,
} as const;

const range = (min: number, max: number) => z.number().min(min).max(max).nullish();

const text = z.object({ type: z.literal("text"), text: z.string() });
const pixelLimit = z
  .object({ max_pixels: z.number().int().optional(), min_pixels: z.number().int().optional() })
  .nullish();
// l.166 puts image_pixel_limit beside image_url (messages.content.image_pixel_limit); Ark's own API puts it inside: both read.
const image = z.object({
  type: z.literal("image_url"),
  image_url: z.object({
    url: z.string(),
    detail: z.enum(DEEPSEEK.imageDetails).nullish(),
    image_pixel_limit: pixelLimit,
  }),
  image_pixel_limit: pixelLimit,
});
const video = z.object({
  type: z.literal("video_url"),
  video_url: z.object({ url: z.string(), fps: range(DEEPSEEK.fpsMin, DEEPSEEK.fpsMax) }),
  // The video example (l.1049) puts `"fps": "2"` beside video_url, as a string: read and range-checked too.
  fps: z.union([z.number(), z.string()]).nullish(),
});
// GPT-5.4 l.71: "多模态场景下可为数组，包含文本和图片等信息" — detail values not listed.
const gptImage = z.object({
  type: z.literal("image_url"),
  image_url: z.object({ url: z.string(), detail: z.string().nullish() }),
});

const deepseekContent = z.union([z.string(), z.array(z.discriminatedUnion("type", [text, image, video]))]);
const gptContent = z.union([z.string(), z.array(z.discriminatedUnion("type", [text, gptImage]))]);
export type DeepSeekPart = Exclude<z.infer<typeof deepseekContent>, string>[number];

const toolCall = z.object({
  id: z.string().min(1),
  type: z.literal("function"),
  function: z.object({ name: z.string().min(1), arguments: z.string() }),
});

function messages<C extends z.ZodType>(content: C) {
  return z
    .array(
      z.discriminatedUnion("role", [
        z.object({ role: z.literal("system"), content }),
        z.object({ role: z.literal("user"), content }),
        // Continuation (续写模式, l.908): the last message may be a partial assistant message.
        z.object({
          role: z.literal("assistant"),
          content: content.nullish(),
          reasoning_content: z.string().nullish(),
          tool_calls: z.array(toolCall).nullish(),
        }),
        z.object({ role: z.literal("tool"), content, tool_call_id: z.string().min(1) }),
      ]),
    )
    .min(1);
}

const tools = z
  .array(
    z.object({
      type: z.literal("function"),
      function: z.object({
        name: z.string().min(1),
        description: z.string().optional(),
        parameters: z.record(z.string(), z.unknown()).optional(),
      }),
    }),
  )
  .nullish();
const toolChoice = z
  .union([
    z.enum(["none", "auto", "required"]),
    z.object({ type: z.literal("function"), function: z.object({ name: z.string().min(1) }) }),
  ])
  .nullish();
const responseFormat = z
  .discriminatedUnion("type", [
    z.object({ type: z.literal("text") }),
    z.object({ type: z.literal("json_object") }),
    z.object({
      type: z.literal("json_schema"),
      json_schema: z.object({
        name: z.string().min(1),
        description: z.string().nullish(),
        schema: z.record(z.string(), z.unknown()),
        strict: z.boolean().nullish(),
      }),
    }),
  ])
  .optional();
const streamOptions = z
  .object({ include_usage: z.boolean().nullish(), chunk_include_usage: z.boolean().nullish() })
  .nullish();

type Bad = (message: string, path: (string | number)[], code?: string) => void;

function shared(
  b: {
    stream?: boolean | null;
    stream_options?: unknown;
    tools?: { function: { name: string } }[] | null;
    tool_choice?: unknown;
    messages: { role: string; content?: unknown; tool_calls?: unknown[] | null }[];
  },
  bad: Bad,
) {
  // DeepSeek l.285: stream_options "当 stream 为 true 时，可设置".
  if (b.stream_options && !b.stream) bad("stream_options may only be set when stream is true", ["stream_options"]);
  const names = new Set((b.tools ?? []).map((t) => t.function.name));
  if (b.tool_choice === "required" && !names.size) bad('tool_choice "required" needs tools', ["tool_choice"]);
  if (b.tool_choice && typeof b.tool_choice === "object") {
    const name = (b.tool_choice as { function: { name: string } }).function.name;
    if (!names.has(name))
      bad(`tool_choice names "${name}", which is not in tools`, ["tool_choice", "function", "name"]);
  }
  // DeepSeek l.205: "messages.content 与 messages.tool_calls 至少填写其一".
  b.messages.forEach((m, i) => {
    const empty = m.content === undefined || m.content === null || m.content === "";
    if (m.role === "assistant" && empty && !m.tool_calls?.length)
      bad("an assistant message needs content or tool_calls", ["messages", i, "content"]);
  });
}

const badOf =
  (ctx: z.RefinementCtx): Bad =>
  (message, path, code) =>
    code ? addIssue(ctx, message, path, code) : ctx.addIssue({ code: "custom", message, path });

/** GPT-5.4: every row of the doc's table (l.51–64). */
export const gpt54Body = z
  .object({
    model: z.string().min(1),
    messages: messages(gptContent),
    stream: z.boolean().nullish(),
    // Not in the table; the family is OpenAI-compatible and usage on streams is OpenAI's stream_options.
    stream_options: streamOptions,
    // l.56: no upper bound ("需结合模型上下文限制设置").
    max_tokens: z.number().int().min(1).nullish(),
    temperature: range(GPT54.temperatureMin, GPT54.temperatureMax),
    thinking_enabled: z.boolean().nullish(),
    reasoning_effort: z.enum(GPT54.reasoningEfforts).nullish(),
    tools,
    tool_choice: toolChoice,
    response_format: responseFormat,
    input_compliance_check: z.boolean().nullish(),
    output_compliance_check: z.boolean().nullish(),
  })
  .superRefine((b, ctx) => shared(b, badOf(ctx)));
export type Gpt54Body = z.infer<typeof gpt54Body>;

const DATA_IMAGE = /^data:image\/[a-z0-9.+-]+;base64,[A-Za-z0-9+/=\r\n]+$/i;
const DATA_VIDEO = /^data:video\/[a-z0-9.+-]+;base64,[A-Za-z0-9+/=\r\n]+$/i;
const HTTP_URL = /^https?:\/\/[^\s/]+/i;

function checkParts(content: unknown, path: (string | number)[], bad: Bad) {
  if (!Array.isArray(content)) return;
  (content as DeepSeekPart[]).forEach((p, j) => {
    const at = [...path, j];
    if (p.type === "image_url") {
      const url = p.image_url.url;
      // Error table l.1158–1159.
      if (!url) bad("Empty base64 image url", [...at, "image_url", "url"], "InvalidImageURL.EmptyURL");
      else if (url.startsWith("data:") ? !DATA_IMAGE.test(url) : !HTTP_URL.test(url))
        bad("Invalid base64 image url", [...at, "image_url", "url"], "InvalidImageURL.InvalidFormat");
      for (const [lim, where] of [
        [p.image_pixel_limit, ["image_pixel_limit"]],
        [p.image_url.image_pixel_limit, ["image_url", "image_pixel_limit"]],
      ] as const) {
        if (!lim) continue;
        for (const k of ["min_pixels", "max_pixels"] as const) {
          const v = lim[k];
          if (v !== undefined && (v < DEEPSEEK.pixelsMin || v > DEEPSEEK.pixelsMax))
            bad(`${k} must be in [${DEEPSEEK.pixelsMin}, ${DEEPSEEK.pixelsMax}]`, [...at, ...where, k]);
        }
        if (lim.min_pixels !== undefined && lim.max_pixels !== undefined && lim.min_pixels > lim.max_pixels)
          bad("min_pixels must not exceed max_pixels", [...at, ...where]);
      }
    } else if (p.type === "video_url") {
      const url = p.video_url.url;
      if (!url) bad("video_url.url must not be empty", [...at, "video_url", "url"]);
      else if (url.startsWith("data:") ? !DATA_VIDEO.test(url) : !HTTP_URL.test(url))
        bad("video_url.url must be a URL or a base64 data URL", [...at, "video_url", "url"]);
      if (p.fps !== undefined && p.fps !== null) {
        const fps = Number(p.fps);
        if (!Number.isFinite(fps) || fps < DEEPSEEK.fpsMin || fps > DEEPSEEK.fpsMax)
          bad(`fps must be in [${DEEPSEEK.fpsMin}, ${DEEPSEEK.fpsMax}]`, [...at, "fps"]);
      }
    }
  });
}

/** DeepSeek-v3.2: every documented field and range (l.55–487). */
export const deepseekBody = z
  .object({
    model: z.string().min(1),
    messages: messages(deepseekContent),
    thinking: z.object({ type: z.enum(DEEPSEEK.thinkingTypes) }).nullish(),
    stream: z.boolean().nullish(),
    stream_options: streamOptions,
    max_tokens: z.number().int().min(1).max(DEEPSEEK.maxTokensMax).nullish(),
    max_completion_tokens: z
      .number()
      .int()
      .min(DEEPSEEK.maxCompletionTokensMin)
      .max(DEEPSEEK.maxCompletionTokensMax)
      .nullish(),
    service_tier: z.enum(DEEPSEEK.serviceTiers).nullish(),
    reasoning_effort: z.enum(DEEPSEEK.reasoningEfforts).nullish(),
    response_format: responseFormat,
    frequency_penalty: range(DEEPSEEK.penaltyMin, DEEPSEEK.penaltyMax),
    presence_penalty: range(DEEPSEEK.penaltyMin, DEEPSEEK.penaltyMax),
    temperature: range(DEEPSEEK.temperatureMin, DEEPSEEK.temperatureMax),
    top_p: range(DEEPSEEK.topPMin, DEEPSEEK.topPMax),
    tools,
    parallel_tool_calls: z.boolean().nullish(),
    tool_choice: toolChoice,
  })
  .superRefine((b, ctx) => {
    const bad = badOf(ctx);
    shared(b, bad);
    // l.314: "不可与 max_tokens 字段同时设置"
    if (b.max_tokens != null && b.max_completion_tokens != null)
      bad("max_tokens and max_completion_tokens cannot both be set", ["max_completion_tokens"]);
    b.messages.forEach((m, i) => checkParts(m.content, ["messages", i, "content"], bad));
  });
export type DeepSeekBody = z.infer<typeof deepseekBody>;

export type ChatBody = Gpt54Body | DeepSeekBody;

/** Which model a wire `model` code is. */
export function chatFlavor(model: string): ChatFlavor | undefined {
  if (model === GPT54_CODE) return "gpt-5.4";
  if (model === DEEPSEEK_CODE) return "deepseek-v3.2";
  return undefined;
}

export const chatBodyFor = (flavor: ChatFlavor) => (flavor === "gpt-5.4" ? gpt54Body : deepseekBody);
