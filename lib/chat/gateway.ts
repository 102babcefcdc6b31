import { describeIssue } from "@/lib/catalog/validate";
import type { TdError } from "@/lib/td/errors";
import {
  chatBodySchema,
  chatFlavor,
  gpt54ChatBody,
  deepseekChatBody,
  GPT54_MODEL,
  type ChatBody,
  type ChatFlavor,
  type ChatIssueParams,
} from "@/lib/td/chat-schema";

// The public OpenAI-compatible gateway, POST /api/v1/chat/completions: an OpenAI client library points its
// base URL at the studio and never sees the TD key. This module is the pure part (request checks and the
// error mapping), kept apart from the route so unit tests can hold it to the docs.
//
// Errors answer in OpenAI's shape — {error: {message, type, code, param}} — not the studio's REST shape,
// because OpenAI clients parse that shape (and decide on retries from the status) and would otherwise
// show an empty message.

export type OpenAiErrorType =
  | "invalid_request_error"
  | "authentication_error"
  | "permission_error"
  | "not_found_error"
  | "rate_limit_error"
  | "api_error";

export class GatewayError extends Error {
  constructor(
    readonly status: number,
    readonly type: OpenAiErrorType,
    readonly code: string,
    message: string,
    readonly param: string | null = null,
    /** Extra facts beside OpenAI's four fields (e.g. the permission a 403 lacks). */
    readonly extra: Record<string, string | number> = {},
  ) {
    super(message);
  }

  toJSON() {
    return { error: { message: this.message, type: this.type, code: this.code, param: this.param, ...this.extra } };
  }
}

export interface GatewayRequest {
  flavor: ChatFlavor;
  body: ChatBody;
  stream: boolean;
  /** Fields the model does not document: not sent, and named in the X-Studio-Ignored-Params header. */
  ignored: string[];
}

const KEYS: Record<ChatFlavor, Set<string>> = {
  "gpt-5.4": new Set(Object.keys(gpt54ChatBody.shape)),
  "deepseek-v3.2": new Set(Object.keys(deepseekChatBody.shape)),
};

/**
 * Checks an OpenAI-style request against the documented wire schema of the model it names. `model` is the
 * TD model code (T0310001 or T0106004; GPT-5.4's configured code is accepted too and is what goes upstream).
 */
export function parseGatewayRequest(json: unknown, gptCode: string = GPT54_MODEL): GatewayRequest {
  if (!json || typeof json !== "object" || Array.isArray(json))
    throw new GatewayError(400, "invalid_request_error", "invalid_body", "The request body must be a JSON object.");
  const input = { ...(json as Record<string, unknown>) };
  if (typeof input.model !== "string" || !input.model)
    throw new GatewayError(
      400,
      "invalid_request_error",
      "missing_parameter",
      "`model` is required: a TD chat model code, T0310001 (GPT-5.4) or T0106004 (DeepSeek-v3.2).",
      "model",
    );
  const flavor = input.model === GPT54_MODEL ? "gpt-5.4" : chatFlavor(input.model, gptCode);
  if (!flavor)
    throw new GatewayError(
      404,
      "invalid_request_error",
      "model_not_found",
      `The model \`${input.model}\` does not exist here. Chat models: T0310001 (GPT-5.4), T0106004 (DeepSeek-v3.2).`,
      "model",
    );
  if (input.messages === undefined)
    throw new GatewayError(400, "invalid_request_error", "missing_parameter", "`messages` is required.", "messages");
  checkBounds(input.messages);
  if (typeof input.n === "number" && input.n !== 1)
    throw new GatewayError(
      400,
      "invalid_request_error",
      "unsupported_parameter",
      "`n` must be 1: TD answers with one choice.",
      "n",
    );
  // OpenAI's newer clients send max_completion_tokens; GPT-5.4's doc names only max_tokens (the same limit).
  if (flavor === "gpt-5.4" && input.max_completion_tokens != null) {
    if (input.max_tokens != null)
      throw new GatewayError(
        400,
        "invalid_request_error",
        "invalid_parameter",
        "Set max_tokens or max_completion_tokens, not both.",
        "max_completion_tokens",
      );
    input.max_tokens = input.max_completion_tokens;
    delete input.max_completion_tokens;
  }
  const keys = KEYS[flavor];
  const picked: Record<string, unknown> = {};
  const ignored: string[] = [];
  for (const [k, v] of Object.entries(input)) {
    if (keys.has(k)) picked[k] = v;
    else if (v !== null && v !== undefined) ignored.push(k);
  }
  const parsed = chatBodySchema(flavor).safeParse(picked);
  if (!parsed.success) {
    const issue =
      parsed.error.issues.find((i) => i.code === "custom" && (i.params as ChatIssueParams | undefined)?.tdCode) ??
      parsed.error.issues[0];
    const tdCode = issue.code === "custom" ? (issue.params as ChatIssueParams | undefined)?.tdCode : undefined;
    const d = describeIssue(issue);
    const field = d.field || null;
    throw new GatewayError(
      400,
      "invalid_request_error",
      tdCode ?? "invalid_parameter",
      issue.code === "custom" && field ? `${field}: ${issue.message}` : d.message,
      field,
    );
  }
  const body = { ...(parsed.data as ChatBody), model: flavor === "gpt-5.4" ? gptCode : input.model };
  return { flavor, body, stream: body.stream === true, ignored };
}

