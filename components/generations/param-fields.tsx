"use client";

import { useTranslations } from "use-intl";
import { Field, Input, Segmented, Select, Switch } from "@/components/ui";
import type { ParamField } from "@/lib/catalog/form-spec";
import { SEED_MAX } from "@/lib/catalog/limits";
import { hasKey, tKey } from "@/lib/i18n/dynamic-key";

export type ParamValues = Record<string, unknown>;

/** The documented defaults of a mode, as the form's starting values. */
export function defaultsOf(fields: ParamField[]): ParamValues {
  return Object.fromEntries(fields.filter((f) => f.default !== undefined).map((f) => [f.name, f.default]));
}

/**
 * Controls generated from the catalog: only what the model accepts is offered, each with its
 * documented range and default. Labels come from the page's messages (`<ns>.params.<name>`).
 */
export function ParamFields({
  fields,
  values,
  onChange,
  ns,
  errors = {},
}: {
  fields: ParamField[];
  values: ParamValues;
  onChange: (v: ParamValues) => void;
  ns: "video" | "image";
  errors?: Record<string, string>;
}) {
  const t = useTranslations(ns);
  const label = (name: string, fallback?: string) =>
    hasKey(t, `params.${name}`) ? tKey(t, `params.${name}`) : (fallback ?? name);
  // Optional words for an enum value (`<ns>.params.options.<name>.<value>`), else the value itself.
  const option = (name: string, value: string | number) =>
    hasKey(t, `params.options.${name}.${value}`) ? tKey(t, `params.options.${name}.${value}`) : String(value);
  const shown = (f: ParamField, v: unknown) =>
    typeof v === "boolean" && hasKey(t, "params.on")
      ? tKey(t, v ? "params.on" : "params.off")
      : f.kind === "enum"
        ? option(f.name, v as string)
        : String(v);
  const set = (name: string, value: unknown) => {
    const next = { ...values };
    if (value === undefined) delete next[name];
    else next[name] = value;
    onChange(next);
  };

  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {fields.map((f) => {
        const err = errors[f.name];
        const defaultHint =
          f.default !== undefined
            ? t("params.default", {
                value:
                  f.auto !== undefined && f.default === f.auto && hasKey(t, "params.auto")
                    ? tKey(t, "params.auto")
                    : shown(f, f.default),
              })
            : undefined;
        if (f.name === "seed")
          return (
            <SeedField
              key={f.name}
              ns={ns}
              field={f}
              value={values.seed as number | undefined}
              onChange={(v) => set("seed", v)}
              error={err}
            />
          );
        if (f.kind === "boolean") {
          const hint = hasKey(t, `params.${f.name}Hint`)
            ? [tKey(t, `params.${f.name}Hint`), defaultHint].filter(Boolean).join(" · ")
            : defaultHint;
          return (
            <div key={f.name} className="sm:col-span-2">
              <Switch
                label={label(f.name, f.description)}
                description={hint}
                checked={Boolean(values[f.name])}
                onCheckedChange={(v) => set(f.name, v)}
                name={f.name}
              />
            </div>
          );
        }
        if (f.kind === "enum" && f.options) {
          const opts = f.options.map((o) => ({ value: String(o), label: option(f.name, o) }));
          return (
            <Field
              key={f.name}
              label={label(f.name, f.description)}
              hint={[hasKey(t, `params.${f.name}Hint`) ? tKey(t, `params.${f.name}Hint`) : null, defaultHint]
                .filter(Boolean)
                .join(" · ")}
              error={err}
              className={opts.length > 4 ? "sm:col-span-2" : undefined}
            >
              {opts.length <= 7 ? (
                <Segmented
                  legend={label(f.name)}
                  name={f.name}
                  value={String(values[f.name] ?? f.default ?? "")}
                  onChange={(v) => set(f.name, typeof f.options![0] === "number" ? Number(v) : v)}
                  options={opts}
                  className="w-full flex-wrap"
                />
              ) : (
                <Select
                  name={f.name}
                  value={String(values[f.name] ?? f.default ?? "")}
                  onChange={(e) => set(f.name, e.target.value)}
                >
                  {opts.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          );
        }
        if (f.auto !== undefined && (f.kind === "integer" || f.kind === "number")) {
          return (
            <AutoNumberField
              key={f.name}
              ns={ns}
              field={f}
              label={label(f.name, f.description)}
              hint={defaultHint}
              value={values[f.name] as number | undefined}
              onChange={(v) => set(f.name, v)}
              error={err}
            />
          );
        }
        if (f.kind === "integer" || f.kind === "number") {
          const v = values[f.name] as number | undefined;
          const slider = f.min !== undefined && f.max !== undefined && f.max - f.min <= 60;
          return (
            <Field
              key={f.name}
              label={label(f.name, f.description)}
              hint={[
                f.min !== undefined && f.max !== undefined ? t("params.range", { min: f.min, max: f.max }) : null,
                defaultHint,
              ]
                .filter(Boolean)
                .join(" · ")}
              error={err}
              aside={
                v === undefined
                  ? undefined
                  : f.name === "duration"
                    ? t("params.durationValue", { seconds: v })
                    : slider
                      ? String(v)
                      : undefined
              }
            >
              {slider ? (
                <input
                  type="range"
                  name={f.name}
                  min={f.min}
                  max={f.max}
                  step={f.kind === "integer" ? 1 : 0.1}
                  value={v ?? (f.default as number) ?? f.min}
                  onChange={(e) => set(f.name, Number(e.target.value))}
                  className="h-9 w-full accent-[var(--accent)]"
                  aria-label={label(f.name)}
                />
              ) : (
                <Input
                  type="number"
                  name={f.name}
                  min={f.min}
                  max={f.max}
                  value={v ?? ""}
                  onChange={(e) => set(f.name, e.target.value === "" ? undefined : Number(e.target.value))}
                />
              )}
            </Field>
          );
        }
        return (
          <Field
            key={f.name}
            label={label(f.name, f.description)}
            hint={defaultHint ?? (hasKey(t, `params.${f.name}Hint`) ? tKey(t, `params.${f.name}Hint`) : undefined)}
            error={err}
            className="sm:col-span-2"
          >
            <Input
              name={f.name}
              value={String(values[f.name] ?? "")}
              onChange={(e) => set(f.name, e.target.value || undefined)}
            />
          </Field>
        );
      })}
    </div>
  );
}

function SeedField({
  ns,
  field,
  value,
  onChange,
  error,
}: {
  ns: "video" | "image";
  field: ParamField;
  value: number | undefined;
  onChange: (v: number | undefined) => void;
  error?: string;
}) {
  const t = useTranslations(ns);
  const fixed = value !== undefined && value !== -1;
  return (
    <Field
      label={t("params.seed")}
      hint={t("params.seedHint", { min: Math.max(0, field.min ?? 0), max: field.max ?? SEED_MAX })}
      error={error}
    >
      <div className="flex gap-2">
        <Segmented
          legend={t("params.seed")}
          name="seed-mode"
          value={fixed ? "fixed" : "random"}
          onChange={(m) => onChange(m === "fixed" ? Math.floor(Math.random() * 1_000_000) : undefined)}
          options={[
            { value: "random", label: t("params.seedRandom") },
            { value: "fixed", label: t("params.seedFixed") },
          ]}
        />
        {fixed && (
          <Input
            type="number"
            aria-label={t("params.seed")}
            name="seed"
            min={Math.max(0, field.min ?? 0)}
            max={field.max}
            value={value}
            onChange={(e) => onChange(e.target.value === "" ? undefined : Number(e.target.value))}
            className="min-w-0 flex-1"
          />
        )}
      </div>
    </Field>
  );
}

/**
 * A number with a "let the model decide" value (ParamField.auto, e.g. Seedance duration -1): a choice
 * between that and a fixed value, whose slider starts at `autoMin` (the smallest fixed value).
 */
function AutoNumberField({
  ns,
  field,
  label,
  hint,
  value,
  onChange,
  error,
}: {
  ns: "video" | "image";
  field: ParamField;
  label: string;
  hint?: string;
  value: number | undefined;
  onChange: (v: number | undefined) => void;
  error?: string;
}) {
  const t = useTranslations(ns);
  const auto = field.auto!;
  const min = field.autoMin ?? field.min ?? 0;
  const max = field.max ?? min;
  const current = value ?? (field.default as number | undefined) ?? auto;
  const fixed = current !== auto;
  const words = (k: string, fallback: string) => (hasKey(t, `params.${k}`) ? tKey(t, `params.${k}`) : fallback);
  const fallbackFixed = typeof field.default === "number" && field.default !== auto ? field.default : min;
  return (
    <Field
      label={label}
      hint={[t("params.range", { min, max }), hint].filter(Boolean).join(" · ")}
      error={error}
      className="sm:col-span-2"
      aside={
        fixed && field.name === "duration"
          ? t("params.durationValue", { seconds: current })
          : fixed
            ? String(current)
            : undefined
      }
    >
      <div className="flex flex-wrap items-center gap-3">
        <Segmented
          legend={label}
          name={`${field.name}-mode`}
          value={fixed ? "fixed" : "auto"}
          onChange={(m) => onChange(m === "fixed" ? fallbackFixed : auto)}
          options={[
            { value: "auto", label: words("auto", "Auto") },
            { value: "fixed", label: words("fixed", "Fixed") },
          ]}
        />
        {fixed &&
          (max - min <= 60 ? (
            <input
              type="range"
              name={field.name}
              min={min}
              max={max}
              step={1}
              value={current}
              onChange={(e) => onChange(Number(e.target.value))}
              className="h-9 min-w-32 flex-1 accent-[var(--accent)]"
              aria-label={label}
            />
          ) : (
            <Input
              type="number"
              name={field.name}
              min={min}
              max={max}
              value={current}
              onChange={(e) => onChange(e.target.value === "" ? undefined : Number(e.target.value))}
              aria-label={label}
              className="min-w-0 flex-1"
            />
          ))}
      </div>
    </Field>
  );
}
