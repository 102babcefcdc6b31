import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { createFormatter, createTranslator, type Messages, type NamespaceKeys, type NestedKeyOf } from "use-intl/core";
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale, localeFromAcceptLanguage, type Locale } from "./locales";
import { getMessages } from "./messages";

/** Cookie the boot script writes with the browser's time zone, so server and client format dates alike. */
export const TIME_ZONE_COOKIE = "tz";
/** Until the browser has told us its zone (first visit), format for our users' home zone. */
export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

/** The request's language: the `locale` cookie, else Accept-Language, else Chinese. */
export const getLocale = cache(async (): Promise<Locale> => {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(fromCookie)) return fromCookie;
  return localeFromAcceptLanguage((await headers()).get("accept-language")) ?? DEFAULT_LOCALE;
});

export const getTimeZone = cache(async (): Promise<string> => {
  const zone = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  if (!zone) return DEFAULT_TIME_ZONE;
  try {
    // Rejects anything that is not an IANA zone name, so a forged cookie cannot break rendering.
    return new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return DEFAULT_TIME_ZONE;
  }
});

type Namespace = NamespaceKeys<Messages, NestedKeyOf<Messages>>;

/** Server-side translator, e.g. `const t = await getT("shell"); t("nav.video")`. */
export async function getT<N extends Namespace = never>(namespace?: N) {
  const locale = await getLocale();
  return createTranslator<Messages, N>({
    locale,
    messages: getMessages(locale),
    namespace,
    timeZone: await getTimeZone(),
  });
}

/** Server-side dates, numbers and relative times in the request's locale and time zone. */
export async function getFormatter() {
  return createFormatter({ locale: await getLocale(), timeZone: await getTimeZone() });
}