/** The gateway's own bounds (the body's byte limit is checked by the route before parsing). */
export const GATEWAY_LIMITS = { messages: 2000, textCharacters: 2_000_000, inlineBytes: 12 * 1024 * 1024 } as const;

function checkBounds(messages: unknown) {
  if (!Array.isArray(messages)) return; // the wire schema names the problem
  if (messages.length > GATEWAY_LIMITS.messages) {
    throw new GatewayError(
      400,
      "invalid_request_error",
      "too_many_messages",
      `At most ${GATEWAY_LIMITS.messages} messages per request (got ${messages.length}).`,
      "messages",
    );
  }
  let text = 0;
  let inline = 0;
  const walk = (v: unknown): void => {
    if (typeof v === "string") {
      if (v.startsWith("data:")) inline += Math.floor(((v.length - v.indexOf(",") - 1) * 3) / 4);
      else text += v.length;
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk(messages);
  if (text > GATEWAY_LIMITS.textCharacters) {
    throw new GatewayError(
      400,
      "invalid_request_error",
      "text_too_long",
      `The messages hold ${text} characters of text; the gateway takes at most ${GATEWAY_LIMITS.textCharacters}.`,
      "messages",
    );
  }
  if (inline > GATEWAY_LIMITS.inlineBytes) {
    throw new GatewayError(
      400,
      "invalid_request_error",
      "attachments_too_large",
      `Inline attachments total ${inline} bytes; the gateway takes at most ${GATEWAY_LIMITS.inlineBytes} (send larger files by URL).`,
      "messages",
    );
  }
}

/** A TD failure in OpenAI's terms. Statuses are kept where the meaning carries over. */
export function gatewayErrorFromTd(e: TdError): GatewayError {
  const upstream = `TD answered ${e.httpStatus ? `HTTP ${e.httpStatus} ` : ""}${e.code}: ${e.upstreamMessage}`;
  switch (e.kind) {
    case "aborted":
      return new GatewayError(499, "api_error", "canceled", "The request was cancelled.");
    case "timeout":
      return new GatewayError(504, "api_error", "upstream_timeout", `TD did not answer in time. ${e.upstreamMessage}`);
    case "network":
      return new GatewayError(
        502,
        "api_error",
        "upstream_unreachable",
        `The studio could not reach TD: ${e.upstreamMessage}`,
      );
    case "malformed":
      return new GatewayError(
        502,
        "api_error",
        "upstream_malformed",
        `TD's answer was not in the documented shape: ${e.upstreamMessage}`,
      );
  }
  const s = e.httpStatus ?? 502;
  if (s === 400) return new GatewayError(400, "invalid_request_error", e.code, upstream);
  // The caller's credentials are not involved (the studio holds the TD key): a 401 to the client would
  // send it hunting for a key it never had. It is the studio's configuration that needs fixing.
  if (s === 401)
    return new GatewayError(
      502,
      "api_error",
      "upstream_authentication_failed",
      `TD refused the studio's API key; the studio's TD_API_KEY needs fixing. (${upstream})`,
    );
  if (s === 403) return new GatewayError(403, "permission_error", e.code, upstream);
  if (s === 404) return new GatewayError(404, "not_found_error", e.code, upstream);
  if (s === 429) return new GatewayError(429, "rate_limit_error", e.code, upstream);
  if (s >= 500) return new GatewayError([500, 502, 503, 504].includes(s) ? s : 502, "api_error", e.code, upstream);
  return new GatewayError(502, "api_error", e.code, upstream);
}
