"use client";

import { useTranslations } from "use-intl";
import { cn } from "@/components/ui/cn";
import type { UsageView } from "@/lib/chat/types";

/** A turn's (or a conversation's) token counts. */
export function UsageLine({ u, className }: { u: UsageView; className?: string }) {
  const t = useTranslations("chat.usage");
  return (
    <span className={cn("text-xs text-muted tabular-nums", className)} data-testid="usage">
      {t("line", { prompt: u.promptTokens, completion: u.completionTokens })}
      {u.reasoningTokens > 0 && ` · ${t("reasoning", { n: u.reasoningTokens })}`}
    </span>
  );
}
