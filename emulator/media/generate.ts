import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";

const here = path.dirname(fileURLToPath(import.meta.url));
const VIDEO_DIR = path.join(here, "videos");

const VIDEO_RATIOS: Record<string, [number, number]> = {
  "16:9": [320, 180],
  "9:16": [180, 320],
  "1:1": [240, 240],
  "4:3": [320, 240],
  "3:4": [240, 320],
  "4:5": [240, 300],
  "5:4": [300, 240],
  "21:9": [420, 180],
  "3:2": [300, 200],
  "2:3": [200, 300],
  "9:21": [180, 420],
};

const videoCache = new Map<string, Buffer>();

/** A real, playable MP4 (H.264 + AAC, 3 s) of the requested aspect ratio; shipped in the repo, no ffmpeg needed. */
export function sampleVideo(ratio: string | undefined): {
  bytes: Buffer;
  width: number;
  height: number;
  ratio: string;
} {
  const key = ratio && VIDEO_RATIOS[ratio] ? ratio : "16:9";
  let bytes = videoCache.get(key);
  if (!bytes) {
    bytes = readFileSync(path.join(VIDEO_DIR, `sample-${key.replace(":", "x")}.mp4`));
    videoCache.set(key, bytes);
  }
  const [width, height] = VIDEO_RATIOS[key];
  return { bytes, width, height, ratio: key };
}

/** Output size for a ratio at a long-side tier (e.g. 1K = 1024). */
export function sizeFor(ratio: string, longSide: number): { width: number; height: number } {
  const [a, b] = ratio.split(":").map(Number);
  if (!a || !b) return { width: longSide, height: longSide };
  return a >= b
    ? { width: longSide, height: Math.round((longSide * b) / a / 8) * 8 }
    : { width: Math.round((longSide * a) / b / 8) * 8, height: longSide };
}

function escapeXml(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!);
}

function wrap(text: string, perLine: number, maxLines: number): string[] {
  const chars = [...text.replace(/\[\[fault:[^\]]*\]\]/g, "").trim()];
  const lines: string[] = [];
  for (let i = 0; i < chars.length && lines.length < maxLines; i += perLine)
    lines.push(chars.slice(i, i + perLine).join(""));
  if (chars.length > perLine * maxLines && lines.length)
    lines[lines.length - 1] = lines[lines.length - 1].slice(0, -1) + "…";
  return lines;
}

/** A PNG of the exact size, a gradient that depends on the seed, with the prompt written on it. */
export async function promptImage(opts: {
  width: number;
  height: number;
  prompt: string;
  seed?: number;
  label?: string;
}): Promise<Buffer> {
  const { width, height } = opts;
  const hue = (((opts.seed ?? hash(opts.prompt)) % 360) + 360) % 360;
  const fontSize = Math.max(12, Math.round(Math.min(width, height) / 16));
  const perLine = Math.max(8, Math.floor(width / (fontSize * 0.62)));
  const lines = wrap(opts.prompt || "(no prompt)", perLine, 6);
  const text = lines
    .map(
      (l, i) =>
        `<text x="50%" y="${50 + (i - (lines.length - 1) / 2) * 1.3 * (fontSize / height) * 100}%" font-size="${fontSize}" text-anchor="middle" dominant-baseline="middle" fill="white" font-family="sans-serif">${escapeXml(l)}</text>`,
    )
    .join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},70%,45%)"/><stop offset="1" stop-color="hsl(${(hue + 80) % 360},70%,25%)"/></linearGradient></defs>
<rect width="100%" height="100%" fill="url(#g)"/>${text}
<text x="${width - 10}" y="${height - 10}" font-size="${Math.max(10, fontSize / 2)}" text-anchor="end" fill="rgba(255,255,255,0.7)" font-family="sans-serif">${escapeXml(opts.label ?? "TD emulator")} · ${width}×${height}</text></svg>`;
  return sharp(Buffer.from(svg)).png({ compressionLevel: 6 }).toBuffer();
}

/** A 16-bit mono WAV: a soft melody whose length follows the text (or the requested duration). */
export function speechWav(opts: { text: string; sampleRate: number; seconds?: number; pitch?: number }): {
  bytes: Buffer;
  seconds: number;
} {
  const seconds = Math.min(120, Math.max(1, opts.seconds ?? Math.round([...opts.text].length * 0.18 * 10) / 10));
  const rate = opts.sampleRate;
  const n = Math.round(seconds * rate);
  const data = Buffer.alloc(n * 2);
  const base = 220 * 2 ** ((opts.pitch ?? 0) / 12);
  const h = hash(opts.text);
  for (let i = 0; i < n; i++) {
    const t = i / rate;
    const syllable = Math.floor(t / 0.18);
    const f = base * (1 + ((h >> (syllable % 24)) & 7) / 10);
    const env = Math.sin(Math.PI * ((t % 0.18) / 0.18)) ** 2;
    const s = Math.sin(2 * Math.PI * f * t) * 0.35 * env;
    data.writeInt16LE(Math.round(s * 32767), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write("RIFF", 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write("WAVE", 8);
  header.write("fmt ", 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36);
  header.writeUInt32LE(data.length, 40);
  return { bytes: Buffer.concat([header, data]), seconds };
}

export function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
