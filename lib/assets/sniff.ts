import "server-only";
import { open } from "node:fs/promises";
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { probeMedia } from "./media";
import { readMp4Facts } from "./mp4-facts";

/** What the studio accepts as uploads, by the type found in the bytes (never the file name). */
export const ACCEPTED: Record<string, { kind: "image" | "video" | "audio"; ext: string }> = {
  "image/jpeg": { kind: "image", ext: "jpg" },
  "image/png": { kind: "image", ext: "png" },
  "image/webp": { kind: "image", ext: "webp" },
  "video/mp4": { kind: "video", ext: "mp4" },
  "video/quicktime": { kind: "video", ext: "mov" },
  "video/webm": { kind: "video", ext: "webm" },
  "audio/wav": { kind: "audio", ext: "wav" },
  "audio/mpeg": { kind: "audio", ext: "mp3" },
  "audio/mp4": { kind: "audio", ext: "m4a" },
  "audio/ogg": { kind: "audio", ext: "ogg" },
  "audio/webm": { kind: "audio", ext: "weba" },
};

const ALIASES: Record<string, string> = {
  "audio/vnd.wave": "audio/wav",
  "audio/x-wav": "audio/wav",
  "audio/wave": "audio/wav",
  "audio/x-m4a": "audio/mp4",
};

export async function sniffFile(file: string): Promise<string | undefined> {
  const fh = await open(file, "r");
  try {
    const buf = Buffer.alloc(4100);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const t = await fileTypeFromBuffer(buf.subarray(0, bytesRead));
    if (!t) return undefined;
    // file-type reads MP4 audio-only files as video/mp4 too; ffprobe below tells them apart.
    return ALIASES[t.mime] ?? t.mime;
  } finally {
    await fh.close();
  }
}

export interface MediaMeta {
  width?: number;
  height?: number;
  durationSeconds?: number;
  fps?: number;
}

/** Dimensions, duration and frame rate where they can be read (ffprobe optional; WAV read by hand). */
export async function readMeta(file: string, kind: "image" | "video" | "audio", mime: string): Promise<MediaMeta> {
  if (kind === "image") {
    const m = await sharp(file).metadata();
    return { width: m.width, height: m.height };
  }
  let probed = await probeMedia(file);
  if (probed.durationSeconds === undefined && mime === "audio/wav") return { durationSeconds: await wavDuration(file) };
  // Without ffprobe the MP4/MOV boxes still tell size, duration and frame rate: limits stay checkable.
  if (probed.durationSeconds === undefined && (mime === "video/mp4" || mime === "video/quicktime"))
    probed = (await mp4Meta(file)) ?? probed;
  return kind === "audio" ? { durationSeconds: probed.durationSeconds } : probed;
}

async function mp4Meta(file: string): Promise<MediaMeta | undefined> {
  const fh = await open(file, "r");
  try {
    const { size } = await fh.stat();
    const facts = await readMp4Facts(async (offset, length) => {
      const buf = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
      const { bytesRead } = await fh.read(buf, 0, buf.length, offset);
      return buf.subarray(0, bytesRead);
    }, size);
    if (!facts) return undefined;
    // An MP4 with no video track is audio (M4A): no width, so the caller files it as audio.
    return facts.hasVideo
      ? { width: facts.width, height: facts.height, durationSeconds: facts.durationSeconds, fps: facts.fps }
      : { durationSeconds: facts.durationSeconds };
  } finally {
    await fh.close();
  }
}

async function wavDuration(file: string): Promise<number | undefined> {
  const fh = await open(file, "r");
  try {
    const head = Buffer.alloc(4096);
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    if (head.toString("ascii", 0, 4) !== "RIFF" || head.toString("ascii", 8, 12) !== "WAVE") return undefined;
    let byteRate = 0;
    for (let off = 12; off + 8 <= bytesRead;) {
      const id = head.toString("ascii", off, off + 4);
      const size = head.readUInt32LE(off + 4);
      if (id === "fmt ") byteRate = head.readUInt32LE(off + 16);
      if (id === "data") return byteRate ? Math.round((size / byteRate) * 1000) / 1000 : undefined;
      off += 8 + size + (size % 2);
    }
    return undefined;
  } finally {
    await fh.close();
  }
}
