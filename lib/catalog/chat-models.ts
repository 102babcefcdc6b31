import { z } from "zod";
import {
  DEEPSEEK_V32_MODEL,
  GPT54_MODEL,
  type ChatBody,
  type DeepSeekChatBody,
  type DeepSeekContentPart,
  type Gpt54ChatBody,
} from "@/lib/td/chat-schema";
import type { InputSpec, ModelEntry, PromptSpec } from "./types";
import {
  DEEPSEEK_LIMITS,
  DEEPSEEK_REASONING_EFFORTS,
  DEEPSEEK_THINKING_TYPES,
  GPT54_REASONING_EFFORTS,
  IMAGE_DETAILS,
} from "./limits";

// The chat family: GPT-5.4 (T0310001) and DeepSeek-v3.2 (T0106004).
// Docs: shared/td-api/T0310001-yunling11-gpt-5.4-chat.md, T0106004-yunlian9-deepseek-v3.2-chat.md

// GPT-5.4 documents no input limit; the upstream answers 400 when the context is exceeded.
const gptPrompt: PromptSpec = { required: true, counting: "chars", overLimit: "rejected" };
// DeepSeek: at most 96k input tokens. A token is at least one character here, so 96k characters never
// passes a too-long prompt as short; the studio cannot count Doubao tokens exactly.
const deepseekPrompt: PromptSpec = {
  required: true,
  counting: "chars",
  maxChars: DEEPSEEK_LIMITS.maxInputTokens,
  overLimit: "rejected",
};

const MB = 1024 * 1024;
// The doc accepts "图片链接或图片的Base64编码" and names no format, size or count: the limits below are
// Volcengine Ark's published vision limits (the service behind this model), and the pixel range the doc
// gives for image_pixel_limit (196 … 36,000,000 px) is what the upstream scales images into.
const referenceImage: InputSpec = {
  role: "reference_image",
  kind: "image",
  min: 0,
  max: 10,
  transport: { inline: true },
  limits: {
    maxBytes: 10 * MB,
    mimes: [
      "image/jpeg",
      "image/png",
      "image/webp",
      "image/gif",
      "image/bmp",
      "image/tiff",
      "image/heic",
      "image/heif",
    ],
  },
};
// Videos: link or base64; the audio track is ignored. Frames are sampled at `videoFps` (0.2–5, default 1).
const referenceVideo: InputSpec = {
  role: "reference_video",
  kind: "video",
  min: 0,
  max: 3,
  transport: { inline: true },
  limits: { maxBytes: 50 * MB, mimes: ["video/mp4", "video/quicktime", "video/x-msvideo"] },
};

export const gpt54Params = z.object({
  thinkingEnabled: z
    .boolean()
    .default(false)
    .describe("Think (chain of thought) before answering: slower, uses reasoning tokens"),
  reasoningEffort: z
    .enum(GPT54_REASONING_EFFORTS)
    .optional()
    .describe("How hard to think when thinking is on; omit for the model's default"),
  // "默认值通常为 0.7": the doc's example sends 0.7, and so does the studio.
  temperature: z.number().min(0).max(2).default(0.7).describe("Randomness, 0–2: near 0 precise, near 2 creative"),
  // No upper bound is documented; 128k is GPT-5's published output ceiling.
  maxTokens: z
    .number()
    .int()
    .min(1)
    .max(128_000)
    .optional()
    .describe("Most tokens to generate; omit for the model's limit"),
  inputComplianceCheck: z
    .boolean()
    .default(false)
    .describe("Moderate the input: a refused input is answered with an error"),
  outputComplianceCheck: z
    .boolean()
    .default(false)
    .describe("Moderate the output: a refused answer stops with finish reason content_filter"),
  jsonMode: z.boolean().default(false).describe("Answer with one JSON object (response_format json_object)"),
});
export type Gpt54Params = z.output<typeof gpt54Params>;

