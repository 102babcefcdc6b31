import { createParser, type EventSourceParser } from "eventsource-parser";

// Server-sent events, parsed by eventsource-parser (maintained, WHATWG-conformant, linear on long lines); this
// file only adapts it to bytes, keeps the spec's "last event id" across events and bounds an event's size.
// `npm run bench:chat` times it against the hand-written parser this file held before (commit e60c919): the
// library was no slower, so the hand-written one went.

export interface SseEvent {
  data: string;
  /** The `event:` field; undefined means the default type "message". */
  event?: string;
  /** The last `id:` seen on the stream (it persists across events, as in the spec). */
  id?: string;
}

export interface SseParserOptions {
  /** Refuse a single event larger than this many UTF-16 units (a runaway upstream must not exhaust memory). */
  maxEventChars?: number;
}

/** Push-style parser: feed it bytes as they arrive; it calls `onEvent` for every complete event. */
export class SseParser {
  // fatal: false, ignoreBOM: false — a byte order mark at the start is dropped, as the spec says.
  private readonly decoder = new TextDecoder("utf-8");
  private readonly parser: EventSourceParser;
  private readonly maxEventChars: number;
  private lastId: string | undefined;
  private overflow = false;
  /** The text so far ends with CR: the parser waits for a possible LF, which at the end of the stream never comes. */
  private endsWithCR = false;

  constructor(
    onEvent: (data: string, event: string | undefined, id: string | undefined) => void,
    opts: SseParserOptions = {},
  ) {
    this.maxEventChars = opts.maxEventChars ?? 32 * 1024 * 1024;
    this.parser = createParser({
      maxBufferSize: this.maxEventChars,
      onEvent: (e) => {
        if (e.id !== undefined) this.lastId = e.id;
        onEvent(e.data, e.event || undefined, this.lastId);
      },
      onError: (e) => {
        if (e.type === "max-buffer-size-exceeded") this.overflow = true;
        // unknown fields and a malformed `retry` are ignored, as the spec says
      },
    });
  }

  feed(bytes: Uint8Array): void {
    // stream: true keeps a multi-byte character split across chunks until its last byte arrives.
    this.feedText(this.decoder.decode(bytes, { stream: true }));
  }

  feedText(text: string): void {
    if (text.length === 0) return;
    this.endsWithCR = text.charCodeAt(text.length - 1) === 13;
    this.parser.feed(text);
    if (this.overflow) throw new Error(`SSE event larger than ${this.maxEventChars} characters`);
  }

  /** End of stream: flush the decoder. An event without its closing blank line is discarded (spec). */
  end(): void {
    const tail = this.decoder.decode();
    if (tail) this.feedText(tail);
    if (this.endsWithCR) this.feedText("\n"); // the CR ended its line: LF makes the parser see it (CRLF = one end)
    this.parser.reset({ consume: false });
  }
}

export interface SseReadOptions extends SseParserOptions {
  /** End the iteration at `data: [DONE]` without yielding it (default true). */
  stopAtDone?: boolean;
}

/** True for the OpenAI end-of-stream sentinel. */
export function isDone(data: string): boolean {
  return data.length >= 6 && data.length <= 8 && data.trim() === "[DONE]";
}

/**
 * Every event of a byte stream, as it arrives. Leaving the loop early (break, return, throw)
 * cancels the stream, which for a fetch body closes the upstream connection.
 */
export async function* sseEvents(
  body: ReadableStream<Uint8Array>,
  opts: SseParserOptions = {},
): AsyncGenerator<SseEvent> {
  const queue: SseEvent[] = [];
  const parser = new SseParser((data, event, id) => queue.push({ data, event, id }), opts);
  yield* drain(body, parser, queue);
}

/** The `data:` payloads of a byte stream, as they arrive (stops at `[DONE]` unless told otherwise). */
export async function* sseData(body: ReadableStream<Uint8Array>, opts: SseReadOptions = {}): AsyncGenerator<string> {
  const stopAtDone = opts.stopAtDone ?? true;
  const queue: string[] = [];
  const parser = new SseParser((data) => queue.push(data), opts);
  for await (const data of drain(body, parser, queue)) {
    if (stopAtDone && isDone(data)) return;
    yield data;
  }
}

async function* drain<T>(body: ReadableStream<Uint8Array>, parser: SseParser, queue: T[]): AsyncGenerator<T> {
  const reader = body.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        parser.end();
      } else parser.feed(value);
      // The queue is not touched while we are suspended in a yield: feed() only runs between reads.
      for (let i = 0; i < queue.length; i++) yield queue[i];
      queue.length = 0;
      if (finished) return;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
