"use client";

import { useTranslations } from "use-intl";
import { ParamFields, type ParamValues } from "@/components/generations/param-fields";
import { Field, Input, Segmented } from "@/components/ui";
import type { ParamField } from "@/lib/catalog/form-spec";
import { AspectRatioPicker, QualityPicker } from "./pickers";
import { tKey } from "@/lib/i18n/dynamic-key";

/** Generic controls (switches, seed) come from the shared ParamFields; the rest are drawn here. */
const GENERIC = ["enhancePrompt", "seed", "inputComplianceCheck", "outputComplianceCheck"];

/** Every documented GPT Image-2 option, each with its documented default shown. */
export function ImageSettings({
  fields,
  values,
  onChange,
  errors,
}: {
  fields: ParamField[];
  values: ParamValues;
  onChange: (v: ParamValues) => void;
  errors: Record<string, string>;
}) {
  const t = useTranslations("image");
  const f = (name: string) => fields.find((x) => x.name === name);
  const set = (name: string, v: unknown) => {
    const next = { ...values };
    if (v === undefined || v === "") delete next[name];
    else next[name] = v;
    onChange(next);
  };
  const quality = f("quality");
  const resolution = f("resolution");
  const ratio = f("aspectRatio");
  const person = f("personGeneration");
  const priority = f("priority");
  const prio = Number(values.priority ?? priority?.default ?? 0);

  return (
    <div className="flex flex-col gap-5">
      {quality?.options && (
        <QualityPicker
          options={quality.options.map(String)}
          value={String(values.quality ?? quality.default)}
          defaultValue={String(quality.default)}
          onChange={(v) => set("quality", v)}
        />
      )}
      {resolution?.options && (
        <Field
          label={t("params.resolution")}
          hint={t("params.resolutionHint", { value: String(resolution.default) })}
          error={errors.resolution}
        >
          <Segmented
            legend={t("params.resolution")}
            name="resolution"
            value={String(values.resolution ?? resolution.default)}
            onChange={(v) => set("resolution", v)}
            options={resolution.options.map((o) => ({ value: String(o), label: String(o) }))}
            className="w-full"
          />
        </Field>
      )}
      {ratio?.options && (
        <AspectRatioPicker
          options={ratio.options.map(String)}
          value={String(values.aspectRatio ?? ratio.default)}
          defaultValue={String(ratio.default)}
          onChange={(v) => set("aspectRatio", v)}
        />
      )}
      <Field label={t("params.negativePrompt")} hint={t("params.negativePromptHint")} error={errors.negativePrompt}>
        <Input
          name="negativePrompt"
          value={String(values.negativePrompt ?? "")}
          onChange={(e) => set("negativePrompt", e.target.value)}
          placeholder={t("params.negativePromptPlaceholder")}
        />
      </Field>

      <details className="group rounded-lg border border-border p-4 open:pb-5">
        <summary className="cursor-pointer text-[13px] font-semibold text-fg">{t("params.advanced")}</summary>
        <div className="mt-4 flex flex-col gap-4">
          <ParamFields
            fields={fields.filter((x) => GENERIC.includes(x.name))}
            values={values}
            onChange={onChange}
            ns="image"
            errors={errors}
          />
          {person?.options && (
            <Field
              label={t("params.personGeneration")}
              hint={t("params.personGenerationHint", { value: tKey(t, `person.${String(person.default)}`) })}
              error={errors.personGeneration}
            >
              <Segmented
                legend={t("params.personGeneration")}
                name="personGeneration"
                value={String(values.personGeneration ?? person.default)}
                onChange={(v) => set("personGeneration", v)}
                options={person.options.map((o) => ({ value: String(o), label: tKey(t, `person.${String(o)}`) }))}
                className="w-full"
              />
            </Field>
          )}
          {priority && (
            <Field
              label={t("params.priority")}
              hint={t("params.priorityHint", {
                min: priority.min ?? -10,
                max: priority.max ?? 10,
                value: String(priority.default ?? 0),
              })}
              aside={prio > 0 ? `+${prio}` : String(prio)}
              error={errors.priority}
            >
              <input
                type="range"
                name="priority"
                min={priority.min}
                max={priority.max}
                step={1}
                value={prio}
                onChange={(e) => set("priority", Number(e.target.value))}
                className="h-9 w-full accent-[var(--accent)]"
                aria-label={t("params.priority")}
              />
            </Field>
          )}
        </div>
      </details>
    </div>
  );
}
