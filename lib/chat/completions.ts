import "server-only";
import type { NextRequest } from "next/server";
import type { Caller } from "@/lib/auth/caller";
import { readBodyText } from "@/lib/api/request-guards";
import { AfterFirstByte, ServerTiming } from "@/lib/api/server-timing";
import { consumeLater } from "@/lib/auth/rate-limit";
import { AppError } from "@/lib/errors";
import { config } from "@/lib/config";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics";
import {
  notifyNear,
  releaseChatTurn,
  reserveChatTurn,
  settleChatTurn,
  type ChatReservation,
} from "@/lib/spend/chat-ledger";
import { teamWithoutBudgets } from "@/lib/spend/budgets";
import { td, TdError } from "@/lib/td";
import { GPT54_MODEL } from "@/lib/td/chat-schema";
import { GatewayError, gatewayErrorFromTd, parseGatewayRequest } from "./gateway";
import { relay, sseEvent, SSE_HEADERS, type RelayOutcome } from "./relay";
import { UsageWatch } from "./usage-watch";

// The gateway's whole request: who is asking, the body, TD's answer relayed with a closing error event when it
// breaks off. Both routes (/api/v1/chat/completions and the OpenAI-compatible /api/openai/v1/chat/completions)
// are this one handler. The hot path does no database write before the first byte: counting the request and
// touching the token wait in `later` (Server-Timing shows where the time goes). The one write before the first
// byte is the turn's ledger reservation: with budgets, made (with its check, in one transaction) before TD is
// called, so a refused turn sends nothing upstream; without, written while TD works on the first token (which
// waits for it). It is settled from TD's usage, or released, after the last byte.

/**
 * What the handler needs of a request: its headers, a signal that fires when the client goes away, and its body
 * as text within a limit (a 413 naming the limit beyond it). The routes make one from Next's request; the
 * production server's fast lane (lib/chat/fast-lane.ts) from Node's, without Next's request objects.
 */
export interface GatewayRequest {
  readonly headers: Headers;
  readonly signal: AbortSignal;
  text(limit: number): Promise<string>;
}

/** A route's request, as the handler takes it. */
export function gatewayRequest(req: NextRequest): GatewayRequest {
  return { headers: req.headers, signal: req.signal, text: (limit) => readBodyText(req, limit) };
}