export const deepseekParams = z
  .object({
    thinking: z
      .enum(DEEPSEEK_THINKING_TYPES)
      .default("enabled")
      .describe("enabled: always think first; disabled: answer directly; auto: the model decides"),
    reasoningEffort: z
      .enum(DEEPSEEK_REASONING_EFFORTS)
      .default("medium")
      .describe("Thinking depth; minimal turns thinking off"),
    temperature: z
      .number()
      .min(0)
      .max(2)
      .default(DEEPSEEK_LIMITS.temperatureDefault)
      .describe("Sampling temperature, 0–2 (change this or topP, not both)"),
    topP: z.number().min(0).max(1).default(DEEPSEEK_LIMITS.topPDefault).describe("Nucleus sampling threshold, 0–1"),
    maxTokens: z
      .number()
      .int()
      .min(1)
      .max(DEEPSEEK_LIMITS.maxTokensMax)
      .optional()
      .meta({ upstreamDefault: DEEPSEEK_LIMITS.maxTokensDefault })
      .describe(
        `Longest answer in tokens, thinking excluded (upstream default ${DEEPSEEK_LIMITS.maxTokensDefault}, at most 32k)`,
      ),
    maxCompletionTokens: z
      .number()
      .int()
      .min(0)
      .max(DEEPSEEK_LIMITS.maxCompletionTokensMax)
      .optional()
      .describe("Longest output in tokens, thinking included (0–65536); replaces maxTokens"),
    frequencyPenalty: z
      .number()
      .min(-2)
      .max(2)
      .default(0)
      .describe("−2…2: positive values discourage verbatim repetition"),
    presencePenalty: z.number().min(-2).max(2).default(0).describe("−2…2: positive values push towards new topics"),
    jsonMode: z.boolean().default(false).describe("Answer with one JSON object (response_format json_object, beta)"),
    imageDetail: z
      .enum(IMAGE_DETAILS)
      .optional()
      .describe("How finely attached images are read; omit for the model's default"),
    videoFps: z
      .number()
      .min(DEEPSEEK_LIMITS.fpsMin)
      .max(DEEPSEEK_LIMITS.fpsMax)
      .default(DEEPSEEK_LIMITS.fpsDefault)
      .describe("Frames per second sampled from attached videos, 0.2–5"),
  })
  .superRefine((p, ctx) => {
    if (p.maxTokens !== undefined && p.maxCompletionTokens !== undefined) {
      ctx.addIssue({
        code: "custom",
        message: "set maxTokens or maxCompletionTokens, not both",
        path: ["maxCompletionTokens"],
      });
    }
  });
export type DeepSeekParams = z.output<typeof deepseekParams>;

export const chatModels: ModelEntry[] = [
  {
    id: GPT54_MODEL,
    family: "chat",
    kind: "chat",
    name: { zh: "云灵11 · GPT-5.4", en: "GPT-5.4" },
    vendorName: "OpenAI GPT-5.4",
    doc: "T0310001-yunling11-gpt-5.4-chat.md",
    typicalSeconds: 8,
    modes: [{ mode: "chat", prompt: gptPrompt, inputs: [], params: gpt54Params }],
  },
  {
    id: DEEPSEEK_V32_MODEL,
    family: "chat",
    kind: "chat",
    name: { zh: "云联9 · DeepSeek-v3.2", en: "DeepSeek-v3.2 (Doubao)" },
    vendorName: "Doubao DeepSeek-v3.2",
    doc: "T0106004-yunlian9-deepseek-v3.2-chat.md",
    typicalSeconds: 12,
    modes: [{ mode: "chat", prompt: deepseekPrompt, inputs: [referenceImage, referenceVideo], params: deepseekParams }],
  },
];

/** One turn of a studio conversation; attachments are already resolved to a public URL or a data: URL. */
export interface StudioChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
  images?: string[];
  videos?: string[];
}

