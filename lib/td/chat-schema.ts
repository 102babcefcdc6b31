import { z } from "zod";
import {
  DEEPSEEK_LIMITS,
  DEEPSEEK_REASONING_EFFORTS,
  DEEPSEEK_THINKING_TYPES,
  GPT54_REASONING_EFFORTS,
  IMAGE_DETAILS,
} from "@/lib/catalog/limits";

// Wire schemas of the OpenAI-compatible chat family: GPT-5.4 (T0310001) and DeepSeek-v3.2 (T0106004).
// Docs: shared/td-api/T0310001-yunling11-gpt-5.4-chat.md, T0106004-yunlian9-deepseek-v3.2-chat.md
// The emulator validates requests with these same schemas.

// The GPT-5.4 doc's title says T0320001; its parameter table and example say T0310001 (config may override).
import { DEEPSEEK_V32_MODEL, GPT54_MODEL } from "./chat-ids";

export { DEEPSEEK_V32_MODEL, GPT54_MODEL };
export type ChatFlavor = "gpt-5.4" | "deepseek-v3.2";

export const FINISH_REASONS = ["stop", "length", "tool_calls", "content_filter"] as const;
export type FinishReason = (typeof FINISH_REASONS)[number];

/** Zod issues may carry the documented error code to answer with (the emulator reads it). */
export interface ChatIssueParams {
  tdCode: string;
}

const nullableNumber = (min: number, max: number) => z.number().min(min).max(max).nullish();

// ---- message content parts ----

const textPart = z.object({ type: z.literal("text"), text: z.string() });
const pixelLimit = z
  .object({ max_pixels: z.number().int().optional(), min_pixels: z.number().int().optional() })
  .nullish();
const imagePart = z.object({
  type: z.literal("image_url"),
  image_url: z.object({
    url: z.string(),
    detail: z.enum(IMAGE_DETAILS).nullish(),
    // The doc places image_pixel_limit beside image_url (messages.content.image_pixel_limit); Ark's own API puts it inside: both accepted.
    image_pixel_limit: pixelLimit,
  }),
  image_pixel_limit: pixelLimit,
});
const videoPart = z.object({
  type: z.literal("video_url"),
  video_url: z.object({ url: z.string(), fps: nullableNumber(DEEPSEEK_LIMITS.fpsMin, DEEPSEEK_LIMITS.fpsMax) }),
  // The doc's video example puts `"fps": "2"` beside video_url, as a string: accepted and range-checked too.
  fps: z.union([z.number(), z.string()]).nullish(),
});
// GPT-5.4: "多模态场景下可为数组，包含文本和图片等信息" — text and image parts (OpenAI's detail values are not listed: any string).
const gptImagePart = z.object({
  type: z.literal("image_url"),
  image_url: z.object({ url: z.string(), detail: z.string().nullish() }),
});

const deepseekContent = z.union([z.string(), z.array(z.discriminatedUnion("type", [textPart, imagePart, videoPart]))]);
const gptContent = z.union([z.string(), z.array(z.discriminatedUnion("type", [textPart, gptImagePart]))]);
export type DeepSeekContentPart = Exclude<z.infer<typeof deepseekContent>, string>[number];

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
        // Continuation ("续写模式"): the last message may be a partial assistant message the model goes on with.
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

type Issue = (message: string, path: (string | number)[], tdCode?: string) => void;

/** Rules both models share: stream_options only with stream, tool_choice naming a declared tool, assistant messages carry something. */
function commonRules(
  b: {
    stream?: boolean | null;
    stream_options?: unknown;
    tools?: { function: { name: string } }[] | null;
    tool_choice?: unknown;
    messages: { role: string; content?: unknown; tool_calls?: unknown[] | null }[];
  },
  issue: Issue,
) {
  if (b.stream_options && !b.stream) issue("stream_options may only be set when stream is true", ["stream_options"]);
  const names = new Set((b.tools ?? []).map((t) => t.function.name));
  if (b.tool_choice === "required" && !names.size) issue('tool_choice "required" needs tools', ["tool_choice"]);
  if (b.tool_choice && typeof b.tool_choice === "object") {
    const name = (b.tool_choice as { function: { name: string } }).function.name;
    if (!names.has(name))
      issue(`tool_choice names "${name}", which is not in tools`, ["tool_choice", "function", "name"]);
  }
  b.messages.forEach((m, i) => {
    const empty = m.content === undefined || m.content === null || m.content === "";
    if (m.role === "assistant" && empty && !m.tool_calls?.length)
      issue("an assistant message needs content or tool_calls", ["messages", i, "content"]);
  });
}

