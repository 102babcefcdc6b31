"use client";

// Client components translate through use-intl; <Providers> (components/providers.tsx) supplies
// the locale, the merged messages and the time zone the server chose for this request.
export { useFormatter, useLocale, useNow, useTimeZone, useTranslations } from "use-intl";
import { LOCALE_COOKIE, type Locale } from "./locales";

/** Remember the user's language for a year; the caller then refreshes the server components. */
export function writeLocaleCookie(locale: Locale) {
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=31536000; samesite=lax`;
}
