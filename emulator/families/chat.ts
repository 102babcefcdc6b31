import { randomBytes, randomUUID } from "node:crypto";
import { chatBodyFor as chatBodySchema, chatFlavor, type ChatBody, type ChatFlavor } from "../spec/chat";
import { issueCode } from "../spec/common";
import type { EmuContext, FamilyModule } from "../server";
import type { EmuRequest } from "../types";
import { lastUser, planAnswer, textOf, type AnswerPlan } from "./chat-answer";

// GPT-5.4 (T0310001) and DeepSeek-v3.2 (T0106004): OpenAI-compatible chat completions, streamed as SSE.

const PATH = /^\/model\/openai\/api\/v3\/chat\/completions$/;
// Faults named in the last user message. `content_filter` has an underscore, which the shared
// marker syntax of faults.ts does not take: chat reads its own markers.
const FAULT = /\[\[fault:([a-z0-9_]+)\]\]/gi;
const SLOW = /\[\[slow:(\d{1,5})\]\]/i;
const CHAT_FAULTS = ["429", "500", "hang", "drop", "malformed", "sensitive", "content_filter"] as const;
type ChatFault = (typeof CHAT_FAULTS)[number];

// The DeepSeek doc's error table gives a Type per status; GPT-5.4 documents only the statuses.
const TYPE: Record<number, string> = {
  400: "BadRequest",
  401: "Unauthorized",
  403: "Forbidden",
  404: "NotFound",
  429: "TooManyRequests",
  500: "InternalServerError",
};
// The doc's response `model` values: GPT-5.4 names its version, DeepSeek echoes the code.
const RESPONSE_MODEL: Record<ChatFlavor, (code: string) => string> = {
  "gpt-5.4": () => "gpt-5.4-2026-03-05",
  "deepseek-v3.2": (code) => code,
};

/** Ark-style server request id, as in the DeepSeek doc (e.g. 0217426318107460cfa43dc3f3683b1de1c…). */
function arkId(): string {
  return `02${Date.now()}${randomBytes(20).toString("hex")}`;
}

/** `{error:{code,message,param,type}}` with the documented Type for the status. */
function fail(ctx: EmuContext, r: EmuRequest, status: number, code: string, message: string) {
  ctx.json(r, status, { error: { code, message, param: "", type: TYPE[status] ?? "BadRequest" } });
}

