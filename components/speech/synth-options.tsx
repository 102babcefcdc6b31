"use client";

import { useTranslations } from "use-intl";
import { Field, Input, Segmented } from "@/components/ui";
import type { ParamField } from "@/lib/catalog/form-spec";
import { tKey } from "@/lib/i18n/dynamic-key";

export type Params = Record<string, unknown>;

/** synExt and Output: sample rate, pitch, target duration, output as data or URL — each with its documented range and default. */
export function SynthOptions({
  fields,
  values,
  onChange,
}: {
  fields: ParamField[];
  values: Params;
  onChange: (v: Params) => void;
}) {
  const t = useTranslations("speech");
  const f = (name: string) => fields.find((x) => x.name === name);
  const set = (name: string, v: unknown) => {
    const next = { ...values };
    if (v === undefined) delete next[name];
    else next[name] = v;
    onChange(next);
  };
  const rate = f("sampleRate");
  const pitch = f("pitch");
  const duration = f("durationSeconds");
  const output = f("outputType");
  const pitchValue = Number(values.pitch ?? pitch?.default ?? 0);

  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {rate?.options && (
        <Field
          label={t("options.sampleRate")}
          hint={t("options.sampleRateHint", { value: String(rate.default) })}
          className="sm:col-span-2"
        >
          <Segmented
            legend={t("options.sampleRate")}
            name="sampleRate"
            value={String(values.sampleRate ?? rate.default)}
            onChange={(v) => set("sampleRate", Number(v))}
            options={rate.options.map((o) => ({
              value: String(o),
              label: t("options.hz", { value: Number(o) / 1000 }),
            }))}
            className="w-full"
          />
        </Field>
      )}
      {pitch && (
        <Field
          label={t("options.pitch")}
          hint={t("options.pitchHint", { min: pitch.min ?? -12, max: pitch.max ?? 12 })}
          aside={t("options.pitchValue", { value: pitchValue > 0 ? `+${pitchValue}` : String(pitchValue) })}
        >
          <input
            type="range"
            name="pitch"
            min={pitch.min}
            max={pitch.max}
            step={1}
            value={pitchValue}
            onChange={(e) => set("pitch", Number(e.target.value))}
            className="h-9 w-full accent-[var(--accent)]"
            aria-label={t("options.pitch")}
          />
        </Field>
      )}
      {duration && (
        <Field label={t("options.duration")} hint={t("options.durationHint")}>
          <Input
            type="number"
            name="durationSeconds"
            min={0.5}
            step={0.5}
            inputMode="decimal"
            placeholder={t("options.durationPlaceholder")}
            value={values.durationSeconds === undefined ? "" : String(values.durationSeconds)}
            onChange={(e) => set("durationSeconds", e.target.value === "" ? undefined : Number(e.target.value))}
          />
        </Field>
      )}
      {output?.options && (
        <Field label={t("options.output")} hint={t("options.outputHint")} className="sm:col-span-2">
          <Segmented
            legend={t("options.output")}
            name="outputType"
            value={String(values.outputType ?? output.default)}
            onChange={(v) => set("outputType", v)}
            options={output.options.map((o) => ({
              value: String(o),
              label: tKey(t, `options.outputTypes.${String(o)}`),
            }))}
            className="w-full"
          />
        </Field>
      )}
    </div>
  );
}
