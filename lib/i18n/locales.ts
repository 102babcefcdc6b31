/** The studio's languages; Simplified Chinese first, it is the default. */
export const LOCALES = ["zh", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh";
/** Cookie the language switch writes and the server reads. */
export const LOCALE_COOKIE = "locale";

/** BCP 47 tag for <html lang> and Intl: "zh-CN" picks Simplified glyphs in CJK fonts. */
export const HTML_LANG: Record<Locale, string> = { zh: "zh-CN", en: "en" };

/** Names shown in the language switch, each in its own language. */
export const LOCALE_LABELS: Record<Locale, string> = { zh: "中文", en: "English" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** Pick the best supported locale from an Accept-Language header (q-weighted), or undefined. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const base = tag.split("-")[0];
    if (isLocale(base)) return base;
  }
  return undefined;
}
