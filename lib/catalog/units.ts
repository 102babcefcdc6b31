import { MODEL_KINDS } from "./kinds";
import type { Mode, ModelKind } from "./types";

const getModel = (id: string): { kind: ModelKind } | undefined =>
  MODEL_KINDS[id] ? { kind: MODEL_KINDS[id] } : undefined;

// What each model is billed by, from its doc (shared/td-api), and the pure arithmetic of estimates, actual usage
// and cost. Shared by the server (ledger, budgets) and the browser (the estimate beside every Generate button).

export const UNITS = [
  "video_second",
  "image",
  "character",
  "voice_clone",
  "input_token",
  "output_token",
  "reasoning_token",
] as const;
export type Unit = (typeof UNITS)[number];

/** Quantities by unit, e.g. `{video_second: 5}` or `{input_token: 7, output_token: 12}`. */
export type Units = Partial<Record<Unit, number>>;

/** One row of the price table; `when` narrows it to parameter values (e.g. `{resolution: "1080P"}`). */
export interface PriceItem {
  model: string;
  unit: Unit;
  price: number;
  when?: Record<string, string | number | boolean>;
}
export interface PriceTable {
  currency: string;
  items: PriceItem[];
}

export interface Estimate {
  units: number;
  unit: Unit;
  cost?: number;
  currency?: string;
}

/** The longest a "model decides" Seedance video can be: a reservation holds the worst case. */
const SEEDANCE_AUTO_MAX_SECONDS = 15;
/** GV 3.1 takes no duration: the doc's example answers 8 s (Duration / VideoDuration). */
const GV_SECONDS = 8;

/** The unit a model's generations are counted in (chat: the output tokens are the headline unit). */
export function unitOf(modelId: string, mode?: Mode | string): Unit | undefined {
  const model = getModel(modelId);
  if (!model) return undefined;
  if (model.kind === "video") return "video_second";
  if (model.kind === "image") return "image";
  if (model.kind === "speech") return mode === "voice-clone" ? "voice_clone" : "character";
  return "output_token";
}

/** The parameters a price may be narrowed by, per model (what `when` can name). */
export function priceClassOf(modelId: string, params: Record<string, unknown>): Record<string, string> {
  const str = (v: unknown) => (v === undefined || v === null ? undefined : String(v));
  const pick = (...names: string[]) =>
    Object.fromEntries(names.flatMap((n) => (str(params[n]) !== undefined ? [[n, str(params[n])!]] : [])));
  const kind = getModel(modelId)?.kind;
  if (kind === "video") return pick("resolution");
  if (kind === "image") return pick("quality", "resolution");
  return {};
}

const chars = (s: string | undefined) => [...(s ?? "")].length;

/**
 * Units one generation will use, before it is sent: from the model, mode and parameters (defaults filled in) —
 * `batch` identical generations count `batch` times. The worst case where the model decides (Seedance -1).
 */
export function estimateUnits(
  modelId: string,
  mode: Mode | string,
  params: Record<string, unknown>,
  opts: { prompt?: string; batch?: number } = {},
): Units {
  const batch = Math.max(1, Math.floor(opts.batch ?? 1));
  const model = getModel(modelId);
  if (!model) return {};
  const unit = unitOf(modelId, mode)!;
  let n = 0;
  if (model.kind === "video") n = videoSeconds(modelId, params);
  else if (model.kind === "image") n = 1;
  else if (unit === "character") n = chars(opts.prompt);
  else if (unit === "voice_clone") n = 1;
  else return {};
  return { [unit]: n * batch };
}

function videoSeconds(modelId: string, params: Record<string, unknown>): number {
  const d = typeof params.duration === "number" ? params.duration : undefined;
  if (modelId === "T0301004") return GV_SECONDS;
  if (modelId === "T0101007") return d === undefined || d < 0 ? SEEDANCE_AUTO_MAX_SECONDS : d;
  // HappyHorse video edit: the output is as long as the input video (≤ 60 s), unknown before it runs.
  if (modelId === "T0401004") return d ?? 60;
  return d ?? 5;
}

export interface ActualInput {
  mode: Mode | string;
  params: Record<string, unknown>;
  prompt?: string | null;
  /** The upstream's `usage` as stored on the generation (or the chat usage chunk). */
  usage?: unknown;
  /** The outputs' facts, for models whose answer reports no usage. */
  outputs?: { kind: string; role?: string | null; durationSeconds?: number | null }[];
}

const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === "object" ? (v as Record<string, unknown>) : {});

/** Billing seconds are whole seconds: a fraction counts as a started second. */
export const roundSeconds = (s: number) => Math.ceil(s - 1e-9);

/**
 * Units one finished generation used, from what TD reported: HappyHorse's `usage.duration`, the Seedance/GV
 * answer's duration, the TTS text, chat's usage chunk — or, where TD reports nothing, the request and outputs.
 */