/** The answer to one gateway request: TD's JSON, or its SSE bytes as they arrive (`stream: true`). */
export async function handleChatCompletions(
  req: GatewayRequest,
  authorized: (later: AfterFirstByte) => Promise<Caller>,
): Promise<Response> {
  const timing = new ServerTiming();
  const t0 = performance.now();
  const later = new AfterFirstByte();
  let reservation: ChatReservation | undefined;
  try {
    const caller = await authorized(later);
    timing.mark("auth");
    await consumeLater("chat", caller.userId, later);
    timing.mark("limit");
    const c = config();
    const text = await req.text(c.STUDIO_CHAT_BODY_LIMIT);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new GatewayError(400, "invalid_request_error", "invalid_json", "The request body is not valid JSON.");
    }
    const g = parseGatewayRequest(json, c.TD_GPT54_MODEL_CODE);
    timing.mark("parse");
    const extra: Record<string, string> = g.ignored.length ? { "X-Studio-Ignored-Params": g.ignored.join(", ") } : {};
    // The reservation (one insert) always exists before the answer's first byte. When a budget could refuse the
    // turn, it is made before TD hears anything. A stream of a team without budgets (nothing could refuse it) is
    // recorded once TD has the request, while TD works on its first token; that first byte waits for the record.
    const model = g.flavor === "gpt-5.4" ? GPT54_MODEL : g.body.model;
    let reserving: Promise<ChatReservation> | undefined;
    const reserve = () => {
      reserving ??= reserveChatTurn(caller, model, g.body).then((t) => (reservation = t));
      reserving.catch(() => undefined); // awaited where it matters; never an unhandled rejection meanwhile
      return reserving;
    };
    if (!g.stream || !(await teamWithoutBudgets(caller.teamId))) await reserve();
    timing.mark("reserve");
    if (!g.stream) {
      const turn = await reserve();
      later.add(() => notifyNear(turn));
      const r = await td().chat.complete(g.body, req.signal);
      timing.mark("upstream");
      const usage = (r.data as { usage?: unknown }).usage;
      later.add(() =>
        usage && typeof usage === "object"
          ? settleChatTurn(turn, usage as Record<string, unknown>)
          : releaseChatTurn(turn, false),
      );
      later.run();
      return Response.json(r.data, {
        headers: { ...extra, "X-Request-Id": r.requestId, "Server-Timing": timing.header() },
      });
    }
    const abort = new AbortController();
    req.signal.addEventListener("abort", () => abort.abort(new DOMException("The client went away.", "AbortError")), {
      once: true,
    });
    // The ledger needs TD's usage chunk: asked for always; taken out again when the client did not ask for it.
    const askedUsage = !!g.body.stream_options?.include_usage;
    const body = askedUsage ? g.body : { ...g.body, stream_options: { ...g.body.stream_options, include_usage: true } };
    const { response, requestId } = await td().chat.streamRaw(body, abort.signal);
    timing.mark("upstream");
    if (!response.body)
      throw new GatewayError(502, "api_error", "upstream_malformed", "TD answered a stream request without a body.");
    const recorded = reserve();
    later.add(() => recorded.then(notifyNear));
    const watch = new UsageWatch();
    const upstream = (askedUsage ? response.body : response.body.pipeThrough(watch.stripUsageChunks())).pipeThrough(
      afterRecorded(recorded),
    );
    const stream = relay(upstream, {
      abort,
      idleMs: c.TD_TIMEOUT_MS,
      tap: doneWatcher(
        later,
        askedUsage ? watch : undefined,
        (o) =>
          recorded.then((turn) =>
            watch.usage ? settleChatTurn(turn, watch.usage) : releaseChatTurn(turn, o.kind !== "canceled"),
          ),
        () => metrics().chatTtft.observe({ model }, (performance.now() - t0) / 1000),
      ),
    });
    return new Response(stream, {
      headers: { ...SSE_HEADERS, ...extra, "X-Request-Id": requestId, "Server-Timing": timing.header() },
    });
  } catch (e) {
    // Nothing reached TD, or TD refused it: the turn is not charged.
    const r = reservation;
    if (r) later.add(() => releaseChatTurn(r, !(e instanceof TdError && e.kind === "aborted")));
    later.run();
    return gatewayErrorResponse(e);
  }
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
  log("chat-gateway").error({ err: e }, "unexpected error");
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

/**
 * The answer's bytes pass once the turn's reservation is written (at once, normally: it was written while TD worked
 * on its first token). A reservation that could not be written stops the answer with an error event, and the relay
 * cuts TD's stream off: nothing is relayed that the ledger does not know.
 */
function afterRecorded(recorded: Promise<unknown>): TransformStream<Uint8Array, Uint8Array> {
  let ready = false;
  return new TransformStream({
    async transform(chunk, ctl) {
      if (!ready) {
        await recorded.catch(() => {
          throw new Error("The studio could not record this turn in its ledger, so the answer was stopped.");
        });
        ready = true;
      }
      ctl.enqueue(chunk);
    },
  });
}

const DONE = new TextEncoder().encode("[DONE]");

/**
 * The gateway stores no message, so its observer keeps the last bytes (and, when the client's stream carries
 * it, reads the usage for the ledger): a stream that breaks off before `data: [DONE]` gets one OpenAI-style
 * error event, which OpenAI's clients raise as an APIError. `settle` runs after the last byte.
 */
function doneWatcher(
  later: AfterFirstByte,
  watch: UsageWatch | undefined,
  settle: (o: RelayOutcome) => unknown,
  firstByte: () => void,
) {
  let tail: Uint8Array = new Uint8Array(0);
  let first = true;
  return {
    chunk(bytes: Uint8Array) {
      if (first) {
        first = false;
        firstByte();
      }
      later.run(); // the first chunk is on its way: the deferred writes may run now (once)
      tail = bytes.length >= 16 ? bytes.subarray(bytes.length - 16) : concatTail(tail, bytes);
      watch?.see(bytes);
    },
    end(o: RelayOutcome) {
      later.run();
      later.add(() => settle(o));
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
