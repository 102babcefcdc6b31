import { NextResponse, type NextRequest } from "next/server";
import { authorize } from "@/lib/api/handler";
import { readBodyText } from "@/lib/api/request-guards";
import { consume } from "@/lib/auth/rate-limit";
import { AppError } from "@/lib/errors";
import { GatewayError, gatewayErrorFromTd, parseGatewayRequest } from "@/lib/chat/gateway";
import { relay, sseEvent, SSE_HEADERS, type RelayOutcome } from "@/lib/chat/relay";
import { config } from "@/lib/config";
import { td, TdError } from "@/lib/td";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/chat/completions — OpenAI-compatible gateway to TD's chat models (`model`: T0310001 GPT-5.4,
 * T0106004 DeepSeek-v3.2). Each model's documented options pass through after the wire schema checks them;
 * undocumented ones are dropped and named in `X-Studio-Ignored-Params`. `stream: true` forwards TD's SSE
 * bytes as they arrive. Errors use OpenAI's shape {error:{message,type,code,param}} (see lib/chat/gateway.ts).
 */
export async function POST(req: NextRequest): Promise<Response> {
  const t0 = performance.now();
  try {
    const c = config();
    const caller = await authorize(req, "chat:use");
    await consume("chat", caller.userId);
    let json: unknown;
    const text = await readBodyText(req, c.STUDIO_CHAT_BODY_LIMIT);
    try {
      json = JSON.parse(text);
    } catch {
      throw new GatewayError(400, "invalid_request_error", "invalid_json", "The request body is not valid JSON.");
    }
    const g = parseGatewayRequest(json, c.TD_GPT54_MODEL_CODE);
    const extra: Record<string, string> = g.ignored.length ? { "X-Studio-Ignored-Params": g.ignored.join(", ") } : {};
    if (!g.stream) {
      const r = await td().chat.complete(g.body, req.signal);
      return NextResponse.json(r.data, { headers: { ...extra, "X-Request-Id": r.requestId } });
    }
    const abort = new AbortController();
    req.signal.addEventListener("abort", () => abort.abort(new DOMException("The client went away.", "AbortError")), { once: true });
    // Server-Timing: the handler's own work before TD is called (reading, checking), for the latency benchmark.
    const timing = `studio;desc="handler before TD";dur=${(performance.now() - t0).toFixed(2)}`;
    const { response, requestId } = await td().chat.streamRaw(g.body, abort.signal);
    if (!response.body) throw new GatewayError(502, "api_error", "upstream_malformed", "TD answered a stream request without a body.");
    const stream = relay(response.body, { abort, idleMs: c.TD_TIMEOUT_MS, tap: doneWatcher() });
    return new Response(stream, { headers: { ...SSE_HEADERS, ...extra, "X-Request-Id": requestId, "Server-Timing": timing } });
  } catch (e) {
    const err = e instanceof GatewayError ? e : e instanceof TdError ? gatewayErrorFromTd(e) : e instanceof AppError ? gatewayErrorFromApp(e) : undefined;
    if (err) return NextResponse.json(err.toJSON(), { status: err.status, headers: e instanceof AppError && e.details?.retryAfter ? { "Retry-After": String(e.details.retryAfter) } : undefined });
    console.error("[chat gateway]", e);
    return NextResponse.json(new GatewayError(500, "api_error", "internal", "Something went wrong on the studio's side. The error was logged.").toJSON(), { status: 500 });
  }
}

/** The studio's access errors (no token, a reviewer's token, too many requests, too large) in OpenAI's terms. */
function gatewayErrorFromApp(e: AppError): GatewayError {
  const type = e.status === 401 ? "authentication_error" : e.status === 403 ? "permission_error" : e.status === 429 ? "rate_limit_error" : e.status === 404 ? "not_found_error" : "invalid_request_error";
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
      return sseEvent({ error: { message, type: "api_error", code: o.kind === "error" && o.reason === "timeout" ? "upstream_timeout" : "stream_interrupted", param: null } });
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
