"use client";

import { Button } from "@/components/ui";
import { useTranslations } from "@/lib/i18n/client";
import { useCopy } from "./use-copy";

/** A secret shown once (a new token, an invite link), with a copy button. */
export function SecretBox({ label, value, testId }: { label: string; value: string; testId: string }) {
  const t = useTranslations("settings");
  const { copied, copy } = useCopy();
  return (
    <div className="rounded-lg border border-accent/30 bg-accent/5 p-3">
      <p className="mb-2 text-sm text-fg">{label}</p>
      <div className="flex items-center gap-2">
        <code
          data-testid={testId}
          className="min-w-0 flex-1 truncate rounded-md bg-surface px-2 py-1.5 font-mono text-[13px] text-fg select-all"
        >
          {value}
        </code>
        <Button size="sm" onClick={() => copy(value)}>
          {copied ? t("copied") : t("copy")}
        </Button>
      </div>
    </div>
  );
}