export function actualUnits(modelId: string, a: ActualInput): Units {
  const model = getModel(modelId);
  if (!model) return {};
  const usage = obj(a.usage);
  if (model.kind === "chat") return chatUnits(usage);
  if (model.kind === "video") {
    const reported = num(usage.duration);
    if (reported !== undefined) return { video_second: roundSeconds(reported) };
    const video = a.outputs?.find((o) => o.kind === "video" && num(o.durationSeconds) !== undefined);
    const seconds = video ? num(video.durationSeconds)! : videoSeconds(modelId, a.params);
    return { video_second: roundSeconds(seconds) };
  }
  if (model.kind === "image") {
    const images = a.outputs?.filter((o) => o.kind === "image").length ?? 0;
    return { image: images || 1 };
  }
  if (a.mode === "voice-clone") return { voice_clone: 1 };
  return { character: chars(a.prompt ?? undefined) };
}

/** OpenAI-style usage: prompt_tokens, completion_tokens (reasoning tokens are part of them, billed apart). */
export function chatUnits(usage: Record<string, unknown>): Units {
  const input = num(usage.prompt_tokens) ?? 0;
  const completion = num(usage.completion_tokens) ?? 0;
  const reasoning = num(obj(usage.completion_tokens_details).reasoning_tokens) ?? 0;
  const out: Units = { input_token: input, output_token: Math.max(0, completion - reasoning) };
  if (reasoning) out.reasoning_token = reasoning;
  return out;
}

/** The class a parameter set falls in at a resolution the answer reports (HappyHorse `usage.SR`: 720 → 720P). */
export function actualPriceClass(modelId: string, params: Record<string, unknown>, usage?: unknown) {
  const sr = num(obj(usage).SR);
  const p = sr && modelId.startsWith("T0401") ? { ...params, resolution: `${sr}P` } : params;
  return priceClassOf(modelId, p);
}

/** The price of one unit: the item whose `when` matches and names the most parameters wins. */
export function unitPrice(
  table: PriceTable | null | undefined,
  modelId: string,
  unit: Unit,
  cls: Record<string, string>,
): number | undefined {
  let best: { price: number; specificity: number } | undefined;
  for (const item of table?.items ?? []) {
    if (item.model !== modelId || item.unit !== unit) continue;
    const when = Object.entries(item.when ?? {});
    if (!when.every(([k, v]) => cls[k] !== undefined && cls[k].toLowerCase() === String(v).toLowerCase())) continue;
    if (!best || when.length > best.specificity) best = { price: item.price, specificity: when.length };
  }
  return best?.price;
}

/** Money is kept to 1/10000 of the currency unit (prices per token are tiny); shown to 2 places. */
export const roundMoney = (v: number) => Math.round(v * 10_000) / 10_000;

/** The cost of some units, or undefined when any unit with a quantity has no price. */
export function costOf(
  table: PriceTable | null | undefined,
  modelId: string,
  units: Units,
  cls: Record<string, string>,
): number | undefined {
  let total = 0;
  for (const [unit, qty] of Object.entries(units) as [Unit, number][]) {
    if (!qty) continue;
    const p = unitPrice(table, modelId, unit, cls);
    if (p === undefined) return undefined;
    total += p * qty;
  }
  return roundMoney(total);
}

export const sumUnits = (u: Units) => Object.values(u).reduce<number>((s, n) => s + (n ?? 0), 0);

/** What the create answer and every Generate button show: units in the model's unit, and the cost when priced. */
export function estimate(
  modelId: string,
  mode: Mode | string,
  params: Record<string, unknown>,
  batch = 1,
  opts: { prompt?: string; prices?: PriceTable | null } = {},
): Estimate | undefined {
  const unit = unitOf(modelId, mode);
  if (!unit) return undefined;
  const units = estimateUnits(modelId, mode, params, { prompt: opts.prompt, batch });
  const cost = costOf(opts.prices, modelId, units, priceClassOf(modelId, params));
  return {
    units: units[unit] ?? 0,
    unit,
    ...(cost !== undefined && opts.prices ? { cost, currency: opts.prices.currency } : {}),
  };
}

/** `actual`: the units a finished generation used and their cost at the given (historical) price table. */
export function actual(modelId: string, a: ActualInput, prices?: PriceTable | null) {
  const units = actualUnits(modelId, a);
  const cost = costOf(prices, modelId, units, actualPriceClass(modelId, a.params, a.usage));
  return { units, cost };
}

/** An answer's default length when the request sets no max_tokens (DeepSeek's documented default, 4k). */
export const CHAT_DEFAULT_OUTPUT_TOKENS = 4096;

/**
 * What one gateway chat turn is reserved at before it is sent: every character of the messages' text as an
 * input token (tokenizers pack more than one character into most tokens, so this errs high), the answer as its
 * `max_tokens` (or `max_completion_tokens`, or the 4k default). Inline files count nothing: TD bills them by
 * their tokens, which only the usage chunk knows. Settlement replaces it with what TD reports.
 */
export function chatEstimateUnits(body: {
  messages?: unknown;
  max_tokens?: number | null;
  max_completion_tokens?: number | null;
}): Units {
  let input = 0;
  const walk = (v: unknown): void => {
    if (typeof v === "string") {
      if (!v.startsWith("data:")) input += v.length;
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk(body.messages);
  const output = body.max_completion_tokens ?? body.max_tokens ?? CHAT_DEFAULT_OUTPUT_TOKENS;
  return { input_token: input, output_token: output };
}
