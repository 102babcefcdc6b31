"use client";

import { useLocale, useTranslations } from "use-intl";
import { hasKey, tKey } from "@/lib/i18n/dynamic-key";

/** The names and values of settings in the words of the studio's forms (as the share page shows them). */
export function useSettingText(kind: string, models: Record<string, { name: { zh: string; en: string } }>) {
  const locale = useLocale() as "zh" | "en";
  const tg = useTranslations("gallery.detail");
  const th = useTranslations("history");
  const tp = useTranslations(kind === "image" ? "image" : kind === "audio" ? "speech" : "video");
  const label = (field: string) =>
    field === "prompt" || field === "model" || field === "mode"
      ? tg(field)
      : hasKey(tp, `params.${field}`)
        ? tKey(tp, `params.${field}`)
        : field;
  const value = (field: string, v: unknown): string => {
    if (v === undefined || v === null || v === "") return "—";
    if (field === "model") return models[String(v)]?.name[locale] ?? String(v);
    if (field === "mode") return tKey(th, `modes.${String(v)}`, undefined, String(v));
    if (typeof v === "boolean")
      return hasKey(tp, v ? "params.on" : "params.off") ? tKey(tp, v ? "params.on" : "params.off") : String(v);
    return typeof v === "object" ? JSON.stringify(v) : String(v);
  };
  return { label, value };
}
