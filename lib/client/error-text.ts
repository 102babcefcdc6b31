"use client";

import { useTranslations } from "use-intl";
import { hasKey, tKey, type KeyValues } from "@/lib/i18n/dynamic-key";
import { ApiError } from "./api";

// What the UI says about a failed request: text from the error's code and parameters (common.errors.<code>,
// or .<reason> when the error names one), in the reader's language — never the English of the throw site.

type Translator = ReturnType<typeof useTranslations<"common">>;

/** The text for an error code (and its parameters); `values` override them (e.g. a model id → its name). */
export function errorText(
  t: Translator,
  e: { code: string; details?: Record<string, string | number> },
  values: KeyValues = {},
): string {
  const v = { ...e.details, ...values };
  const base = `errors.${e.code}`;
  const reason = typeof e.details?.reason === "string" ? e.details.reason : undefined;
  if (reason && hasKey(t, `${base}.${reason}`)) return tKey(t, `${base}.${reason}`, v);
  if (hasKey(t, `${base}.default`)) return tKey(t, `${base}.default`, v);
  if (hasKey(t, base)) return tKey(t, base, v);
  return t("errors.generic");
}

/** `errorText` for anything a request may throw (an ApiError, or a failure before any answer). */
export function useErrorText(): (e: unknown, values?: KeyValues) => string {
  const t = useTranslations("common");
  return (e, values) =>
    e instanceof ApiError
      ? errorText(t, e, values)
      : e instanceof TypeError
        ? t("errors.network")
        : t("errors.generic");
}
