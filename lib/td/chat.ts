import { chatChunk, chatCompletion, type ChatBody, type ChatChunk, type ChatCompletion } from "./chat-schema";
import { extractUpstreamError, TdError } from "./errors";
import type { TdHttp, TdResult } from "./http";
import { isDone, sseData } from "./sse";

// OpenAI-compatible chat (GPT-5.4 T0310001, DeepSeek-v3.2 T0106004): one path for both models.

export * from "./chat-schema";

export const CHAT_PATH = "/model/openai/api/v3/chat/completions";

export interface ChatCallOptions {
  /**
   * complete(): the whole answer must arrive within this. stream()/streamRaw(): the response headers
   * must, and (stream() only) no gap between two chunks may be longer. Defaults to the client's timeoutMs.
   */
  timeoutMs?: number;
}

export class ChatClient {
  constructor(private readonly http: TdHttp) {}

  /** One non-streaming completion. Sent once: a retried call could bill twice. */
  complete(body: ChatBody, signal?: AbortSignal, opts: ChatCallOptions = {}): Promise<TdResult<ChatCompletion>> {
    const rest = { ...body };
    delete rest.stream;
    delete rest.stream_options;
    return this.http.call({
      family: "chat",
      method: "POST",
      path: CHAT_PATH,
      body: rest,
      schema: chatCompletion,
      retry: false,
      signal,
      timeoutMs: opts.timeoutMs,
    });
  }

  /**
   * The upstream's SSE Response, untouched, for a proxy that forwards bytes. Non-2xx answers throw a
   * TdError; aborting `signal` closes the upstream connection, also while the body is being read.
   */
  async streamRaw(
    body: ChatBody,
    signal?: AbortSignal,
    opts: ChatCallOptions = {},
  ): Promise<{ response: Response; requestId: string }> {
    const guard = new Deadline(opts.timeoutMs ?? this.http.opts.timeoutMs, signal);
    try {
      return await this.http.raw({
        family: "chat",
        method: "POST",
        path: CHAT_PATH,
        body: { ...body, stream: true },
        signal: guard.signal,
      });
    } catch (e) {
      throw guard.explain(e);
    } finally {
      guard.stop();
    }
  }

  /**
   * Parsed chunks as they arrive. Ends after `data: [DONE]`; a stream that stops before any
   * finish_reason or [DONE] throws (kind "network", code StreamInterrupted). Leaving the loop early
   * closes the upstream connection.
   */
  async *stream(
    body: ChatBody,
    signal?: AbortSignal,
    opts: ChatCallOptions = {},
  ): AsyncGenerator<ChatChunk, void, undefined> {
    const timeoutMs = opts.timeoutMs ?? this.http.opts.timeoutMs;
    // One deadline covers the headers and then every gap between chunks (refreshed on each one).
    const guard = new Deadline(timeoutMs, signal);
    let requestId = "";
    try {
      const raw = await this.http.raw({
        family: "chat",
        method: "POST",
        path: CHAT_PATH,
        body: { ...body, stream: true },
        signal: guard.signal,
      });
      requestId = raw.requestId;
      const res = raw.response;
      if (!res.body)
        throw new TdError({
          family: "chat",
          kind: "malformed",
          httpStatus: res.status,
          code: "UnexpectedResponse",
          message: "TD answered a stream request without a body.",
          requestId,
        });
      if (!/text\/event-stream/i.test(res.headers.get("content-type") ?? "")) throw await notAStream(res, requestId);
      let finished = false;
      for await (const data of sseData(res.body, { stopAtDone: false })) {
        guard.refresh();
        if (isDone(data)) return;
        const chunk = parseChunk(data, requestId, res.status);
        if (chunk.choices.some((c) => c.finish_reason)) finished = true;
        yield chunk;
        guard.refresh(); // time spent by the consumer is not upstream silence
      }
      // The connection closed cleanly but early: the answer is cut off.
      if (!finished)
        throw new TdError({
          family: "chat",
          kind: "network",
          code: "StreamInterrupted",
          message: "The answer stream ended before it was complete.",
          requestId,
        });
    } catch (e) {
      throw guard.explain(e, requestId);
    } finally {
      guard.stop();
    }
  }
}

