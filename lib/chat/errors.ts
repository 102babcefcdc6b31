import type { TdError } from "@/lib/td/errors";
import type { ChatErrorKind, MessageError } from "./types";

// Upstream failures sorted into the classes the docs define (400 sensitive, 400 invalid, 401, 403, 404,
// 429, 5xx) plus transport faults, so the UI can say in plain words what happened and what to do.

const SENSITIVE = /RiskDetection|Sensitive|ContentSecurity|compliance/i;

export function errorKind(e: { kind: string; httpStatus?: number; code: string }): ChatErrorKind {
  if (e.kind === "timeout") return "timeout";
  if (e.kind === "network") return "network";
  if (e.kind === "malformed") return "malformed";
  const s = e.httpStatus;
  if (SENSITIVE.test(e.code) && (s === undefined || s === 400)) return "sensitive";
  if (s === 400) return "invalid";
  if (s === 401) return "auth";
  if (s === 403) return "forbidden";
  if (s === 404) return "notFound";
  if (s === 429 || /^RateLimit/i.test(e.code)) return "rateLimited";
  if (s !== undefined && s >= 500) return "upstream";
  return "unknown";
}

/** What is kept with the message: the class, the upstream code and message, and the request id TD support asks for. */
export function messageErrorFromTd(e: TdError): MessageError {
  return {
    kind: errorKind(e),
    code: e.code,
    message: e.upstreamMessage.slice(0, 1000),
    ...(e.httpStatus ? { status: e.httpStatus } : {}),
    requestId: e.upstreamRequestId ? `${e.requestId} (${e.upstreamRequestId})` : e.requestId,
  };
}

/** A failure the answer stream itself reported (a broken connection, a chunk that is not JSON, TD's silence). */
export function streamError(
  kind: "network" | "malformed" | "timeout",
  message: string,
  requestId?: string,
): MessageError {
  const code = kind === "network" ? "StreamInterrupted" : kind === "malformed" ? "MalformedResponse" : "Timeout";
  return { kind, code, message, ...(requestId ? { requestId } : {}) };
}
