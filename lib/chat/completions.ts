import "server-only";
import { AppError } from "@/lib/errors";
import { config } from "@/lib/config";
import { td, TdError } from "@/lib/td";
import { GatewayError, gatewayErrorFromTd, parseGatewayRequest } from "./gateway";
import { relay, sseEvent, SSE_HEADERS, type RelayOutcome } from "./relay";

// The gateway's work once the caller is known: parse the body, call TD, and relay its stream with a closing
// error event when it breaks off. The route (app/api/v1/chat/completions) only authorizes and reads the body.

/** The answer to one gateway request: TD's JSON, or its SSE bytes as they arrive (`stream: true`). */
export async function completeChat(text: string, signal: AbortSignal, startedAt: number): Promise<Response> {
  const c = config();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new GatewayError(400, "invalid_request_error", "invalid_json", "The request body is not valid JSON.");
  }
  const g = parseGatewayRequest(json, c.TD_GPT54_MODEL_CODE);
  const extra: Record<string, string> = g.ignored.length ? { "X-Studio-Ignored-Params": g.ignored.join(", ") } : {};
  if (!g.stream) {
    const r = await td().chat.complete(g.body, signal);
    return Response.json(r.data, { headers: { ...extra, "X-Request-Id": r.requestId } });
  }
  const abort = new AbortController();
  signal.addEventListener("abort", () => abort.abort(new DOMException("The client went away.", "AbortError")), {
    once: true,
  });
  // Server-Timing: the handler's own work before TD is called (reading, checking), for the latency benchmark.
  const timing = `studio;desc="handler before TD";dur=${(performance.now() - startedAt).toFixed(2)}`;
  const { response, requestId } = await td().chat.streamRaw(g.body, abort.signal);
  if (!response.body)
    throw new GatewayError(502, "api_error", "upstream_malformed", "TD answered a stream request without a body.");
  const stream = relay(response.body, { abort, idleMs: c.TD_TIMEOUT_MS, tap: doneWatcher() });
  return new Response(stream, {
    headers: { ...SSE_HEADERS, ...extra, "X-Request-Id": requestId, "Server-Timing": timing },
  });
}

/** Any error of a gateway request in OpenAI's shape; an unknown one is logged and never shown. */
export function gatewayErrorResponse(e: unknown): Response {
  const err =
    e instanceof GatewayError
      ? e
      : e instanceof TdError
        ? gatewayErrorFromTd(e)
        : e instanceof AppError
          ? gatewayErrorFromApp(e)
          : undefined;
  if (err)
    return Response.json(err.toJSON(), {
      status: err.status,
      headers:
        e instanceof AppError && e.details?.retryAfter ? { "Retry-After": String(e.details.retryAfter) } : undefined,
    });
  console.error("[chat gateway]", e);
  return Response.json(
    new GatewayError(
      500,
      "api_error",
      "internal",
      "Something went wrong on the studio's side. The error was logged.",
    ).toJSON(),
    { status: 500 },
  );
}

/** The studio's access errors (no token, a reviewer's token, too many requests, too large) in OpenAI's terms. */
function gatewayErrorFromApp(e: AppError): GatewayError {
  const type =
    e.status === 401
      ? "authentication_error"
      : e.status === 403
        ? "permission_error"
        : e.status === 429
          ? "rate_limit_error"
          : e.status === 404
            ? "not_found_error"
            : "invalid_request_error";
  return new GatewayError(e.status, type, e.code, e.message, e.field ?? null, e.details);
}

const DONE = new TextEncoder().encode("[DONE]");

/**
 * The gateway stores nothing, so its observer only keeps the last bytes: a stream that breaks off before
 * `data: [DONE]` gets one OpenAI-style error event, which OpenAI's clients raise as an APIError.
 */
function doneWatcher() {
  let tail: Uint8Array = new Uint8Array(0);
  return {
    chunk(bytes: Uint8Array) {
      tail = bytes.length >= 16 ? bytes.subarray(bytes.length - 16) : concatTail(tail, bytes);
    },
    end(o: RelayOutcome) {
      if (o.kind === "canceled") return undefined;
      if (o.kind === "done" && includes(tail, DONE)) return undefined;
      const message = o.kind === "error" ? o.message : "The answer stream from TD ended before it was complete.";
      return sseEvent({
        error: {
          message,
          type: "api_error",
          code: o.kind === "error" && o.reason === "timeout" ? "upstream_timeout" : "stream_interrupted",
          param: null,
        },
      });
    },
  };
}

function concatTail(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out.subarray(Math.max(0, out.length - 16));
}

function includes(hay: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}
