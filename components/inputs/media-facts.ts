"use client";

import type { MediaKind } from "@/lib/catalog/types";
import type { MediaFacts } from "@/lib/catalog/validate";

// The MP4 box reader is needed only once a video is chosen; it loads then, not with the form.
const loadMp4Facts = () => import("@/lib/assets/mp4-facts").then((m) => m.readMp4Facts);

/** How long the browser may take to read a file's metadata before we give up and let the server check it. */
const METADATA_TIMEOUT_MS = 10_000;

export { kindOf, mimeOf } from "./media-kind";
import { kindOf, mimeOf } from "./media-kind";

function withTimeout<T>(p: Promise<T>): Promise<T | undefined> {
  return Promise.race([p, new Promise<undefined>((r) => setTimeout(() => r(undefined), METADATA_TIMEOUT_MS))]);
}

function imageSize(url: string): Promise<{ width: number; height: number } | undefined> {
  return new Promise((resolve) => {
    const img = new Image();
    img.onload = () => resolve({ width: img.naturalWidth, height: img.naturalHeight });
    img.onerror = () => resolve(undefined);
    img.src = url;
  });
}

function mediaMeta(
  url: string,
  kind: "video" | "audio",
): Promise<{ width?: number; height?: number; durationSeconds?: number } | undefined> {
  return new Promise((resolve) => {
    const el = document.createElement(kind);
    el.preload = "metadata";
    el.muted = true;
    el.onloadedmetadata = () => {
      const v = el as HTMLVideoElement;
      resolve({
        ...(kind === "video" && v.videoWidth ? { width: v.videoWidth, height: v.videoHeight } : {}),
        ...(Number.isFinite(el.duration) ? { durationSeconds: Math.round(el.duration * 1000) / 1000 } : {}),
      });
      el.removeAttribute("src");
      el.load();
    };
    el.onerror = () => resolve(undefined);
    el.src = url;
  });
}

/**
 * What the browser can tell about a chosen file, at once and without uploading it: type and size, and
 * from <img>/<video>/<audio> metadata its dimensions and duration; the frame rate from the MP4/MOV boxes.
 * `readable: false` means the browser could not decode it (the server still checks it after upload).
 */
export async function readFileFacts(file: File): Promise<{ kind?: MediaKind; facts: MediaFacts; readable: boolean }> {
  const mime = mimeOf(file);
  const kind = kindOf(mime);
  const facts: MediaFacts = { mime, size: file.size };
  if (!kind) return { kind, facts, readable: false };
  const url = URL.createObjectURL(file);
  try {
    if (kind === "image") {
      const size = await withTimeout(imageSize(url));
      return { kind, facts: { ...facts, ...size }, readable: !!size };
    }
    const meta = await withTimeout(mediaMeta(url, kind));
    Object.assign(facts, meta);
    if (kind === "video" && (mime === "video/mp4" || mime === "video/quicktime")) {
      const boxes = await (
        await loadMp4Facts()
      )(
        async (offset, length) => new Uint8Array(await file.slice(offset, offset + length).arrayBuffer()),
        file.size,
      ).catch(() => undefined);
      if (boxes?.fps) facts.fps = boxes.fps;
      // The decoder's own numbers win; the boxes fill in what it could not say.
      facts.width ??= boxes?.width;
      facts.height ??= boxes?.height;
      facts.durationSeconds ??= boxes?.durationSeconds;
    }
    return { kind, facts, readable: !!meta };
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Frame rate (and size, duration) of a stored MP4/MOV, read with Range requests from its URL: only the boxes are fetched. */
export async function readUrlMp4Facts(url: string, size: number) {
  return (await loadMp4Facts())(async (offset, length) => {
    const res = await fetch(url, { headers: { Range: `bytes=${offset}-${Math.min(size, offset + length) - 1}` } });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  }, size).catch(() => undefined);
}
