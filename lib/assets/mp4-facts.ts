// Facts of an MP4/MOV (ISO base media) file read from its boxes: no ffprobe, no decoder.
// Pure code, used in the browser (File.slice) and on the server (a file handle) alike, so the
// frame rate and duration are known on both sides even where ffprobe is not installed.

export interface Mp4Facts {
  width?: number;
  height?: number;
  durationSeconds?: number;
  fps?: number;
  hasVideo: boolean;
  hasAudio: boolean;
}

/** Reads `length` bytes at `offset` (fewer at the end of the file). */
export type ReadAt = (offset: number, length: number) => Promise<Uint8Array>;

/** The moov box is usually small; a bigger one is not a file we can make sense of cheaply. */
const MAX_MOOV_BYTES = 32 * 1024 * 1024;

interface Box {
  type: string;
  /** Content start (after the header) and end, relative to the buffer it was found in. */
  start: number;
  end: number;
}

function fourcc(b: Uint8Array, at: number): string {
  return String.fromCharCode(b[at], b[at + 1], b[at + 2], b[at + 3]);
}

function u32(b: Uint8Array, at: number): number {
  return ((b[at] << 24) >>> 0) + (b[at + 1] << 16) + (b[at + 2] << 8) + b[at + 3];
}

function u64(b: Uint8Array, at: number): number {
  return u32(b, at) * 2 ** 32 + u32(b, at + 4);
}

/** The child boxes between start and end of a buffer. */
function children(b: Uint8Array, start: number, end: number): Box[] {
  const out: Box[] = [];
  let at = start;
  while (at + 8 <= end) {
    let size = u32(b, at);
    const type = fourcc(b, at + 4);
    let header = 8;
    if (size === 1) {
      if (at + 16 > end) break;
      size = u64(b, at + 8);
      header = 16;
    } else if (size === 0) size = end - at;
    if (size < header || at + size > end) break;
    out.push({ type, start: at + header, end: at + size });
    at += size;
  }
  return out;
}

function child(b: Uint8Array, box: Box, type: string): Box | undefined {
  return children(b, box.start, box.end).find((c) => c.type === type);
}

/** Find the top-level moov box by walking box headers, then read it whole. */
async function readMoov(read: ReadAt, fileSize: number): Promise<Uint8Array | undefined> {
  let at = 0;
  for (let guard = 0; at + 8 <= fileSize && guard < 10_000; guard++) {
    const head = await read(at, 16);
    if (head.length < 8) return undefined;
    let size = u32(head, 0);
    const type = fourcc(head, 4);
    let header = 8;
    if (size === 1) {
      if (head.length < 16) return undefined;
      size = u64(head, 8);
      header = 16;
    } else if (size === 0) size = fileSize - at;
    if (size < header) return undefined;
    if (guard === 0 && type !== "ftyp" && type !== "wide" && type !== "moov" && type !== "free" && type !== "mdat")
      return undefined;
    if (type === "moov") {
      if (size > MAX_MOOV_BYTES) return undefined;
      const moov = await read(at + header, size - header);
      return moov.length === size - header ? moov : undefined;
    }
    at += size;
  }
  return undefined;
}

/** Timescale and duration of an mvhd/mdhd full box (version 0 or 1). */
function timing(b: Uint8Array, box: Box): { timescale: number; duration: number } {
  const v1 = b[box.start] === 1;
  return v1
    ? { timescale: u32(b, box.start + 20), duration: u64(b, box.start + 24) }
    : { timescale: u32(b, box.start + 12), duration: u32(b, box.start + 16) };
}

/** Width, height, duration and frame rate of an MP4/MOV; undefined when it is not one we can read. */
export async function readMp4Facts(read: ReadAt, fileSize: number): Promise<Mp4Facts | undefined> {
  const moov = await readMoov(read, fileSize);
  if (!moov) return undefined;
  const root: Box = { type: "moov", start: 0, end: moov.length };
  const facts: Mp4Facts = { hasVideo: false, hasAudio: false };
  const mvhd = child(moov, root, "mvhd");
  if (mvhd) {
    const t = timing(moov, mvhd);
    if (t.timescale) facts.durationSeconds = Math.round((t.duration / t.timescale) * 1000) / 1000;
  }
  for (const trak of children(moov, 0, moov.length).filter((c) => c.type === "trak")) {
    const mdia = child(moov, trak, "mdia");
    const hdlr = mdia && child(moov, mdia, "hdlr");
    const handler = hdlr ? fourcc(moov, hdlr.start + 8) : "";
    if (handler === "soun") facts.hasAudio = true;
    if (handler !== "vide" || facts.hasVideo) continue;
    facts.hasVideo = true;
    const tkhd = child(moov, trak, "tkhd");
    if (tkhd) {
      const at = tkhd.start + (moov[tkhd.start] === 1 ? 88 : 76);
      // 16.16 fixed point: the display size.
      facts.width = Math.round(u32(moov, at) / 65536);
      facts.height = Math.round(u32(moov, at + 4) / 65536);
    }
    const mdhd = mdia && child(moov, mdia, "mdhd");
    const minf = mdia && child(moov, mdia, "minf");
    const stbl = minf && child(moov, minf, "stbl");
    const stts = stbl && child(moov, stbl, "stts");
    if (mdhd && stts) {
      const { timescale } = timing(moov, mdhd);
      const entries = u32(moov, stts.start + 4);
      let samples = 0;
      let ticks = 0;
      for (let i = 0; i < entries; i++) {
        const at = stts.start + 8 + i * 8;
        if (at + 8 > stts.end) break;
        const count = u32(moov, at);
        samples += count;
        ticks += count * u32(moov, at + 4);
      }
      if (samples && ticks && timescale) facts.fps = Math.round((samples / (ticks / timescale)) * 100) / 100;
    }
  }
  return facts;
}
