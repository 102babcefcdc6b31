"use client";

import { useId } from "react";
import { useTranslations } from "use-intl";
import { cn } from "@/components/ui";
import { tKey } from "@/lib/i18n/dynamic-key";

/** "16:9" → the shape's box inside a 28×28 frame. */
function shape(ratio: string): { w: number; h: number } {
  const [a, b] = ratio.split(":").map(Number);
  const s = 24 / Math.max(a, b);
  return { w: Math.max(6, Math.round(a * s)), h: Math.max(6, Math.round(b * s)) };
}

const RADIO = "peer sr-only";
const TILE =
  "flex cursor-pointer flex-col items-center justify-center gap-1 rounded-lg border border-border bg-surface px-1 py-2 text-xs text-muted transition-colors " +
  "hover:border-border-strong hover:text-fg peer-checked:border-accent peer-checked:bg-accent/10 peer-checked:text-fg " +
  "peer-focus-visible:outline-2 peer-focus-visible:outline-offset-1 peer-focus-visible:outline-accent";

/** The nine aspect ratios as shapes (a native radio group: arrow keys work), the documented default marked. */
export function AspectRatioPicker({
  options,
  value,
  defaultValue,
  onChange,
}: {
  options: string[];
  value: string;
  defaultValue?: string;
  onChange: (v: string) => void;
}) {
  const t = useTranslations("image");
  const name = useId();
  return (
    <fieldset>
      <legend className="mb-1.5 text-[13px] font-medium text-fg">{t("params.aspectRatio")}</legend>
      <div className="grid grid-cols-5 gap-1.5 sm:grid-cols-9 lg:grid-cols-5 xl:grid-cols-9">
        {options.map((r) => {
          const { w, h } = shape(r);
          return (
            <label key={r} className="relative" title={r === defaultValue ? t("params.defaultMark", { value: r }) : r}>
              <input
                type="radio"
                name={name}
                value={r}
                checked={value === r}
                onChange={() => onChange(r)}
                className={RADIO}
                aria-label={r === defaultValue ? `${r} (${t("params.isDefault")})` : r}
              />
              <span className={TILE}>
                <span className="flex size-7 items-center justify-center" aria-hidden="true">
                  <span className="rounded-[3px] border-[1.5px] border-current" style={{ width: w, height: h }} />
                </span>
                <span className="tabular-nums">{r}</span>
              </span>
            </label>
          );
        })}
      </div>
      {defaultValue && <p className="mt-1.5 text-xs text-muted">{t("params.default", { value: defaultValue })}</p>}
    </fieldset>
  );
}

/** ModelVersion low / medium / high, each with a word on speed against quality. */
export function QualityPicker({
  options,
  value,
  defaultValue,
  onChange,
}: {
  options: string[];
  value: string;
  defaultValue?: string;
  onChange: (v: string) => void;
}) {
  const t = useTranslations("image");
  const name = useId();
  return (
    <fieldset>
      <legend className="mb-1.5 text-[13px] font-medium text-fg">{t("params.quality")}</legend>
      <div className="grid grid-cols-3 gap-1.5">
        {options.map((q) => (
          <label key={q} className="relative">
            <input
              type="radio"
              name={name}
              value={q}
              checked={value === q}
              onChange={() => onChange(q)}
              className={RADIO}
            />
            <span className={cn(TILE, "h-full items-start px-2.5 py-2 text-start")}>
              <span className="flex w-full items-center justify-between gap-1 text-[13px] font-medium text-fg">
                {tKey(t, `quality.${q}.name`)}
                {q === defaultValue && (
                  <span className="rounded bg-surface-2 px-1 text-[10px] font-normal text-muted">
                    {t("params.isDefault")}
                  </span>
                )}
              </span>
              <span className="leading-4">{tKey(t, `quality.${q}.note`)}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
