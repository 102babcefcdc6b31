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

export function checkPromptFor(spec: ModeSpec, prompt: string | undefined): { field: string; message: string } | undefined {
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
    if (!allowed.has(r)) errors.push({ field: `inputs.${idx}.role`, message: `inputs: role "${r}" is not accepted in ${spec.mode} mode` });
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

/** Check one file's facts against its role's documented limits; each message names the limit. Shared by browser and server. */
export function checkMedia(spec: InputSpec, f: MediaFacts): string[] {
  const l = spec.limits ?? {};
  const out: string[] = [];
  const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
  if (l.mimes && f.mime && !l.mimes.includes(f.mime)) out.push(`format ${f.mime} is not accepted (allowed: ${l.mimes.join(", ")})`);
  if (l.maxBytes && f.size && f.size > l.maxBytes) out.push(`file is ${mb(f.size)}, the limit is ${mb(l.maxBytes)}`);
  if (f.width && f.height) {
    const short = Math.min(f.width, f.height);
    const long = Math.max(f.width, f.height);
    const ratio = f.width / f.height;
    if (l.minWidth && f.width < l.minWidth) out.push(`width ${f.width}px is below the minimum ${l.minWidth}px`);
    if (l.minHeight && f.height < l.minHeight) out.push(`height ${f.height}px is below the minimum ${l.minHeight}px`);
    if (l.minShortSide && short < l.minShortSide) out.push(`short side ${short}px is below the minimum ${l.minShortSide}px`);
    if (l.maxLongSide && long > l.maxLongSide) out.push(`long side ${long}px is above the maximum ${l.maxLongSide}px`);
    if ((l.minRatio && ratio < l.minRatio - 1e-6) || (l.maxRatio && ratio > l.maxRatio + 1e-6)) {
      out.push(`aspect ratio ${ratio.toFixed(2)} is outside ${fmtRatio(l.minRatio)}–${fmtRatio(l.maxRatio)}`);
    }
  }
  if (f.durationSeconds != null) {
    if (l.minSeconds && f.durationSeconds < l.minSeconds) out.push(`duration ${f.durationSeconds.toFixed(1)} s is below the minimum ${l.minSeconds} s`);
    if (l.maxSeconds && f.durationSeconds > l.maxSeconds) out.push(`duration ${f.durationSeconds.toFixed(1)} s is above the maximum ${l.maxSeconds} s`);
  }
  if (l.minFps && f.fps != null && f.fps <= l.minFps) out.push(`frame rate ${f.fps} fps must be above ${l.minFps} fps`);
  return out;
}

function fmtRatio(r?: number): string {
  if (!r) return "any";
  return r >= 1 ? `${+r.toFixed(2)}:1` : `1:${+(1 / r).toFixed(2)}`;
}
