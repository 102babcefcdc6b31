"use client";

import { useTranslations } from "use-intl";
import { Field, Input, Segmented, Textarea } from "@/components/ui";
import { templateVariables } from "../template";
import { draftRows, type BuilderDraft } from "./draft";

const PREVIEW = 8;

/** The experiment's rows: a list of prompts, or a template with variables and their values (rows previewed). */
export function PromptsEditor({
  draft,
  onChange,
}: {
  draft: BuilderDraft;
  onChange: (d: Partial<BuilderDraft>) => void;
}) {
  const t = useTranslations("experiments.builder");
  const rows = draftRows(draft);
  const names = templateVariables(draft.template);
  return (
    <div className="flex flex-col gap-4">
      <Segmented
        legend={t("prompts")}
        name="prompt-mode"
        value={draft.promptMode}
        onChange={(promptMode) => onChange({ promptMode })}
        options={[
          { value: "list", label: t("list") },
          { value: "template", label: t("template") },
        ]}
        className="self-start"
      />
      {draft.promptMode === "list" ? (
        <Field label={t("listLabel")}>
          <Textarea
            rows={4}
            value={draft.list}
            onChange={(e) => onChange({ list: e.target.value })}
            placeholder={t("listPlaceholder")}
            data-testid="prompt-list"
          />
        </Field>
      ) : (
        <>
          <Field label={t("templateLabel")} hint={t("templateHint", { example: `{${t("exampleAnimal")}}` })}>
            <Input
              value={draft.template}
              onChange={(e) => onChange({ template: e.target.value })}
              placeholder={t("templatePlaceholder", {
                animal: `{${t("exampleAnimal")}}`,
                place: `{${t("examplePlace")}}`,
              })}
              data-testid="prompt-template"
            />
          </Field>
          {names.length > 0 && (
            <div className="grid gap-3 sm:grid-cols-2">
              {names.map((n) => (
                <Field key={n} label={t("valuesLabel", { name: n })}>
                  <Input
                    value={draft.values[n] ?? ""}
                    onChange={(e) => onChange({ values: { ...draft.values, [n]: e.target.value } })}
                    placeholder={t("valuesPlaceholder")}
                    data-testid={`variable-${n}`}
                  />
                </Field>
              ))}
            </div>
          )}
        </>
      )}
      <div aria-live="polite">
        <p className="text-[13px] font-medium text-fg" data-testid="rows-count">
          {t("rowsPreview", { count: rows.length })}
        </p>
        {rows.length > 0 && (
          <ol className="mt-1.5 flex flex-col gap-1 text-sm text-muted" data-testid="rows-preview">
            {rows.slice(0, PREVIEW).map((r, i) => (
              <li key={i} className="truncate">
                <span className="me-2 inline-block w-5 text-end text-xs tabular-nums">{i + 1}</span>
                {r}
              </li>
            ))}
            {rows.length > PREVIEW && (
              <li className="ps-7 text-xs">{t("moreRows", { count: rows.length - PREVIEW })}</li>
            )}
          </ol>
        )}
      </div>
    </div>
  );
}
