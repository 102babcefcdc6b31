import { TTS_LIMITS } from "@/lib/catalog/limits";
import { DEEPSEEK_V32_MODEL, GPT54_MODEL } from "./types";

// "Improve this prompt" on the Video, Image and Speech pages: the instruction for each kind of draft and
// the gateway request for the chosen chat model. The answer must be the prompt alone, in the draft's language.

export type PromptKind = "video" | "image" | "speech";

const COMMON =
  "Keep the author's intent, subject and every concrete detail. Keep any reference tokens exactly as written (such as [Image 1], @Image1, <<<image_1>>>, @names). " +
  "Answer in the same language as the draft. Return only the improved text: no title, no explanation, no quotes, no Markdown.";

const INSTRUCTIONS: Record<PromptKind, string> = {
  video:
    "You improve prompts for AI video generation models. Rewrite the draft into one clear, vivid shot description: subject and action, setting, camera movement and framing, lighting, style and mood, in the order they happen. " +
    "Be concrete and visual, avoid abstract words, and stay under 600 Chinese characters or 1200 other characters. " +
    COMMON,
  image:
    "You improve prompts for AI image generation models. Rewrite the draft into one precise image description: subject, composition and framing, setting, lighting, colour palette, style or medium, lens and detail level. " +
    "Be concrete and visual and stay under 400 Chinese characters or 800 other characters. " +
    COMMON,
  speech:
    "You prepare text for a text-to-speech voice. Fix punctuation so the pauses fall naturally, split over-long sentences, write numbers, dates, units and abbreviations the way they should be spoken, and remove symbols that should not be read aloud. " +
    `Do not add or remove content and stay under ${TTS_LIMITS.maxTextChars} characters. ` +
    COMMON,
};

export const HELPER_MODELS = [DEEPSEEK_V32_MODEL, GPT54_MODEL] as const;

/** The gateway request (OpenAI-compatible) for one improvement; thinking is off so the answer comes quickly. */
export function improveRequest(kind: PromptKind, draft: string, model: string): Record<string, unknown> {
  const messages = [
    { role: "system", content: INSTRUCTIONS[kind] },
    { role: "user", content: draft },
  ];
  if (model === GPT54_MODEL) return { model, messages, temperature: 0.7 };
  return { model, messages, thinking: { type: "disabled" } };
}

/** Models sometimes wrap the answer anyway: strip surrounding quotes or a code fence. */
export function cleanImproved(text: string): string {
  let t = text.trim();
  const fence = /^```[^\n]*\n([\s\S]*?)\n?```$/.exec(t);
  if (fence) t = fence[1].trim();
  const pairs: [string, string][] = [
    ['"', '"'],
    ["“", "”"],
    ["「", "」"],
    ["'", "'"],
  ];
  for (const [a, b] of pairs)
    if (t.length > 1 && t.startsWith(a) && t.endsWith(b)) t = t.slice(a.length, -b.length).trim();
  return t;
}
