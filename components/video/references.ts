// How a prompt refers to reference images, per model, as each vendor doc says:
// - HappyHorse reference fusion (T0401003): `[Image 1]`, `[Image 2]` … in media order (its doc, "参考指代").
// - Seedance 2.0 fast (T0101007): "提示词中推荐使用“[图1]xxx，[图2]xxx”的方式来指定图片".
// GV 3.1 and the HappyHorse edit document no such syntax: their images are numbered but not mentioned.

export interface MentionStyle {
  /** The token for the n-th reference image (1-based). */
  token: (n: number) => string;
  /** Finds every mention: group 1 is the number, or "?" for an image that was removed. */
  pattern: RegExp;
}

const ENGLISH: MentionStyle = { token: (n) => `[Image ${n}]`, pattern: /\[Image\s*(\d+|\?)\]/gi };
const CHINESE: MentionStyle = { token: (n) => `[图${n}]`, pattern: /\[图\s*(\d+|\?)\]/g };

/** The mention style of a model in a mode, or undefined when the model documents none. */
export function mentionStyle(modelId: string, mode: string): MentionStyle | undefined {
  if (modelId === "T0401003" && mode === "reference") return ENGLISH;
  if (modelId === "T0101007" && (mode === "reference" || mode === "multimodal-reference")) return CHINESE;
  return undefined;
}

/**
 * Rewrite the mentions after the images were reordered or one was removed. `order` lists, for each old
 * position (0-based), its new position, or undefined when that image is gone (its mentions become `[Image ?]`).
 * Done in one pass, so [Image 1] ↔ [Image 2] swap cleanly.
 */
export function renumber(prompt: string, style: MentionStyle, order: (number | undefined)[]): string {
  return prompt.replace(new RegExp(style.pattern.source, style.pattern.flags), (whole, num: string) => {
    if (num === "?") return whole;
    const old = Number(num) - 1;
    if (old < 0 || old >= order.length) return whole;
    const now = order[old];
    return now === undefined ? style.token(0).replace("0", "?") : style.token(now + 1);
  });
}

/** The new position of each old one after moving `from` to `to` (or removing `from` when `to` is undefined). */
export function moveOrder(count: number, from: number, to: number | undefined): (number | undefined)[] {
  const ids = Array.from({ length: count }, (_, i) => i);
  ids.splice(from, 1);
  if (to !== undefined) ids.splice(to, 0, from);
  const order: (number | undefined)[] = Array.from({ length: count }, () => undefined);
  ids.forEach((old, now) => (order[old] = now));
  return order;
}

export interface MentionCheck {
  /** 1-based numbers of images the prompt never mentions. */
  unmentioned: number[];
  /** Mentions that point at no image ("[Image 4]" with three images, or "[Image ?]"). */
  dangling: string[];
}

export function checkMentions(prompt: string, style: MentionStyle, count: number): MentionCheck {
  const seen = new Set<number>();
  const dangling: string[] = [];
  for (const m of prompt.matchAll(new RegExp(style.pattern.source, style.pattern.flags))) {
    const n = m[1] === "?" ? NaN : Number(m[1]);
    if (Number.isInteger(n) && n >= 1 && n <= count) seen.add(n);
    else if (!dangling.includes(m[0])) dangling.push(m[0]);
  }
  const unmentioned = Array.from({ length: count }, (_, i) => i + 1).filter((n) => !seen.has(n));
  return { unmentioned, dangling };
}

/** Insert `token` into `text` at the selection, with a space where it would touch a word. */
export function insertAt(text: string, start: number, end: number, token: string): { text: string; caret: number } {
  const before = text.slice(0, start);
  const after = text.slice(end);
  const pad = before && !/\s$/.test(before) && /[A-Za-z0-9]$/.test(before) ? " " : "";
  const next = before + pad + token + after;
  return { text: next, caret: (before + pad + token).length };
}
