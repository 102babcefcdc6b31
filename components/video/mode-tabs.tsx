"use client";

import { useTranslations } from "use-intl";
import { cn } from "@/components/ui";
import type { ModeFormSpec } from "@/lib/catalog/form-spec";
import { tKey } from "@/lib/i18n/dynamic-key";

/** Short model names for the mode tabs ("HappyHorse · GV 3.1 · Seedance"). */
export function shortName(spec: Pick<ModeFormSpec, "vendorName">): string {
  return spec.vendorName
    .replace(/^Doubao /, "")
    .replace(/ 1\.0$/, "")
    .replace(/ 2\.0 fast$/, "");
}

/**
 * The page is organised by what the creator wants to do: one tab per mode, each naming the models
 * that can do it. Native radios, so arrow keys and screen readers work.
 */
export function ModeTabs({
  modes,
  value,
  onChange,
}: {
  modes: { mode: string; specs: ModeFormSpec[] }[];
  value: string;
  onChange: (mode: string) => void;
}) {
  const t = useTranslations("video");
  return (
    <fieldset className="grid grid-cols-2 gap-2 sm:grid-cols-3 xl:grid-cols-6" data-testid="mode-tabs">
      <legend className="sr-only">{t("modeLegend")}</legend>
      {modes.map((m) => (
        <label key={m.mode} className="relative">
          <input
            type="radio"
            name="video-mode"
            value={m.mode}
            checked={value === m.mode}
            onChange={() => onChange(m.mode)}
            className="peer sr-only"
          />
          <span
            className={cn(
              "flex h-full cursor-pointer flex-col gap-0.5 rounded-lg border border-border bg-surface px-3 py-2 shadow-xs transition-colors",
              "peer-checked:border-accent peer-checked:bg-accent/8 peer-checked:shadow-none hover:border-border-strong",
              "peer-focus-visible:outline-2 peer-focus-visible:outline-offset-1 peer-focus-visible:outline-accent",
            )}
          >
            <span className="text-[13px] font-semibold text-fg">{tKey(t, `modes.${m.mode}`)}</span>
            <span className="text-[11px] leading-4 text-muted">{m.specs.map(shortName).join(" · ")}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
