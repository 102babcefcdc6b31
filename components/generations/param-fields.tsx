"use client";

import { useTranslations } from "use-intl";
import { Field, Input, Segmented, Select, Switch } from "@/components/ui";
import type { ParamField } from "@/lib/catalog/form-spec";

export type ParamValues = Record<string, unknown>;

/** The documented defaults of a mode, as the form's starting values. */
export function defaultsOf(fields: ParamField[]): ParamValues {
  return Object.fromEntries(fields.filter((f) => f.default !== undefined).map((f) => [f.name, f.default]));
}

/**
 * Controls generated from the catalog: only what the model accepts is offered, each with its
 * documented range and default. Labels come from the page's messages (`<ns>.params.<name>`).
 */
export function ParamFields({ fields, values, onChange, ns, errors = {} }: { fields: ParamField[]; values: ParamValues; onChange: (v: ParamValues) => void; ns: "video"; errors?: Record<string, string> }) {
  const t = useTranslations(ns);
  const label = (name: string, fallback?: string) => (t.has(`params.${name}` as never) ? t(`params.${name}` as never) : fallback ?? name);
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
        const defaultHint = f.default !== undefined ? t("params.default", { value: String(f.default) }) : undefined;
        if (f.name === "seed") return <SeedField key={f.name} field={f} value={values.seed as number | undefined} onChange={(v) => set("seed", v)} error={err} />;
        if (f.kind === "boolean") {
          const hint = t.has(`params.${f.name}Hint` as never) ? t(`params.${f.name}Hint` as never) : defaultHint;
          return (
            <div key={f.name} className="sm:col-span-2">
              <Switch label={label(f.name, f.description)} description={hint} checked={Boolean(values[f.name])} onCheckedChange={(v) => set(f.name, v)} name={f.name} />
            </div>
          );
        }
        if (f.kind === "enum" && f.options) {
          const opts = f.options.map((o) => ({ value: String(o), label: String(o) }));
          return (
            <Field key={f.name} label={label(f.name, f.description)} hint={defaultHint} error={err} className={opts.length > 4 ? "sm:col-span-2" : undefined}>
              {opts.length <= 7 ? (
                <Segmented legend={label(f.name)} name={f.name} value={String(values[f.name] ?? f.default ?? "")} onChange={(v) => set(f.name, typeof f.options![0] === "number" ? Number(v) : v)} options={opts} className="w-full flex-wrap" />
              ) : (
                <Select name={f.name} value={String(values[f.name] ?? f.default ?? "")} onChange={(e) => set(f.name, e.target.value)}>
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
        if (f.kind === "integer" || f.kind === "number") {
          const v = values[f.name] as number | undefined;
          const slider = f.min !== undefined && f.max !== undefined && f.max - f.min <= 60;
          return (
            <Field key={f.name} label={label(f.name, f.description)} hint={[f.min !== undefined && f.max !== undefined ? t("params.range", { min: f.min, max: f.max }) : null, defaultHint].filter(Boolean).join(" · ")} error={err} aside={f.name === "duration" && v !== undefined ? t("params.durationValue", { seconds: v }) : undefined}>
              {slider ? (
                <input type="range" name={f.name} min={f.min} max={f.max} step={f.kind === "integer" ? 1 : 0.1} value={v ?? (f.default as number) ?? f.min} onChange={(e) => set(f.name, Number(e.target.value))} className="h-9 w-full accent-[var(--accent)]" aria-label={label(f.name)} />
              ) : (
                <Input type="number" name={f.name} min={f.min} max={f.max} value={v ?? ""} onChange={(e) => set(f.name, e.target.value === "" ? undefined : Number(e.target.value))} />
              )}
            </Field>
          );
        }
        return (
          <Field key={f.name} label={label(f.name, f.description)} hint={defaultHint} error={err}>
            <Input name={f.name} value={String(values[f.name] ?? "")} onChange={(e) => set(f.name, e.target.value || undefined)} />
          </Field>
        );
      })}
    </div>
  );
}

function SeedField({ field, value, onChange, error }: { field: ParamField; value: number | undefined; onChange: (v: number | undefined) => void; error?: string }) {
  const t = useTranslations("video");
  const fixed = value !== undefined && value !== -1;
  return (
    <Field label={t("params.seed")} hint={t("params.seedHint", { min: Math.max(0, field.min ?? 0), max: field.max ?? 2147483647 })} error={error}>
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
        {fixed && <Input type="number" aria-label={t("params.seed")} name="seed" min={Math.max(0, field.min ?? 0)} max={field.max} value={value} onChange={(e) => onChange(e.target.value === "" ? undefined : Number(e.target.value))} className="min-w-0 flex-1" />}
      </div>
    </Field>
  );
}