function issuer(ctx: z.core.$RefinementCtx): Issue {
  return (message, path, tdCode) =>
    ctx.addIssue({
      code: "custom",
      message,
      path,
      ...(tdCode ? { params: { tdCode } satisfies ChatIssueParams } : {}),
    });
}

// ---- GPT-5.4 ----

/** GPT-5.4 wire body: every field of the doc's table. */
export const gpt54ChatBody = z
  .object({
    model: z.string().min(1),
    messages: messages(gptContent),
    stream: z.boolean().nullish(),
    // Not in the GPT-5.4 table, but the family is OpenAI-compatible and the studio needs usage on streams.
    stream_options: streamOptions,
    // No upper bound documented ("需结合模型上下文限制设置").
    max_tokens: z.number().int().min(1).nullish(),
    temperature: nullableNumber(0, 2),
    thinking_enabled: z.boolean().nullish(),
    reasoning_effort: z.enum(GPT54_REASONING_EFFORTS).nullish(),
    tools,
    tool_choice: toolChoice,
    response_format: responseFormat,
    input_compliance_check: z.boolean().nullish(),
    output_compliance_check: z.boolean().nullish(),
  })
  .superRefine((b, ctx) => commonRules(b, issuer(ctx)));
export type Gpt54ChatBody = z.infer<typeof gpt54ChatBody>;

// ---- DeepSeek-v3.2 ----

const DATA_IMAGE = /^data:image\/[a-z0-9.+-]+;base64,[A-Za-z0-9+/=\r\n]+$/i;
const DATA_VIDEO = /^data:video\/[a-z0-9.+-]+;base64,[A-Za-z0-9+/=\r\n]+$/i;
const HTTP_URL = /^https?:\/\/[^\s/]+/i;

function checkParts(content: unknown, path: (string | number)[], issue: Issue) {
  if (!Array.isArray(content)) return;
  (content as DeepSeekContentPart[]).forEach((p, j) => {
    const at = [...path, j];
    if (p.type === "image_url") {
      const url = p.image_url.url;
      if (!url) issue("Empty base64 image url", [...at, "image_url", "url"], "InvalidImageURL.EmptyURL");
      else if (url.startsWith("data:") ? !DATA_IMAGE.test(url) : !HTTP_URL.test(url)) {
        issue("Invalid base64 image url", [...at, "image_url", "url"], "InvalidImageURL.InvalidFormat");
      }
      for (const [lim, where] of [
        [p.image_pixel_limit, ["image_pixel_limit"]],
        [p.image_url.image_pixel_limit, ["image_url", "image_pixel_limit"]],
      ] as const) {
        if (!lim) continue;
        for (const k of ["min_pixels", "max_pixels"] as const) {
          const v = lim[k];
          if (v !== undefined && (v < DEEPSEEK_LIMITS.pixelsMin || v > DEEPSEEK_LIMITS.pixelsMax)) {
            issue(`${k} must be in [${DEEPSEEK_LIMITS.pixelsMin}, ${DEEPSEEK_LIMITS.pixelsMax}]`, [...at, ...where, k]);
          }
        }
        if (lim.min_pixels !== undefined && lim.max_pixels !== undefined && lim.min_pixels > lim.max_pixels)
          issue("min_pixels must not exceed max_pixels", [...at, ...where]);
      }
    } else if (p.type === "video_url") {
      const url = p.video_url.url;
      if (!url) issue("video_url.url must not be empty", [...at, "video_url", "url"]);
      else if (url.startsWith("data:") ? !DATA_VIDEO.test(url) : !HTTP_URL.test(url))
        issue("video_url.url must be a URL or a base64 data URL", [...at, "video_url", "url"]);
      if (p.fps !== undefined && p.fps !== null) {
        const fps = Number(p.fps);
        if (!Number.isFinite(fps) || fps < DEEPSEEK_LIMITS.fpsMin || fps > DEEPSEEK_LIMITS.fpsMax)
          issue(`fps must be in [${DEEPSEEK_LIMITS.fpsMin}, ${DEEPSEEK_LIMITS.fpsMax}]`, [...at, "fps"]);
      }
    }
  });
}