function parseChunk(data: string, requestId: string, status: number): ChatChunk {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    throw new TdError({
      family: "chat",
      kind: "malformed",
      httpStatus: status,
      code: "MalformedResponse",
      message: `A stream chunk is not JSON: ${data.slice(0, 120)}`,
      requestId,
      retryable: false,
    });
  }
  // Some OpenAI-compatible gateways report a failure mid-stream as `data: {"error": {…}}`.
  const upstream = (json as { error?: unknown })?.error ? extractUpstreamError(json) : undefined;
  if (upstream)
    throw new TdError({
      family: "chat",
      kind: "upstream",
      httpStatus: status,
      code: upstream.code,
      message: upstream.message,
      requestId,
      upstreamRequestId: upstream.requestId,
    });
  const parsed = chatChunk.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues[0];
    throw new TdError({
      family: "chat",
      kind: "malformed",
      httpStatus: status,
      code: "UnexpectedResponse",
      message: `A stream chunk did not have the documented shape (${where?.path.join(".") || "chunk"}: ${where?.message})`,
      requestId,
      retryable: false,
    });
  }
  return parsed.data;
}

/** A 2xx that is not SSE: an error body if it carries one, otherwise a shape error. */
async function notAStream(res: Response, requestId: string): Promise<TdError> {
  const text = await res.text().catch(() => "");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  const e = extractUpstreamError(json);
  if (e)
    return new TdError({
      family: "chat",
      kind: "upstream",
      httpStatus: res.status,
      code: e.code,
      message: e.message,
      requestId,
      upstreamRequestId: e.requestId,
    });
  return new TdError({
    family: "chat",
    kind: "malformed",
    httpStatus: res.status,
    code: "UnexpectedResponse",
    message: `TD answered a stream request with ${res.headers.get("content-type") || "no content type"}, not text/event-stream.`,
    requestId,
    retryable: false,
  });
}

/** The caller's signal plus an inactivity deadline, and the words for whichever of them fired. */
class Deadline {
  private readonly timer = new AbortController();
  private readonly handle: ReturnType<typeof setTimeout>;
  readonly signal: AbortSignal;

  constructor(
    private readonly ms: number,
    private readonly user?: AbortSignal,
  ) {
    this.handle = setTimeout(
      () => this.timer.abort(new DOMException("TD did not answer in time.", "TimeoutError")),
      ms,
    );
    this.signal = user ? AbortSignal.any([user, this.timer.signal]) : this.timer.signal;
  }

  refresh() {
    this.handle.refresh();
  }

  stop() {
    clearTimeout(this.handle);
  }

  /** Any failure as a TdError: the caller's abort wins, then our deadline, then what happened. */
  explain(e: unknown, requestId = ""): TdError {
    const id = e instanceof TdError ? e.requestId : requestId;
    if (this.user?.aborted)
      return e instanceof TdError && e.kind === "aborted"
        ? e
        : new TdError({
            family: "chat",
            kind: "aborted",
            code: "Aborted",
            message: "The request was cancelled.",
            requestId: id,
          });
    if (this.timer.signal.aborted)
      return new TdError({
        family: "chat",
        kind: "timeout",
        code: "Timeout",
        message: `TD sent nothing for ${this.ms} ms.`,
        requestId: id,
      });
    if (e instanceof TdError) return e;
    const cause = (e as { cause?: { code?: string } })?.cause;
    return new TdError({
      family: "chat",
      kind: "network",
      code: cause?.code ?? "StreamInterrupted",
      message: `The answer stream broke off: ${(e as Error)?.message ?? String(e)}`,
      requestId: id,
    });
  }
}
