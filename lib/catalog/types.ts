import type { z } from "zod";
import type { Family } from "@/lib/td/errors";

export type { Family };

export const MODES = [
  "text-to-video",
  "first-frame",
  "first-last-frame",
  "reference",
  "multimodal-reference",
  "video-edit",
  "text-to-image",
  "image-to-image",
  "speech",
  "voice-clone",
  "chat",
] as const;
export type Mode = (typeof MODES)[number];

export const INPUT_ROLES = [
  "first_frame",
  "last_frame",
  "reference_image",
  "reference_video",
  "reference_audio",
  "video",
  "clone_audio",
] as const;
export type InputRole = (typeof INPUT_ROLES)[number];

export type MediaKind = "image" | "video" | "audio";
export type ModelKind = "video" | "image" | "speech" | "chat";

/** How an input reaches the upstream (the table in shared/td-api/README.md). */
export interface InputTransport {
  /** data:…;base64 accepted inline. */
  inline: boolean;
  /** asset://ID accepted (Seedance asset library). */
  assetUri?: boolean;
}

export interface InputSpec {
  role: InputRole;
  kind: MediaKind;
  min: number;
  max: number;
  transport: InputTransport;
  /** Documented media limits, checked before anything is sent. */
  limits?: {
    maxBytes?: number;
    mimes?: string[];
    minWidth?: number;
    minHeight?: number;
    minShortSide?: number;
    maxLongSide?: number;
    minRatio?: number;
    maxRatio?: number;
    minSeconds?: number;
    maxSeconds?: number;
    minFps?: number;
    maxFps?: number;
    /** width × height bounds (Seedance reference videos). */
    minPixels?: number;
    maxPixels?: number;
  };
}

export interface PromptSpec {
  required: boolean;
  /** "cjk-weighted": ≤ maxChinese Chinese characters or ≤ maxOther other characters (a Chinese character counts as maxOther/maxChinese). */
  counting: "cjk-weighted" | "chars";
  maxChinese?: number;
  maxOther?: number;
  maxChars?: number;
  /** What happens past the limit upstream: truncated (warn) or rejected (block). */
  overLimit: "truncated" | "rejected";
}

export interface ModeSpec<P extends z.ZodObject = z.ZodObject> {
  mode: Mode;
  prompt: PromptSpec;
  inputs: InputSpec[];
  /** The studio's own parameter names, every documented limit and default. */
  params: P;
  /** Cross-input rules (e.g. Seedance totals), run after the per-role counts. */
  check?: (inputs: { role: InputRole; durationSeconds?: number }[]) => string | undefined;
}

export interface ModelEntry {
  id: string;
  family: Family;
  kind: ModelKind;
  name: { zh: string; en: string };
  /** The vendor name, e.g. "HappyHorse 1.0". */
  vendorName: string;
  doc: string;
  modes: ModeSpec[];
  /** Typical run time in seconds, for the progress estimate when upstream reports none. */
  typicalSeconds?: number;
  /** How long upstream keeps the task: after this it is `expired`. */
  taskLifetimeHours?: number;
  /** Whether a running task can be cancelled upstream (and when). */
  cancel?: "queued-only" | "never";
}