/** DeepSeek-v3.2 wire body: every documented field and limit. */
export const deepseekChatBody = z
  .object({
    model: z.string().min(1),
    messages: messages(deepseekContent),
    thinking: z.object({ type: z.enum(DEEPSEEK_THINKING_TYPES) }).nullish(),
    stream: z.boolean().nullish(),
    stream_options: streamOptions,
    max_tokens: z.number().int().min(1).max(DEEPSEEK_LIMITS.maxTokensMax).nullish(),
    max_completion_tokens: z.number().int().min(0).max(DEEPSEEK_LIMITS.maxCompletionTokensMax).nullish(),
    service_tier: z.enum(["auto", "default"]).nullish(),
    reasoning_effort: z.enum(DEEPSEEK_REASONING_EFFORTS).nullish(),
    response_format: responseFormat,
    frequency_penalty: nullableNumber(-2, 2),
    presence_penalty: nullableNumber(-2, 2),
    temperature: nullableNumber(0, 2),
    top_p: nullableNumber(0, 1),
    tools,
    parallel_tool_calls: z.boolean().nullish(),
    tool_choice: toolChoice,
  })
  .superRefine((b, ctx) => {
    const issue = issuer(ctx);
    commonRules(b, issue);
    if (b.max_tokens != null && b.max_completion_tokens != null)
      issue("max_tokens and max_completion_tokens cannot both be set", ["max_completion_tokens"]);
    b.messages.forEach((m, i) => checkParts(m.content, ["messages", i, "content"], issue));
  });
export type DeepSeekChatBody = z.infer<typeof deepseekChatBody>;

export type ChatBody = Gpt54ChatBody | DeepSeekChatBody;

/** Which model a wire `model` code is (GPT-5.4's code may be overridden by configuration). */
export function chatFlavor(model: string, gptCode: string = GPT54_MODEL): ChatFlavor | undefined {
  if (model === gptCode) return "gpt-5.4";
  if (model === DEEPSEEK_V32_MODEL) return "deepseek-v3.2";
  return undefined;
}

export function chatBodySchema(flavor: ChatFlavor) {
  return flavor === "gpt-5.4" ? gpt54ChatBody : deepseekChatBody;
}

// ---- responses: tolerant of extra fields and of what the docs mark optional ----

const usage = z.object({
  prompt_tokens: z.number(),
  completion_tokens: z.number(),
  total_tokens: z.number(),
  prompt_tokens_details: z.object({ cached_tokens: z.number().optional() }).loose().nullish(),
  completion_tokens_details: z.object({ reasoning_tokens: z.number().optional() }).loose().nullish(),
});
export type ChatUsage = z.infer<typeof usage>;

const toolCallOut = z.object({
  index: z.number().optional(),
  id: z.string().optional(),
  type: z.string().optional(),
  function: z.object({ name: z.string().optional(), arguments: z.string().optional() }).optional(),
});

const finishReason = z.string().nullish();

export const chatCompletion = z.object({
  id: z.string(),
  object: z.string().optional(),
  created: z.number().optional(),
  model: z.string().optional(),
  service_tier: z.string().nullish(),
  choices: z.array(
    z.object({
      index: z.number().int(),
      message: z.object({
        role: z.string(),
        content: z.string().nullish(),
        reasoning_content: z.string().nullish(),
        tool_calls: z.array(toolCallOut).nullish(),
      }),
      finish_reason: finishReason,
      moderation_hit_type: z.string().nullish(),
    }),
  ),
  usage: usage.nullish(),
});
export type ChatCompletion = z.infer<typeof chatCompletion>;

export const chatChunk = z.object({
  id: z.string().optional(),
  object: z.string().optional(),
  created: z.number().optional(),
  model: z.string().optional(),
  service_tier: z.string().nullish(),
  choices: z
    .array(
      z.object({
        index: z.number().int(),
        delta: z
          .object({
            role: z.string().nullish(),
            content: z.string().nullish(),
            reasoning_content: z.string().nullish(),
            tool_calls: z.array(toolCallOut).nullish(),
          })
          .default({}),
        finish_reason: finishReason,
        moderation_hit_type: z.string().nullish(),
      }),
    )
    .default([]),
  usage: usage.nullish(),
});
export type ChatChunk = z.infer<typeof chatChunk>;