export interface BuildChatOptions {
  stream?: boolean;
  /** Ask for the final usage chunk on streams (default true). */
  includeUsage?: boolean;
  /** GPT-5.4's wire code (configuration TD_GPT54_MODEL_CODE); defaults to T0310001. */
  modelCode?: string;
}

/**
 * Studio params (catalog names) + conversation → the documented wire body. Params are parsed with the
 * catalog schema first (defaults filled, limits enforced: throws a ZodError when broken). DeepSeek
 * values equal to the documented defaults are left out, so the upstream default applies.
 */
export function buildChatBody(
  model: string,
  messages: StudioChatMessage[],
  params: Record<string, unknown> = {},
  opts: BuildChatOptions = {},
): ChatBody {
  const streamPart = opts.stream
    ? { stream: true, ...(opts.includeUsage === false ? {} : { stream_options: { include_usage: true } }) }
    : {};
  if (model === GPT54_MODEL) {
    const p = gpt54Params.parse(params);
    if (messages.some((m) => m.images?.length || m.videos?.length))
      throw new Error("GPT-5.4 takes text only in the studio");
    const body: Gpt54ChatBody = {
      model: opts.modelCode ?? GPT54_MODEL,
      messages: messages.map((m) => ({ role: m.role, content: m.content })),
      ...streamPart,
      temperature: p.temperature,
    };
    if (p.maxTokens !== undefined) body.max_tokens = p.maxTokens;
    if (p.thinkingEnabled) {
      body.thinking_enabled = true;
      if (p.reasoningEffort) body.reasoning_effort = p.reasoningEffort;
    }
    if (p.jsonMode) body.response_format = { type: "json_object" };
    if (p.inputComplianceCheck) body.input_compliance_check = true;
    if (p.outputComplianceCheck) body.output_compliance_check = true;
    return body;
  }
  if (model === DEEPSEEK_V32_MODEL) {
    const p = deepseekParams.parse(params);
    const body: DeepSeekChatBody = { model, messages: messages.map((m) => deepseekMessage(m, p)), ...streamPart };
    if (p.thinking !== "enabled") body.thinking = { type: p.thinking };
    if (p.thinking !== "disabled" && p.reasoningEffort !== "medium") body.reasoning_effort = p.reasoningEffort;
    if (p.temperature !== DEEPSEEK_LIMITS.temperatureDefault) body.temperature = p.temperature;
    if (p.topP !== DEEPSEEK_LIMITS.topPDefault) body.top_p = p.topP;
    if (p.maxTokens !== undefined) body.max_tokens = p.maxTokens;
    if (p.maxCompletionTokens !== undefined) body.max_completion_tokens = p.maxCompletionTokens;
    if (p.frequencyPenalty !== 0) body.frequency_penalty = p.frequencyPenalty;
    if (p.presencePenalty !== 0) body.presence_penalty = p.presencePenalty;
    if (p.jsonMode) body.response_format = { type: "json_object" };
    return body;
  }
  throw new Error(`${model} is not a chat model`);
}

function deepseekMessage(m: StudioChatMessage, p: DeepSeekParams): DeepSeekChatBody["messages"][number] {
  const images = m.images ?? [];
  const videos = m.videos ?? [];
  if (m.role === "assistant" || (!images.length && !videos.length)) return { role: m.role, content: m.content };
  // Media first, then the question, as in the doc's image and video examples.
  const parts: DeepSeekContentPart[] = [
    ...images.map((url): DeepSeekContentPart => ({
      type: "image_url",
      image_url: p.imageDetail ? { url, detail: p.imageDetail } : { url },
    })),
    ...videos.map((url): DeepSeekContentPart => ({
      type: "video_url",
      video_url: p.videoFps !== DEEPSEEK_LIMITS.fpsDefault ? { url, fps: p.videoFps } : { url },
    })),
  ];
  if (m.content) parts.push({ type: "text", text: m.content });
  return { role: m.role, content: parts };
}
