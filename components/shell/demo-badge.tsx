"use client";

import { FlaskConicalIcon } from "lucide-react";
import { useId } from "react";
import { cn } from "@/components/ui/cn";
import { useTranslations } from "@/lib/i18n/client";

/**
 * Tells the user nothing reaches the real TD. The explanation shows on hover and on keyboard
 * focus (a title attribute alone is invisible to keyboard and touch users).
 */
export function DemoBadge({ compact = false, className }: { compact?: boolean; className?: string }) {
  const t = useTranslations("shell.demo");
  const tipId = useId();
  return (
    <span className={cn("group relative inline-flex", className)}>
      <span
        tabIndex={0}
        aria-describedby={tipId}
        className="inline-flex h-6 items-center gap-1.5 rounded-full border border-warning/30 bg-warning/10 px-2.5 text-xs font-medium whitespace-nowrap text-warning"
      >
        <FlaskConicalIcon className="size-3.5" />
        {compact ? t("short") : t("badge")}
      </span>
      <span
        id={tipId}
        role="tooltip"
        className={cn(
          "pointer-events-none invisible absolute z-50 w-64 rounded-lg border border-border bg-surface p-3 text-xs leading-5 text-fg opacity-0 shadow-lg transition-opacity",
          "group-focus-within:visible group-focus-within:opacity-100 group-hover:visible group-hover:opacity-100",
          compact ? "end-0 top-full mt-2" : "start-0 bottom-full mb-2",
        )}
      >
        {t("tooltip")}
      </span>
    </span>
  );
}
