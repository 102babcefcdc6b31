// Server-sent events, parsed as the WHATWG spec says (https://html.spec.whatwg.org/#event-stream-interpretation).
// It sits on the hot path of the chat proxy, so it scans with indexOf over one string per network chunk,
// never re-scans buffered text, and allocates nothing per line beyond the field value itself.

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

const LF = 10;
const COLON = 58;
const SPACE = 32;
const LOWER_D = 100;

/** Push-style parser: feed it bytes as they arrive; it calls `onEvent` for every complete event. */
export class SseParser {
  private readonly decoder = new TextDecoder("utf-8");
  private readonly maxEventChars: number;
  /** Pieces of a line whose terminator has not arrived yet (none of them holds CR or LF). */
  private readonly pending: string[] = [];
  private pendingChars = 0;
  /** The previous chunk ended with CR: an LF at the start of the next one belongs to that CRLF. */
  private skipLF = false;
  private data: string | undefined;
  private eventType: string | undefined;
  private lastId: string | undefined;
  private eventChars = 0;

  constructor(
    private readonly onEvent: (data: string, event: string | undefined, id: string | undefined) => void,
    opts: SseParserOptions = {},
  ) {
    this.maxEventChars = opts.maxEventChars ?? 32 * 1024 * 1024;
  }

  feed(bytes: Uint8Array): void {
    // stream: true keeps a multi-byte character split across chunks until its last byte arrives.
    this.feedText(this.decoder.decode(bytes, { stream: true }));
  }

  feedText(text: string): void {
    if (text.length === 0) return;
    if (this.skipLF) {
      this.skipLF = false;
      if (text.charCodeAt(0) === LF) {
        text = text.slice(1);
        if (text.length === 0) return;
      }
    }
    // Only the new text is scanned: buffered text holds no terminator, and searching a concatenation
    // would flatten it on every chunk (quadratic on a long line split into many chunks).
    const len = text.length;
    let pos = 0;
    let nl = -2; // -2: not searched yet, -1: none left
    let cr = -2;
    for (;;) {
      if (nl !== -1 && nl < pos) nl = text.indexOf("\n", pos);
      if (cr !== -1 && cr < pos) cr = text.indexOf("\r", pos);
      if (nl === -1 && cr === -1) break;
      let end: number;
      let next: number;
      if (cr === -1 || (nl !== -1 && nl < cr)) {
        end = nl;
        next = nl + 1;
      } else {
        end = cr;
        if (cr + 1 < len) next = text.charCodeAt(cr + 1) === LF ? cr + 2 : cr + 1;
        else {
          next = cr + 1;
          this.skipLF = true;
        }
      }
      if (this.pendingChars) {
        const head = this.pending.join("") + text.slice(0, end);
        this.pending.length = 0;
        this.pendingChars = 0;
        this.line(head, 0, head.length);
      } else this.line(text, pos, end);
      pos = next;
    }
    if (pos < len) {
      const tail = pos === 0 ? text : text.slice(pos);
      this.pending.push(tail);
      this.pendingChars += tail.length;
      if (this.pendingChars + this.eventChars > this.maxEventChars)
        throw new Error(`SSE event larger than ${this.maxEventChars} characters`);
    }
  }

  /** End of stream: flush the decoder. An event without its closing blank line is discarded (spec). */
  end(): void {
    const tail = this.decoder.decode();
    if (tail) this.feedText(tail);
    this.pending.length = 0;
    this.pendingChars = 0;
    this.data = undefined;
    this.eventType = undefined;
    this.eventChars = 0;
  }

  private line(buf: string, start: number, end: number): void {
    if (start === end) return this.dispatch();
    const c0 = buf.charCodeAt(start);
    if (c0 === COLON) return; // comment (keep-alive pings)
    let field: string;
    let valueStart: number;
    // Fast path: nearly every line of a chat stream is `data: …`.
    if (c0 === LOWER_D && end - start >= 5 && buf.charCodeAt(start + 4) === COLON && buf.startsWith("data", start)) {
      field = "data";
      valueStart = start + 5;
    } else {
      const colon = buf.indexOf(":", start);
      if (colon === -1 || colon >= end) {
        field = buf.slice(start, end);
        valueStart = end;
      } else {
        field = buf.slice(start, colon);
        valueStart = colon + 1;
      }
    }
    if (valueStart < end && buf.charCodeAt(valueStart) === SPACE) valueStart++;
    const value = valueStart < end ? buf.slice(valueStart, end) : "";
    switch (field) {
      case "data":
        this.data = this.data === undefined ? value : this.data + "\n" + value;
        this.eventChars += value.length + 1;
        if (this.eventChars > this.maxEventChars)
          throw new Error(`SSE event larger than ${this.maxEventChars} characters`);
        break;
      case "event":
        this.eventType = value;
        break;
      case "id":
        if (!value.includes("\0")) this.lastId = value;
        break;
      default:
        break; // `retry` and unknown fields: nothing to do for a fetch-based client
    }
  }

  private dispatch(): void {
    const data = this.data;
    const type = this.eventType;
    this.data = undefined;
    this.eventType = undefined;
    this.eventChars = 0;
    if (data === undefined) return; // no data lines: nothing to dispatch
    this.onEvent(data, type || undefined, this.lastId);
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
