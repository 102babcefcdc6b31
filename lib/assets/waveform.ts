import "server-only";
import { readFile } from "node:fs/promises";
import sharp from "sharp";
import { hasFfmpeg, run } from "./media";
import { makeThumbnail, THUMB_LONG_SIDE, type Thumbnail } from "./thumbnail";

const BARS = 48;
/** The studio's accent, between its light and dark values: the tile's background shows through (transparent WebP). */
const COLOR = "#6161dc";

/**
 * Mono samples in [-1, 1] of an audio file: decoded by ffmpeg when it is installed (any format), else read straight
 * from a PCM WAV (what TD's TTS answers). Undefined when neither can read it: the tile keeps its icon.
 */
export async function audioSamples(file: string): Promise<Float32Array | undefined> {
  if (await hasFfmpeg()) {
    try {
      const { stdout } = await run(
        "ffmpeg",
        ["-loglevel", "error", "-i", file, "-ac", "1", "-ar", "8000", "-t", "600", "-f", "f32le", "pipe:1"],
        { timeout: 30_000, encoding: "buffer", maxBuffer: 64 * 1024 * 1024 },
      );
      if (stdout.length >= 4) return new Float32Array(stdout.buffer, stdout.byteOffset, Math.floor(stdout.length / 4));
    } catch {
      /* not decodable by ffmpeg: try the WAV reader */
    }
  }
  return wavSamples(await readFile(file));
}

/** PCM WAV (8/16/24/32-bit integer or 32-bit float), channels averaged. */
export function wavSamples(buf: Buffer): Float32Array | undefined {
  if (buf.length < 44 || buf.toString("ascii", 0, 4) !== "RIFF" || buf.toString("ascii", 8, 12) !== "WAVE") return;
  let fmt: { format: number; channels: number; bits: number } | undefined;
  for (let at = 12; at + 8 <= buf.length;) {
    const id = buf.toString("ascii", at, at + 4);
    const size = buf.readUInt32LE(at + 4);
    const body = at + 8;
    if (id === "fmt " && size >= 16)
      fmt = { format: buf.readUInt16LE(body), channels: buf.readUInt16LE(body + 2), bits: buf.readUInt16LE(body + 14) };
    else if (id === "data" && fmt && fmt.channels > 0) {
      const { format, channels, bits } = fmt;
      const width = bits / 8;
      const float = format === 3 && bits === 32;
      if (!float && (format !== 1 || ![1, 2, 3, 4].includes(width))) return;
      const end = Math.min(buf.length, body + size);
      const frames = Math.floor((end - body) / (width * channels));
      const out = new Float32Array(frames);
      const max = 2 ** (bits - 1);
      for (let f = 0; f < frames; f++) {
        let sum = 0;
        for (let c = 0; c < channels; c++) {
          const p = body + (f * channels + c) * width;
          sum += float ? buf.readFloatLE(p) : width === 1 ? (buf[p] - 128) / 128 : buf.readIntLE(p, width) / max;
        }
        out[f] = sum / channels;
      }
      return out;
    }
    at = body + size + (size % 2);
  }
  return undefined;
}

/** Peak of each of `n` equal slices, scaled so the loudest is 1 (silence stays flat). */
export function peaks(samples: Float32Array, n = BARS): number[] {
  const out = new Array<number>(n).fill(0);
  if (!samples.length) return out;
  for (let b = 0; b < n; b++) {
    const from = Math.floor((b * samples.length) / n);
    const to = Math.max(from + 1, Math.floor(((b + 1) * samples.length) / n));
    let p = 0;
    for (let i = from; i < to && i < samples.length; i++) p = Math.max(p, Math.abs(samples[i]));
    out[b] = p;
  }
  const top = Math.max(...out);
  return top > 1e-4 ? out.map((p) => p / top) : out;
}

/** A square, transparent PNG of the waveform's bars (mirrored about the middle), ready for makeThumbnail. */
export async function waveformImage(samples: Float32Array): Promise<Buffer> {
  const size = THUMB_LONG_SIDE;
  const slot = size / (BARS + 4);
  const w = slot * 0.6;
  const band = size * 0.56;
  const bars = peaks(samples)
    .map((p, i) => {
      const h = Math.max(4, p * band);
      const x = (i + 2) * slot + (slot - w) / 2;
      return `<rect x="${x.toFixed(1)}" y="${((size - h) / 2).toFixed(1)}" width="${w.toFixed(1)}" height="${h.toFixed(1)}" rx="${(w / 2).toFixed(1)}"/>`;
    })
    .join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}"><g fill="${COLOR}">${bars}</g></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** The waveform thumbnail of the audio file at `file`, stored next to `key`; undefined when it cannot be read. */
export async function audioThumbnail(key: string, file: string): Promise<Thumbnail | undefined> {
  try {
    const samples = await audioSamples(file);
    return samples?.length ? await makeThumbnail(key, await waveformImage(samples)) : undefined;
  } catch {
    return undefined;
  }
}