export const chat: FamilyModule = (ctx) => [
  {
    method: "POST",
    pattern: PATH,
    family: "chat",
    auth: true,
    async handler(r) {
      r.log.op = "chat";
      const rid = arkId();
      const raw = (r.body ?? {}) as { model?: unknown; messages?: unknown };
      const missing =
        typeof raw.model !== "string" || !raw.model ? "model" : raw.messages === undefined ? "messages" : undefined;
      if (missing)
        return fail(
          ctx,
          r,
          400,
          "MissingParameter",
          `The request failed because it is missing one or multiple required parameters (${missing}). Request ID: ${rid}`,
        );
      const model = raw.model as string;
      r.log.model = model;
      const flavor = chatFlavor(model);
      if (!flavor)
        return fail(
          ctx,
          r,
          404,
          "InvalidEndpointOrModel.NotFound",
          `The model or endpoint ${model} does not exist or you do not have access to it. Request ID: ${rid}`,
        );
      const parsed = chatBodySchema(flavor).safeParse(raw);
      if (!parsed.success) {
        // An issue that names a documented code (InvalidImageURL.*) wins over the generic one.
        const issues = parsed.error.issues;
        const tdCode = (i: (typeof issues)[number]) => issueCode(i)?.code;
        const coded = issues.find(tdCode);
        const i = coded ?? issues[0];
        const code = (coded && tdCode(coded)) ?? "InvalidParameter";
        const where = i.path.join(".") || "body";
        const message = coded
          ? `${i.message} (${where})`
          : `One or more parameters specified in the request are not valid: ${where}: ${i.message}. Request ID: ${rid}`;
        return fail(ctx, r, 400, code, message);
      }
      const body = parsed.data as ChatBody;
      const marked = textOf(lastUser(body.messages));
      const fault = faultIn(marked);
      const gap = Number(SLOW.exec(marked)?.[1] ?? ctx.opts.chatChunkMs);
      if (fault) r.log.fault = fault;
      switch (fault) {
        case "429":
          return fail(
            ctx,
            r,
            429,
            "RateLimitExceeded.EndpointRPMExceeded",
            `The Requests Per Minute (RPM) limit of the associated endpoint for your account has been exceeded. Request ID: ${rid}`,
          );
        case "500":
          return fail(
            ctx,
            r,
            500,
            "InternalServiceError",
            `The service encountered an unexpected internal error. Please retry later. Request ID: ${rid}`,
          );
        case "sensitive":
          return fail(
            ctx,
            r,
            400,
            "InputTextRiskDetection",
            `The request could not be processed because the input text includes sensitive content that violates ContentSecurityDetection.ARKRequest ID:${rid};CSDRequestId:${randomUUID()};Label:emulated;SubLabel:emulated`,
          );
        case "hang":
          ctx.fault(r, "hang");
          return ctx.json(r, 200, {}); // holds the connection, headers unsent, then closes it
      }
      const plan = planAnswer(flavor, body, { contentFilter: fault === "content_filter" });
      // GPT-5.4: a refused answer is a 400 without streaming ("非流式请求返回400错误"); the code is not documented.
      if (
        fault === "content_filter" &&
        flavor === "gpt-5.4" &&
        !body.stream &&
        (body as { output_compliance_check?: boolean | null }).output_compliance_check
      ) {
        return fail(
          ctx,
          r,
          400,
          "OutputTextRiskDetection",
          `The response could not be returned because the output text includes sensitive content. Request ID: ${rid}`,
        );
      }
      const meta = {
        flavor,
        id: flavor === "gpt-5.4" ? randomUUID() : rid,
        created: Math.floor(Date.now() / 1000),
        model: RESPONSE_MODEL[flavor](model),
      };
      if (body.stream) return streamAnswer(ctx, r, body, plan, meta, gap, fault);
      if (fault === "drop" || fault === "malformed") ctx.fault(r, fault);
      const tokens = plan.reasoning.length + plan.content.length + (plan.toolCall ? 1 : 0);
      if (!(await pause(r, ctx.opts.chatFirstTokenMs + tokens * gap))) return disconnected(r);
      ctx.json(r, 200, completion(plan, meta));
    },
  },
];

function faultIn(text: string): ChatFault | undefined {
  for (const m of text.matchAll(FAULT)) {
    const name = m[1].toLowerCase() as ChatFault;
    if (CHAT_FAULTS.includes(name)) return name;
  }
  return undefined;
}

interface Meta {
  flavor: ChatFlavor;
  id: string;
  created: number;
  model: string;
}

function usage(
  plan: AnswerPlan,
  meta: Meta,
  reasoning = plan.reasoning.length,
  content = plan.content.length + (plan.toolCall ? 1 : 0),
) {
  const completion = reasoning + content;
  const base = {
    prompt_tokens: plan.promptTokens,
    completion_tokens: completion,
    total_tokens: plan.promptTokens + completion,
  };
  return meta.flavor === "gpt-5.4"
    ? {
        ...base,
        prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
        completion_tokens_details: {
          reasoning_tokens: reasoning,
          audio_tokens: 0,
          accepted_prediction_tokens: 0,
          rejected_prediction_tokens: 0,
        },
      }
    : {
        ...base,
        prompt_tokens_details: { cached_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: reasoning },
      };
}

function toolCalls(plan: AnswerPlan, streaming: boolean) {
  if (!plan.toolCall) return undefined;
  const { id, name, arguments: args } = plan.toolCall;
  return [{ ...(streaming ? { index: 0 } : {}), id, type: "function", function: { name, arguments: args } }];
}

