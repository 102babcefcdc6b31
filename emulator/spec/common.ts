import type { z } from "zod";

// Helpers the emulator's vendor model shares across families. Written from shared/td-api/*.md;
// nothing here comes from the studio (lib/): the emulator is an independent witness of the docs.

/** "公网URL：支持 HTTP 或 HTTPS 协议" — a parseable http(s) URL. */
export function isHttpUrl(url: string): boolean {
  if (!/^https?:\/\//i.test(url)) return false;
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}

/** A zod issue that names the documented error to answer with (read by the family handlers). */
export interface SpecIssueParams {
  /** The documented error code, e.g. "InvalidParameter", "MissingParameter", "InvalidImageURL.EmptyURL". */
  code: string;
  httpStatus?: number;
}

export function addIssue(
  ctx: z.RefinementCtx,
  message: string,
  path: (string | number)[],
  code: string,
  httpStatus?: number,
) {
  ctx.addIssue({
    code: "custom",
    message,
    path,
    params: { code, ...(httpStatus ? { httpStatus } : {}) } satisfies SpecIssueParams,
  });
}

/** The documented code a custom issue carries, if any. */
export function issueCode(issue: { code: string; params?: unknown }): SpecIssueParams | undefined {
  if (issue.code !== "custom") return undefined;
  const p = issue.params as Partial<SpecIssueParams> | undefined;
  return typeof p?.code === "string" ? (p as SpecIssueParams) : undefined;
}

export function valueAt(body: unknown, path: PropertyKey[]): unknown {
  let v = body;
  for (const k of path) v = v && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

/** What the emulator can know about a media file (from inline bytes, or a file it could fetch). */
export interface MediaFacts {
  /** Lower-case format name: jpeg, png, webp, mp4, wav… */
  format?: string;
  bytes?: number;
  width?: number;
  height?: number;
  seconds?: number;
  fps?: number;
}

/** One documented media rule set. Intervals carry their openness, as the docs write them: "(300, 6000)" vs "[300, 6000]". */
export interface MediaRules {
  formats?: readonly string[];
  maxBytes?: number;
  /** Bytes must be strictly below maxBytes ("小于 30 MB") rather than at most ("不超过"). */
  maxBytesExclusive?: boolean;
  /** Each side (width and height). */
  side?: Interval;
  shortSide?: Interval;
  longSide?: Interval;
  /** width / height. */
  ratio?: Interval;
  pixels?: Interval;
  seconds?: Interval;
  fps?: Interval;
}

export interface Interval {
  min?: number;
  max?: number;
  /** "(a, b)": both ends excluded; "[a, b]" (default): included. */
  open?: boolean;
  /** Only the lower end excluded ("大于8fps"). */
  openMin?: boolean;
}

function inside(v: number, i: Interval): boolean {
  const eps = 1e-9;
  const lowOpen = i.open || i.openMin;
  if (i.min !== undefined && (lowOpen ? v <= i.min + eps : v < i.min - eps)) return false;
  if (i.max !== undefined && (i.open ? v >= i.max - eps : v > i.max + eps)) return false;
  return true;
}

function show(i: Interval): string {
  const lo = i.open || i.openMin ? "(" : "[";
  const hi = i.open ? ")" : "]";
  return `${lo}${i.min ?? "-∞"}, ${i.max ?? "∞"}${hi}`;
}

/** The first documented rule a file breaks, in words naming the rule; undefined when it meets them all (or they cannot be told). */
export function mediaProblem(rules: MediaRules, f: MediaFacts): string | undefined {
  if (rules.formats && f.format && !rules.formats.includes(f.format))
    return `format ${f.format} is not supported (${rules.formats.join(", ")})`;
  if (
    rules.maxBytes !== undefined &&
    f.bytes !== undefined &&
    (rules.maxBytesExclusive ? f.bytes >= rules.maxBytes : f.bytes > rules.maxBytes)
  ) {
    return `the file is ${f.bytes} bytes; the limit is ${rules.maxBytesExclusive ? "below " : ""}${rules.maxBytes} bytes`;
  }
  if (f.width && f.height) {
    const { width: w, height: h } = f;
    const checks: [string, number, Interval | undefined][] = [
      ["width", w, rules.side],
      ["height", h, rules.side],
      ["short side", Math.min(w, h), rules.shortSide],
      ["long side", Math.max(w, h), rules.longSide],
      ["aspect ratio (w/h)", w / h, rules.ratio],
      ["pixels (w×h)", w * h, rules.pixels],
    ];
    for (const [what, v, i] of checks) if (i && !inside(v, i)) return `${what} ${+v.toFixed(4)} is outside ${show(i)}`;
  }
  if (rules.seconds && f.seconds !== undefined && !inside(f.seconds, rules.seconds))
    return `duration ${f.seconds} s is outside ${show(rules.seconds)} s`;
  if (rules.fps && f.fps !== undefined && !inside(f.fps, rules.fps))
    return `frame rate ${f.fps} fps is outside ${show(rules.fps)}`;
  return undefined;
}

export const MB = 1024 * 1024;
