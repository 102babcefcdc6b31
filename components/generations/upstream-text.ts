import type { useTranslations } from "use-intl";
import { hasKey, tKey } from "@/lib/i18n/dynamic-key";

type UpstreamT = ReturnType<typeof useTranslations<"upstream">>;

/**
 * The message key for a TD error code (messages/<locale>/upstream.json): the exact code, else its family
 * ("RequestLimitExceeded.IPLimitExceeded" → "RequestLimitExceeded"). Message keys cannot hold dots, so "." is "_".
 */
export function upstreamKey(code: string, has: (key: string) => boolean): string | undefined {
  const exact = code.replace(/\./g, "_");
  if (has(exact)) return exact;
  const family = code.split(".")[0];
  return family !== code && has(family) ? family : undefined;
}

/** A documented TD error code (VOD, TTS) in plain words; undefined for codes the map does not know. */
export function upstreamErrorText(tu: UpstreamT, code: string): string | undefined {
  const key = upstreamKey(code, (k) => hasKey(tu, `codes.${k}`));
  return key ? tKey(tu, `codes.${key}`) : undefined;
}
