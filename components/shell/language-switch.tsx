"use client";

import { useRouter } from "next/navigation";
import { useOptimistic, useTransition } from "react";
import { Segmented } from "@/components/ui/segmented";
import { useLocale, useTranslations, writeLocaleCookie } from "@/lib/i18n/client";
import { LOCALES, LOCALE_LABELS, type Locale } from "@/lib/i18n/locales";

export function LanguageSwitch({ className }: { className?: string }) {
  const t = useTranslations("shell.language");
  const locale = useLocale();
  const router = useRouter();
  const [, startTransition] = useTransition();
  // Show the new choice at once; the texts follow when the refresh lands.
  const [shown, setShown] = useOptimistic(locale);

  function change(next: Locale) {
    writeLocaleCookie(next);
    // Server components re-render with the new cookie; client state (forms, drafts) is kept.
    startTransition(() => {
      setShown(next);
      router.refresh();
    });
  }

  return (
    <Segmented<Locale>
      legend={t("label")}
      value={shown}
      onChange={change}
      className={className}
      options={LOCALES.map((value) => ({ value, label: LOCALE_LABELS[value] }))}
    />
  );
}
