import type { z } from "zod";
import { checkPrompt } from "./prompt";
import type { InputRole, InputSpec, ModeSpec } from "./types";

/** One zod issue in words that name the limit, e.g. "duration must be at most 15". */
export function describeIssue(issue: z.core.$ZodIssue, prefix = ""): { field: string; message: string } {
  const field = prefix + issue.path.map(String).join(".");
  const i = issue as z.core.$ZodIssue & Record<string, unknown>;
  let message: string;
  switch (issue.code) {
    case "too_big":
      message = `must be at most ${String(i.maximum)}${i.origin === "string" ? " characters" : i.origin === "array" ? " items" : ""}`;
      break;
    case "too_small":
      message = `must be at least ${String(i.minimum)}${i.origin === "string" ? " characters" : i.origin === "array" ? " items" : ""}`;
      break;
    case "invalid_value":
      message = `must be one of ${(i.values as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
      break;
    case "invalid_type":
      message = `must be ${String(i.expected)}`;
      break;
    case "unrecognized_keys":
      message = `is not accepted by this model (${(i.keys as string[]).join(", ")})`;
      break;
    default:
      message = issue.message;
  }
  return { field, message: `${field} ${message}`.trim() };
}

export interface ParamsResult<T> {
  ok: boolean;
  value?: T;
  errors: { field: string; message: string }[];
}

/** Parse studio params with the mode's schema: defaults filled in, unknown names refused. */
export function parseParams<P extends z.ZodObject>(spec: ModeSpec<P>, params: unknown): ParamsResult<z.output<P>> {
  const r = spec.params.strict().safeParse(params ?? {});
  if (r.success) return { ok: true, value: r.data as z.output<P>, errors: [] };
  return { ok: false, errors: r.error.issues.map((i) => describeIssue(i, "params.")) };
}

export function checkPromptFor(
  spec: ModeSpec,
  prompt: string | undefined,
): { field: string; message: string } | undefined {
  const text = prompt ?? "";
  if (spec.prompt.required && !text.trim()) return { field: "prompt", message: "prompt is required for this model" };
  const c = checkPrompt(spec.prompt, text);
  if (c.over) return { field: "prompt", message: `prompt is longer than the model accepts (${c.limit})` };
  return undefined;
}

/** Count inputs per role against the mode's min/max; unknown roles refused. */
export function checkInputCounts(spec: ModeSpec, roles: InputRole[]): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = [];
  const allowed = new Map(spec.inputs.map((i) => [i.role, i]));
  roles.forEach((r, idx) => {
    if (!allowed.has(r))
      errors.push({ field: `inputs.${idx}.role`, message: `inputs: role "${r}" is not accepted in ${spec.mode} mode` });
  });
  for (const i of spec.inputs) {
    const n = roles.filter((r) => r === i.role).length;
    if (n < i.min) errors.push({ field: "inputs", message: `inputs: ${i.role} needs at least ${i.min} (got ${n})` });
    if (n > i.max) errors.push({ field: "inputs", message: `inputs: ${i.role} takes at most ${i.max} (got ${n})` });
  }
  return errors;
}

export interface MediaFacts {
  mime?: string | null;
  size?: number | null;
  width?: number | null;
  height?: number | null;
  durationSeconds?: number | null;
  fps?: number | null;
}

/** One broken media limit: a code and the numbers, so a page can say it in its own language. */
export interface MediaIssue {
  code:
    | "format"
    | "size"
    | "minWidth"
    | "minHeight"
    | "minShortSide"
    | "maxLongSide"
    | "ratio"
    | "minPixels"
    | "maxPixels"
    | "minSeconds"
    | "maxSeconds"
    | "minFps"
    | "maxFps";
  /** The file's value and the limit, without units (e.g. { value: "16.0", limit: 15 } for seconds). */
  values: Record<string, string | number>;
  /** The same in English, naming the limit. */
  message: string;
}

/** Check one file's facts against its role's documented limits, as structured issues. Shared by browser and server. */
export function mediaIssues(spec: InputSpec, f: MediaFacts): MediaIssue[] {
  const l = spec.limits ?? {};
  const out: MediaIssue[] = [];
  const add = (code: MediaIssue["code"], values: MediaIssue["values"], message: string) =>
    out.push({ code, values, message });
  const mbs = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
  const mb = (n: number) => `${mbs(n)} MB`;
  if (l.mimes && f.mime && !l.mimes.includes(f.mime))
    add(
      "format",
      { value: f.mime, limit: l.mimes.join(", ") },
      `format ${f.mime} is not accepted (allowed: ${l.mimes.join(", ")})`,
    );
  if (l.maxBytes && f.size && f.size > l.maxBytes)
    add(
      "size",
      { value: mbs(f.size), limit: mbs(l.maxBytes) },
      `file is ${mb(f.size)}, the limit is ${mb(l.maxBytes)}`,
    );
  if (f.width && f.height) {
    const short = Math.min(f.width, f.height);
    const long = Math.max(f.width, f.height);
    const ratio = f.width / f.height;
    const pixels = f.width * f.height;
    if (l.minWidth && f.width < l.minWidth)
      add("minWidth", { value: f.width, limit: l.minWidth }, `width ${f.width}px is below the minimum ${l.minWidth}px`);
    if (l.minHeight && f.height < l.minHeight)
      add(
        "minHeight",
        { value: f.height, limit: l.minHeight },
        `height ${f.height}px is below the minimum ${l.minHeight}px`,
      );
    if (l.minShortSide && short < l.minShortSide)
      add(
        "minShortSide",
        { value: short, limit: l.minShortSide },
        `short side ${short}px is below the minimum ${l.minShortSide}px`,
      );
    if (l.maxLongSide && long > l.maxLongSide)
      add(
        "maxLongSide",
        { value: long, limit: l.maxLongSide },
        `long side ${long}px is above the maximum ${l.maxLongSide}px`,
      );
    if ((l.minRatio && ratio < l.minRatio - 1e-6) || (l.maxRatio && ratio > l.maxRatio + 1e-6)) {
      const range = `${fmtRatio(l.minRatio)}–${fmtRatio(l.maxRatio)}`;
      add("ratio", { value: ratio.toFixed(2), limit: range }, `aspect ratio ${ratio.toFixed(2)} is outside ${range}`);
    }
    if (l.minPixels && pixels < l.minPixels)
      add(
        "minPixels",
        { value: `${f.width}×${f.height}`, limit: l.minPixels },
        `${f.width}×${f.height} is ${pixels} pixels, below the minimum ${l.minPixels}`,
      );
    if (l.maxPixels && pixels > l.maxPixels)
      add(
        "maxPixels",
        { value: `${f.width}×${f.height}`, limit: l.maxPixels },
        `${f.width}×${f.height} is ${pixels} pixels, above the maximum ${l.maxPixels}`,
      );
  }
  if (f.durationSeconds != null) {
    const d = f.durationSeconds.toFixed(1);
    if (l.minSeconds && f.durationSeconds < l.minSeconds)
      add("minSeconds", { value: d, limit: l.minSeconds }, `duration ${d} s is below the minimum ${l.minSeconds} s`);
    if (l.maxSeconds && f.durationSeconds > l.maxSeconds)
      add("maxSeconds", { value: d, limit: l.maxSeconds }, `duration ${d} s is above the maximum ${l.maxSeconds} s`);
  }
  if (l.minFps && f.fps != null && f.fps <= l.minFps)
    add("minFps", { value: f.fps, limit: l.minFps }, `frame rate ${f.fps} fps must be above ${l.minFps} fps`);
  if (l.maxFps && f.fps != null && f.fps > l.maxFps)
    add("maxFps", { value: f.fps, limit: l.maxFps }, `frame rate ${f.fps} fps is above the maximum ${l.maxFps} fps`);
  return out;
}

/** Check one file's facts against its role's documented limits; each message names the limit. Shared by browser and server. */
export function checkMedia(spec: InputSpec, f: MediaFacts): string[] {
  return mediaIssues(spec, f).map((i) => i.message);
}

function fmtRatio(r?: number): string {
  if (!r) return "any";
  return r >= 1 ? `${+r.toFixed(2)}:1` : `1:${+(1 / r).toFixed(2)}`;
}
