"use client";

import { useTranslations } from "use-intl";
import { Field, Input } from "@/components/ui";
import { splitValues, templateVariables } from "@/components/experiments/template";

/** The values of each `{variable}` the text uses (comma-separated), as the library stores them. */
export function VariablesField({
  body,
  values,
  onChange,
}: {
  body: string;
  values: Record<string, string>;
  onChange: (v: Record<string, string>) => void;
}) {
  const t = useTranslations("experiments.builder");
  const names = templateVariables(body);
  if (!names.length) return null;
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {names.map((n) => (
        <Field key={n} label={t("valuesLabel", { name: n })}>
          <Input
            value={values[n] ?? ""}
            onChange={(e) => onChange({ ...values, [n]: e.target.value })}
            placeholder={t("valuesPlaceholder")}
          />
        </Field>
      ))}
    </div>
  );
}

/** The typed values as the REST body's `variables` (only the variables the text uses). */
export function variablesOf(body: string, values: Record<string, string>): Record<string, string[]> {
  return Object.fromEntries(templateVariables(body).map((n) => [n, splitValues(values[n] ?? "")]));
}

export const valuesText = (variables: Record<string, string[]>) =>
  Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, v.join(", ")]));
