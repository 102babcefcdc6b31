import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { authorizeBearer, withRequestLog } from "@/lib/api/handler";
import { tooLarge } from "@/lib/api/request-guards";
import { SECURITY_HEADERS } from "@/lib/api/security-headers";
import type { Permission } from "@/lib/auth/permissions";
import { log } from "@/lib/log";
import { gatewayErrorResponse, handleChatCompletions, type GatewayRequest } from "./completions";

// The chat gateway's hot path, beside Next.js's router. Next's own handling of a request (routing, the headers of
// next.config.ts, its request and response objects) and the Web objects made for it (a Request, a URL, a body
// stream) cost about 2 ms of a request's time to first token on a quiet 2-core machine: the gateway's whole budget
// (bench:chat). The production server (scripts/server.js) hands the two completions paths to this lane when the
// caller is an API token: the same handler as the routes (request id, caller and `chat:use`, rate limits, body limit,
// ledger) fed straight from Node's request, and the answer written straight to Node's response. Every other request
// (a browser's session cookie, other methods), and every request under `next dev`, goes through Next and the routes
// in app/, which stay the definition of both endpoints.

/** The permission both routes declare (authorize(req, "chat:use")); a test holds the two together. */
export const FAST_LANE_ACCESS = "chat:use" satisfies Permission;

/** The paths the lane answers. */
export const FAST_LANE_PATHS: ReadonlySet<string> = new Set([
  "/api/v1/chat/completions",
  "/api/openai/v1/chat/completions",
]);

/** What the production server finds on globalThis once instrumentation.ts has run. */
export interface FastLane {
  /** Whether this request is the lane's: a POST to one of its paths, with a bearer token. */
  takes(req: IncomingMessage): boolean;
  serve(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

export const fastLane: FastLane = {
  takes(req) {
    const url = req.url;
    if (req.method !== "POST" || !url || !/^bearer /i.test(req.headers.authorization ?? "")) return false;
    const q = url.indexOf("?");
    return FAST_LANE_PATHS.has(q < 0 ? url : url.slice(0, q));
  },
  serve,
};

/** Server-Timing entry that says an answer came through the lane (benchmarks and tests read it). */
export const LANE_TIMING = 'lane;desc="direct"';

async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
  // The client went away (or the socket broke): the handler's signal aborts TD's call and settles the turn.
  const gone = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) gone.abort(new DOMException("The client went away.", "AbortError"));
  });
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    try {
      headers.append(raw[i], raw[i + 1]);
    } catch {
      /* a value Node accepted and the Fetch standard does not: no header the gateway reads */
    }
  }
  const gr: GatewayRequest = { headers, signal: gone.signal, text: (limit) => bodyText(req, limit) };
  let answer: Response;
  try {
    answer = await withRequestLog(gr, () =>
      handleChatCompletions(gr, (later) => authorizeBearer(headers, FAST_LANE_ACCESS, later)),
    );
  } catch (err) {
    // The handler answers every error itself; this is a bug in the lane, never shown in detail.
    log("chat-gateway").error({ err }, "fast lane failed");
    answer = gatewayErrorResponse(err);
  }
  await writeAnswer(answer, res);
}

/** The body as text, refused (413, naming the limit) past `limit` bytes: as readBodyText does for the routes. */
function bodyText(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        cleanup();
        req.resume(); // the rest is read and dropped, so the connection can answer
        reject(tooLarge(limit));
      } else chunks.push(c);
    };
    const onEnd = () => {
      cleanup();
      resolve(chunks.length === 1 ? chunks[0].toString("utf8") : Buffer.concat(chunks).toString("utf8"));
    };
    const onError = (e?: Error) => {
      cleanup();
      reject(e ?? new DOMException("The client went away.", "AbortError"));
    };
    const onClose = () => {
      if (!req.complete) onError();
    };
    const cleanup = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("close", onClose);
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("close", onClose);
  });
}

async function writeAnswer(answer: Response, res: ServerResponse): Promise<void> {
  res.statusCode = answer.status;
  for (const { key, value } of SECURITY_HEADERS) res.setHeader(key, value);
  answer.headers.forEach((value, key) => {
    if (key === "set-cookie") return;
    res.setHeader(key, key === "server-timing" ? `${value}, ${LANE_TIMING}` : value);
  });
  const cookies = answer.headers.getSetCookie();
  if (cookies.length) res.setHeader("set-cookie", cookies);
  if (!answer.headers.has("server-timing")) res.setHeader("server-timing", LANE_TIMING);
  if (!answer.body) {
    res.end();
    return;
  }
  // An event stream's headers go out at once (clients show "connected"); a JSON answer's with its body.
  if ((answer.headers.get("content-type") ?? "").startsWith("text/event-stream")) res.flushHeaders();
  const reader = answer.body.getReader();
  const stop = () => void reader.cancel().catch(() => undefined);
  res.once("close", stop);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      // Each chunk is written as it comes (TD's SSE events are never held back); a slow client holds the
      // next read until it has taken this one.
      if (!res.write(value)) await drained(res);
      if (res.destroyed) return;
    }
    res.end();
  } catch {
    // The answer's stream failed after its headers: the handler has already written its closing error event
    // when it could; cut the connection so the client does not wait for more.
    res.destroy();
  } finally {
    res.off("close", stop);
  }
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.once("drain", done);
    res.once("close", done);
  });
}