/** Shaped like each doc's example (DeepSeek adds logprobs and service_tier). */
function completion(plan: AnswerPlan, meta: Meta) {
  const message: Record<string, unknown> = {
    role: "assistant",
    content: plan.toolCall && !plan.content.length ? null : plan.content.join(""),
  };
  if (plan.reasoning.length) message.reasoning_content = plan.reasoning.join("");
  const calls = toolCalls(plan, false);
  if (calls) message.tool_calls = calls;
  const ds = meta.flavor === "deepseek-v3.2";
  return {
    id: meta.id,
    object: "chat.completion",
    created: meta.created,
    model: meta.model,
    ...(ds ? { service_tier: "default" } : {}),
    choices: [{ index: 0, message, ...(ds ? { logprobs: null } : {}), finish_reason: plan.finish }],
    usage: usage(plan, meta),
  };
}

/** Wait, or stop early when the client goes away; resolves false if it did. */
function pause(r: EmuRequest, ms: number): Promise<boolean> {
  if (r.res.destroyed) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onClose = () => {
      clearTimeout(t);
      resolve(false);
    };
    const t = setTimeout(() => {
      r.res.off("close", onClose);
      resolve(true);
    }, ms);
    r.res.once("close", onClose);
  });
}

/** 499 (nginx's "client closed request"): the client went away before the answer was complete. */
function disconnected(r: EmuRequest) {
  r.log.status = 499;
}

async function streamAnswer(
  ctx: EmuContext,
  r: EmuRequest,
  body: ChatBody,
  plan: AnswerPlan,
  meta: Meta,
  gap: number,
  fault: ChatFault | undefined,
) {
  const res = r.res;
  const ds = meta.flavor === "deepseek-v3.2";
  const includeUsage = !!body.stream_options?.include_usage;
  const chunkUsage = ds && !!body.stream_options?.chunk_include_usage;
  res.writeHead(200, {
    "Content-Type": "text/event-stream",
    "Cache-Control": "no-cache",
    Connection: "keep-alive",
    "X-Accel-Buffering": "no",
  });
  res.flushHeaders();
  r.log.status = 200;
  let reasoningSent = 0;
  let contentSent = 0;
  const chunk = (delta: Record<string, unknown> | undefined, finish?: string) => {
    const choice: Record<string, unknown> = { delta: { ...delta, role: "assistant" }, index: 0 };
    // DeepSeek's example leaves finish_reason out until the end; OpenAI sends null.
    if (finish) choice.finish_reason = finish;
    else if (!ds) choice.finish_reason = null;
    return {
      choices: [choice],
      created: meta.created,
      id: meta.id,
      model: meta.model,
      ...(ds ? { service_tier: "default" } : {}),
      object: "chat.completion.chunk",
      ...(ds || includeUsage ? { usage: chunkUsage ? usage(plan, meta, reasoningSent, contentSent) : null } : {}),
    };
  };
  // Everything the model "generates", one SSE event per gap.
  const steps: (() => unknown)[] = [
    ...plan.reasoning.map((t) => () => (reasoningSent++, chunk({ reasoning_content: t }))),
    ...plan.content.map((t) => () => (contentSent++, chunk({ content: t }))),
    ...(plan.toolCall ? [() => (contentSent++, chunk({ content: null, tool_calls: toolCalls(plan, true) }))] : []),
    () => chunk({ content: "" }, plan.finish),
  ];
  if (!(await pause(r, ctx.opts.chatFirstTokenMs))) return disconnected(r);
  for (let i = 0; i < steps.length; i++) {
    if (i > 0 && !(await pause(r, gap))) return disconnected(r);
    if (fault === "drop" && i === 3) {
      r.log.status = 0;
      res.socket?.destroy(); // the connection dies mid-answer
      return;
    }
    if (fault === "malformed" && i === 2) {
      res.end('data: {"choices":[{"delta":{"content":"trunc\n\n');
      return;
    }
    res.write(`data: ${JSON.stringify(steps[i]())}\n\n`);
  }
  // "在 data: [DONE] 消息之前会返回一个额外的 chunk … choices 字段为空数组"
  if (includeUsage) {
    res.write(
      `data: ${JSON.stringify({ choices: [], created: meta.created, id: meta.id, model: meta.model, ...(ds ? { service_tier: "default" } : {}), object: "chat.completion.chunk", usage: usage(plan, meta) })}\n\n`,
    );
  }
  res.end("data: [DONE]\n\n");
}
