export type Family = "chat" | "dashscope" | "ark" | "vod";

export type TdErrorKind = "http" | "upstream" | "network" | "timeout" | "malformed" | "aborted";

/** The one error shape every TD call throws, whatever the protocol family. */
export class TdError extends Error {
  readonly family: Family;
  readonly kind: TdErrorKind;
  readonly httpStatus?: number;
  /** The upstream code (e.g. InvalidParameter, RateLimitExceeded, FailedOperation), or our own for transport faults. */
  readonly code: string;
  readonly upstreamMessage: string;
  /** The requestId we sent with the failing call. */
  readonly requestId: string;
  /** The server-generated request id, when the error body carried one. */
  readonly upstreamRequestId?: string;
  readonly retryable: boolean;
  /** From a 429's `Retry-After` header, when TD sent one. */
  readonly retryAfterMs?: number;

  constructor(init: {
    family: Family;
    kind: TdErrorKind;
    httpStatus?: number;
    code: string;
    message: string;
    requestId: string;
    upstreamRequestId?: string;
    retryable?: boolean;
    retryAfterMs?: number;
  }) {
    super(`[${init.family}] ${init.code}${init.httpStatus ? ` (HTTP ${init.httpStatus})` : ""}: ${init.message}`);
    this.name = "TdError";
    this.family = init.family;
    this.kind = init.kind;
    this.httpStatus = init.httpStatus;
    this.code = init.code;
    this.upstreamMessage = init.message;
    this.requestId = init.requestId;
    this.upstreamRequestId = init.upstreamRequestId;
    this.retryable = init.retryable ?? isRetryable(init.kind, init.httpStatus, init.code);
    this.retryAfterMs = init.retryAfterMs;
  }

  toJSON() {
    return {
      family: this.family,
      kind: this.kind,
      httpStatus: this.httpStatus,
      code: this.code,
      message: this.upstreamMessage,
      requestId: this.requestId,
      upstreamRequestId: this.upstreamRequestId,
      retryable: this.retryable,
    };
  }
}

const RETRYABLE_CODES =
  /^(RequestLimitExceeded|RateLimitExceeded|LimitExceeded\.Qps|InternalError|InternalServiceError|ServiceUnavailable|ServerOverloaded|Throttling)/;

function isRetryable(kind: TdErrorKind, status: number | undefined, code: string): boolean {
  if (kind === "network" || kind === "timeout" || kind === "malformed") return true;
  if (kind === "aborted") return false;
  if (status === 429 || (status !== undefined && status >= 500)) return true;
  return RETRYABLE_CODES.test(code);
}

/** Pull `{code, message, requestId}` out of any of the four families' error bodies. */
export function extractUpstreamError(json: unknown): { code: string; message: string; requestId?: string } | undefined {
  if (!json || typeof json !== "object") return undefined;
  const o = json as Record<string, unknown>;
  // OpenAI / Ark: {error: {code, message, type}}
  if (o.error && typeof o.error === "object") {
    const e = o.error as Record<string, unknown>;
    return {
      code: String(e.code ?? e.type ?? "Unknown"),
      message: String(e.message ?? ""),
      requestId: str(o.request_id),
    };
  }
  // Tencent VOD: {Response: {Error: {Code, Message}, RequestId}}
  if (o.Response && typeof o.Response === "object") {
    const r = o.Response as Record<string, unknown>;
    if (r.Error && typeof r.Error === "object") {
      const e = r.Error as Record<string, unknown>;
      return { code: String(e.Code ?? "Unknown"), message: String(e.Message ?? ""), requestId: str(r.RequestId) };
    }
    return undefined;
  }
  // DashScope: {code, message, request_id}
  if (typeof o.code === "string" && o.code && typeof o.message === "string") {
    return { code: o.code, message: o.message, requestId: str(o.request_id) };
  }
  return undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === "string" && v ? v : undefined;
}
