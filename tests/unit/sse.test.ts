import { describe, expect, it } from "vitest";
import { sseData, sseEvents, SseParser, type SseEvent } from "@/lib/td/sse";

const enc = new TextEncoder();

/** Parse a whole byte sequence fed in the given pieces. */
function parse(pieces: Uint8Array[]): SseEvent[] {
  const out: SseEvent[] = [];
  const p = new SseParser((data, event, id) => out.push({ data, event, id }));
  for (const piece of pieces) p.feed(piece);
  p.end();
  return out;
}

function streamOf(pieces: Uint8Array[], onCancel?: () => void): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream<Uint8Array>(
    {
      pull(c) {
        if (i < pieces.length) c.enqueue(pieces[i++]);
        else c.close();
      },
      cancel: () => onCancel?.(),
    },
    { highWaterMark: 0 },
  ); // pull only when read, like a network body
}

// Chinese, an emoji (4 bytes), CRLF and LF line ends, a comment, a multi-line event.
const WIRE =
  ": keep-alive\r\n\r\n" +
  'data: {"choices":[{"delta":{"content":"你好"}}]}\r\n\r\n' +
  'data: {"choices":[{"delta":{"content":"🙂 é"}}]}\n\n' +
  "event: note\nid: 7\ndata: line one\ndata: line two\n\n" +
  "data: [DONE]\n\n";
const EXPECTED: SseEvent[] = [
  { data: '{"choices":[{"delta":{"content":"你好"}}]}', event: undefined, id: undefined },
  { data: '{"choices":[{"delta":{"content":"🙂 é"}}]}', event: undefined, id: undefined },
  { data: "line one\nline two", event: "note", id: "7" },
  { data: "[DONE]", event: undefined, id: "7" },
];

describe("SseParser", () => {
  it("parses a stream in one piece", () => {
    expect(parse([enc.encode(WIRE)])).toEqual(EXPECTED);
  });

  it("gives the same events whatever byte the stream is split at, inside UTF-8 characters and CRLF included", () => {
    const bytes = enc.encode(WIRE);
    for (let i = 1; i < bytes.length; i++) {
      expect(parse([bytes.subarray(0, i), bytes.subarray(i)])).toEqual(EXPECTED);
    }
    for (let i = 1; i < bytes.length - 7; i += 5) {
      expect(parse([bytes.subarray(0, i), bytes.subarray(i, i + 7), bytes.subarray(i + 7)])).toEqual(EXPECTED);
    }
  });

  it("survives one byte per chunk", () => {
    const bytes = enc.encode(WIRE);
    expect(parse([...bytes].map((b) => Uint8Array.of(b)))).toEqual(EXPECTED);
  });

  it("takes CR alone as a line end, and a CR/LF pair split across chunks as one", () => {
    expect(parse([enc.encode("data: a\r\r")]).map((e) => e.data)).toEqual(["a"]);
    expect(
      parse([enc.encode("data: a\r"), enc.encode("\ndata: b\r"), enc.encode("\n\r\n")]).map((e) => e.data),
    ).toEqual(["a\nb"]);
  });

  it("follows the spec on fields: one leading space stripped, no colon = empty value, unknown fields and retry ignored", () => {
    const events = parse([enc.encode("data:x\n\ndata:  y\n\ndata\n\nretry: 10\nfoo: bar\ndata: z\n\nid\ndata: w\n\n")]);
    expect(events.map((e) => e.data)).toEqual(["x", " y", "", "z", "w"]);
    expect(events[4].id).toBe("");
  });

  it("dispatches nothing for an event without data, and drops an unterminated event at the end", () => {
    expect(parse([enc.encode("event: ping\n\n: c\n\ndata: cut off")])).toEqual([]);
    expect(parse([enc.encode("data: cut\n")])).toEqual([]);
  });

  it("strips a UTF-8 byte order mark", () => {
    expect(
      parse([Uint8Array.of(0xef, 0xbb), Uint8Array.of(0xbf), enc.encode("data: a\n\n")]).map((e) => e.data),
    ).toEqual(["a"]);
  });

  it("refuses a runaway event", () => {
    const p = new SseParser(() => undefined, { maxEventChars: 100 });
    expect(() => p.feed(enc.encode("data: " + "x".repeat(200)))).toThrow(/larger than 100/);
  });

  it("keeps long lines split in many chunks linear (no rescans)", () => {
    const p = new SseParser(() => undefined);
    const piece = enc.encode("y".repeat(1000));
    const t0 = performance.now();
    for (let i = 0; i < 5000; i++) p.feed(piece);
    p.feedText("\n\n");
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe("sseData / sseEvents", () => {
  it("yields data payloads and stops at [DONE]", async () => {
    const got: string[] = [];
    for await (const d of sseData(streamOf([enc.encode(WIRE)]))) got.push(d);
    expect(got).toEqual(EXPECTED.slice(0, 3).map((e) => e.data));
  });

  it("yields [DONE] too when asked, and events with their type", async () => {
    const got: string[] = [];
    for await (const d of sseData(streamOf([enc.encode(WIRE)]), { stopAtDone: false })) got.push(d);
    expect(got.at(-1)).toBe("[DONE]");
    const events: SseEvent[] = [];
    for await (const e of sseEvents(streamOf([enc.encode(WIRE)]))) events.push(e);
    expect(events).toEqual(EXPECTED);
  });

  it("cancels the source when the loop ends early or at [DONE]", async () => {
    let cancelled = 0;
    const bytes = enc.encode(WIRE + "data: after\n\n");
    for await (const d of sseData(streamOf([bytes.subarray(0, 60), bytes.subarray(60)], () => cancelled++))) {
      expect(d).toContain("你好");
      break;
    }
    expect(cancelled).toBe(1);
    for await (const d of sseData(streamOf([bytes], () => cancelled++))) expect(d).not.toBe("after");
    expect(cancelled).toBe(2);
  });
});
