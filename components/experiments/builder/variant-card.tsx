"use client";

import { CopyIcon, TriangleAlertIcon, XIcon } from "lucide-react";
import { useLocale, useTranslations } from "use-intl";
import { defaultsOf, ParamFields } from "@/components/generations/param-fields";
import { Button, Field, Select } from "@/components/ui";
import type { ModeFormSpec } from "@/lib/catalog/form-spec";
import { tKey } from "@/lib/i18n/dynamic-key";
import { inputProblems, specKey, type VariantDraft } from "./draft";

const KIND_ORDER = ["video", "image", "speech", "chat"] as const;

/** One column of the experiment: a model + mode and its parameters, from the catalog's form spec. */
export function VariantCard({
  index,
  variant,
  specs,
  kinds,
  inputs,
  onChange,
  onDuplicate,
  onRemove,
}: {
  index: number;
  variant: VariantDraft;
  specs: ModeFormSpec[];
  kinds: Record<string, string>;
  inputs: { role: string }[];
  onChange: (v: VariantDraft) => void;
  onDuplicate: () => void;
  onRemove?: () => void;
}) {
  const t = useTranslations("experiments.builder");
  const th = useTranslations("history");
  const ti = useTranslations("inputs");
  const locale = useLocale() as "zh" | "en";
  const spec = specs.find((s) => specKey(s) === variant.spec);
  const kind = spec ? kinds[spec.modelId] : undefined;
  const problems = inputProblems(spec, inputs);
  const role = (r: string) => tKey(ti, `roles.${r}`, undefined, r);
  const label = (s: ModeFormSpec) => `${s.name[locale]} · ${tKey(th, `modes.${s.mode}`, undefined, s.mode)}`;
  const changed = spec
    ? spec.params.filter((p) => variant.params[p.name] !== undefined && variant.params[p.name] !== p.default)
    : [];

  return (
    // A form of its own: its parameters' radio groups (same names in every variant) stay apart from the others'.
    <form
      onSubmit={(e) => e.preventDefault()}
      className="flex min-w-0 flex-col gap-3 rounded-xl border border-border bg-surface p-4 shadow-xs"
      aria-label={t("variantN", { n: index + 1 })}
      data-testid="variant-card"
    >
      <header className="flex items-center gap-2">
        <h3 className="flex-1 text-sm font-semibold text-fg">{t("variantN", { n: index + 1 })}</h3>
        <Button
          size="icon"
          variant="ghost"
          onClick={onDuplicate}
          title={t("duplicateVariant")}
          aria-label={t("duplicateVariant")}
        >
          <CopyIcon />
        </Button>
        {onRemove && (
          <Button
            size="icon"
            variant="ghost"
            onClick={onRemove}
            title={t("removeVariant")}
            aria-label={t("removeVariant")}
          >
            <XIcon />
          </Button>
        )}
      </header>
      <Field label={t("modelMode")}>
        <Select
          value={variant.spec}
          onChange={(e) => {
            const next = specs.find((s) => specKey(s) === e.target.value);
            onChange({ ...variant, spec: e.target.value, params: next ? defaultsOf(next.params) : {} });
          }}
          data-testid="variant-model"
        >
          {KIND_ORDER.map((k) => (
            <optgroup key={k} label={tKey(t, `kinds.${k}`, undefined, k)}>
              {specs
                .filter((s) => kinds[s.modelId] === k)
                .map((s) => (
                  <option key={specKey(s)} value={specKey(s)}>
                    {label(s)}
                  </option>
                ))}
            </optgroup>
          ))}
        </Select>
      </Field>
      {(problems.cannot.length > 0 || problems.needs.length > 0) && (
        <p role="alert" className="flex items-start gap-1.5 text-xs text-danger" data-testid="variant-flag">
          <TriangleAlertIcon className="mt-0.5 size-3.5 shrink-0" />
          <span>
            {[
              problems.cannot.length ? t("cannotTake", { roles: problems.cannot.map(role).join("、") }) : null,
              ...problems.needs.map((r) => t("needsInput", { role: role(r) })),
            ]
              .filter(Boolean)
              .join(" · ")}
          </span>
        </p>
      )}
      {spec && (
        <details className="group">
          <summary className="cursor-pointer text-[13px] font-medium text-muted select-none hover:text-fg">
            {t("parameters")}
            {changed.length > 0 && (
              <span className="ms-1.5 font-normal">
                · {changed.map((p) => `${p.name}=${String(variant.params[p.name])}`).join(", ")}
              </span>
            )}
          </summary>
          <div className="mt-3">
            <ParamFields
              fields={spec.params}
              values={variant.params}
              onChange={(params) => onChange({ ...variant, params })}
              ns={kind === "image" ? "image" : "video"}
            />
          </div>
        </details>
      )}
    </form>
  );
}
