import type { PromptSpec } from "./types";

const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/u;

/** Counts as the docs do: Chinese characters and other characters separately. */
export function countPrompt(text: string): { chinese: number; other: number } {
  let chinese = 0;
  let other = 0;
  for (const ch of text) {
    if (CJK.test(ch)) chinese++;
    else other++;
  }
  return { chinese, other };
}

export interface PromptCheck {
  /** 0..1+ share of the limit used (over 1 = over the limit). */
  used: number;
  over: boolean;
  /** The limit, in words the user can act on (English; the UI formats `parts` in its language). */
  limit: string;
  parts: { maxChinese: number; maxOther: number } | { maxChars: number };
}

/**
 * "≤ 2500 Chinese characters or 5000 other characters": we read it as a weighted budget where a
 * Chinese character costs 2 units and any other character 1, against 5000 units.
 */
export function checkPrompt(spec: PromptSpec, text: string): PromptCheck {
  if (spec.counting === "cjk-weighted" && spec.maxChinese && spec.maxOther) {
    const { chinese, other } = countPrompt(text);
    const units = chinese * (spec.maxOther / spec.maxChinese) + other;
    return {
      used: units / spec.maxOther,
      over: units > spec.maxOther,
      limit: `${spec.maxChinese} Chinese / ${spec.maxOther} other characters`,
      parts: { maxChinese: spec.maxChinese, maxOther: spec.maxOther },
    };
  }
  const max = spec.maxChars ?? Infinity;
  const n = [...text].length;
  return { used: n / max, over: n > max, limit: `${max} characters`, parts: { maxChars: max } };
}
