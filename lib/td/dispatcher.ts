import { Readable } from "node:stream";
import { Agent } from "undici";

// One keep-alive connection pool to TD for the whole process. The chat gateway's time to first token pays a
// TCP (and TLS) handshake whenever a connection has to be opened; this agent keeps idle connections for a
// minute (TD's and the emulator's servers keep them longer) and bypasses the framework's patched global fetch.
//
// The calls go through undici's request() rather than its fetch(): fetch runs the whole WHATWG algorithm (a Request
// object, header and body extraction, its promise steps) before the first byte is written, which measured about
// 1 ms per call on a 2-core machine, all of it added to the gateway's time to first token (bench:chat; tcpdump
// showed the studio's request leaving ~2.7 ms after the client's arrived, ~1 ms of it inside fetch). TdHttp only
// needs fetch's shape (status, headers, a body stream, text()), so that is what this returns: a Response around
// request()'s body. What fetch would add and TD does not use is left out: redirects are not followed (TD answers
// none), no Accept-Encoding is sent, so nothing comes back compressed; an error looks as fetch's does (a
// TypeError "fetch failed" with the cause, or the abort signal's reason), so lib/td/http.ts reads both alike.

export interface TdDispatcherOptions {
  /** Idle connections are kept this long (ms). */
  keepAliveMs?: number;
  /** At most this many connections per origin. */
  connections?: number;
}

type FetchLike = (input: string | URL, init?: RequestInit) => Promise<Response>;

export function keepAliveFetch(opts: TdDispatcherOptions = {}): typeof fetch {
  const agent = new Agent({
    keepAliveTimeout: opts.keepAliveMs ?? 60_000,
    keepAliveMaxTimeout: 10 * 60_000,
    connections: opts.connections ?? 256,
    connect: { timeout: 10_000 },
  });
  const call: FetchLike = async (input, init = {}) => {
    const url = typeof input === "string" ? new URL(input) : input;
    const signal = init.signal ?? undefined;
    let answer: Awaited<ReturnType<Agent["request"]>>;
    try {
      answer = await agent.request({
        origin: url.origin,
        path: url.pathname + url.search,
        method: (init.method ?? "GET") as "GET",
        headers: init.headers as Record<string, string> | undefined,
        body: init.body as string | undefined,
        signal,
      });
    } catch (e) {
      if (signal?.aborted) throw signal.reason;
      throw new TypeError("fetch failed", { cause: e });
    }
    const { statusCode, headers, body } = answer;
    const h = new Headers();
    for (const [k, v] of Object.entries(headers)) {
      if (Array.isArray(v)) for (const one of v) h.append(k, one);
      else if (v !== undefined) h.append(k, v);
    }
    // A null-body status (204, 304) must not be given a body; the socket's remainder is read and dropped.
    if (statusCode === 204 || statusCode === 304 || init.method === "HEAD") {
      body.resume();
      return new Response(null, { status: statusCode, headers: h });
    }
    // Once the answer has started, an abort (the client went away, a deadline) ends its body with the signal's
    // reason, as with fetch: the relay and the parsers tell a cancellation from a broken connection by it.
    const stream = Readable.toWeb(body) as ReadableStream<Uint8Array>;
    return new Response(stream, { status: statusCode, headers: h });
  };
  return call as unknown as typeof fetch;
}
