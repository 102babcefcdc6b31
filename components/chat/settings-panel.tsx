"use client";

import { XIcon } from "lucide-react";
import { useTranslations } from "use-intl";
import { Button, Field, Input, Segmented, Select, Switch, Textarea } from "@/components/ui";
import type { ParamField } from "@/lib/catalog/form-spec";
import { SYSTEM_MAX_CHARS } from "@/lib/chat/types";
import { tKey } from "@/lib/i18n/dynamic-key";
import { paramErrors, type Params } from "./param-check";

export type { Params } from "./param-check";

export interface SettingsPanelProps {
  model: string;
  /** The chosen model's parameters, from the catalog (lib/catalog/chat-models.ts through modeFormSpec). */
  fields: ParamField[];
  params: Params;
  onParams: (p: Params) => void;
  system: string;
  onSystem: (s: string) => void;
  onClose: () => void;
}

type Fields = Partial<Record<string, ParamField>>;

/** Every documented option of the chosen model that matters to a person, with its range and default. */
export function SettingsPanel({ model, fields, params, onParams, system, onSystem, onClose }: SettingsPanelProps) {
  const t = useTranslations("chat.settings");
  const f: Fields = Object.fromEntries(fields.map((x) => [x.name, x]));
  const errors = paramErrors(model, params);
  const set = (name: string, value: unknown) => {
    const next = { ...params };
    if (value === undefined) delete next[name];
    else next[name] = value;
    onParams(next);
  };
  const v = (name: string) => params[name] ?? f[name]?.default;
  const options = (name: string) => (f[name]?.options ?? []).map(String);
  const number = (name: string, label: string, hint: string | undefined, step: number, placeholder?: string) => {
    const field = f[name];
    if (!field) return null;
    return (
      <NumberField
        name={name}
        label={label}
        hint={hint}
        min={field.min ?? 0}
        max={field.max ?? Number.MAX_SAFE_INTEGER}
        step={step}
        value={params[name] as number | undefined}
        placeholder={placeholder ?? String(field.default ?? "")}
        onChange={(x) => set(name, x)}
        error={errors[name]}
      />
    );
  };

  return (
    <section aria-label={t("title")} className="flex flex-col gap-5" data-testid="chat-settings">
      <div className="flex items-center justify-between">
        <h2 className="text-sm font-semibold text-fg">{t("title")}</h2>
        <div className="flex items-center gap-1">
          <Button size="sm" variant="ghost" onClick={() => onParams({})}>
            {t("reset")}
          </Button>
          <Button size="icon" variant="ghost" aria-label={t("close")} onClick={onClose}>
            <XIcon />
          </Button>
        </div>
      </div>
      <Field label={t("system")} hint={t("systemHint")}>
        <Textarea
          value={system}
          maxLength={SYSTEM_MAX_CHARS}
          onChange={(e) => onSystem(e.target.value)}
          rows={3}
          placeholder={t("systemPlaceholder")}
        />
      </Field>
      {f.thinkingEnabled && (
        <>
          <Switch
            label={t("thinkingEnabled")}
            description={t("thinkingEnabledHint")}
            checked={Boolean(v("thinkingEnabled"))}
            onCheckedChange={(on) => set("thinkingEnabled", on)}
          />
          {Boolean(v("thinkingEnabled")) && f.reasoningEffort && (
            <Field label={t("reasoningEffort")} hint={t("gptEffortHint")}>
              <Select
                name="reasoningEffort"
                value={String(params.reasoningEffort ?? "default")}
                onChange={(e) => set("reasoningEffort", e.target.value === "default" ? undefined : e.target.value)}
              >
                {["default", ...options("reasoningEffort")].map((e) => (
                  <option key={e} value={e}>
                    {e === "default" ? t("default") : e}
                  </option>
                ))}
              </Select>
            </Field>
          )}
        </>
      )}
      {f.thinking && (
        <>
          <Field label={t("thinking")} hint={tKey(t, `thinkingHint.${String(v("thinking"))}`)}>
            <Segmented
              legend={t("thinking")}
              value={String(v("thinking"))}
              onChange={(e) => set("thinking", e)}
              options={options("thinking").map((e) => ({ value: e, label: tKey(t, `thinkingTypes.${e}`) }))}
              className="w-full"
            />
          </Field>
          {v("thinking") !== "disabled" && f.reasoningEffort && (
            <Field label={t("reasoningEffort")} hint={t("dsEffortHint")}>
              <Segmented
                legend={t("reasoningEffort")}
                value={String(v("reasoningEffort"))}
                onChange={(e) => set("reasoningEffort", e)}
                options={options("reasoningEffort").map((e) => ({ value: e, label: e }))}
                className="w-full"
              />
            </Field>
          )}
        </>
      )}
      {number("temperature", t("temperature"), t("temperatureHint", { def: String(f.temperature?.default) }), 0.1)}
      {number("topP", t("topP"), t("topPHint", { def: String(f.topP?.default) }), 0.05)}
      {f.maxCompletionTokens ? (
        <LengthField fields={f} params={params} onParams={onParams} errors={errors} />
      ) : (
        number("maxTokens", t("maxTokens"), t("gptMaxTokensHint"), 1, t("modelLimit"))
      )}
      {f.frequencyPenalty && f.presencePenalty && (
        <div className="grid grid-cols-2 gap-3">
          {number("frequencyPenalty", t("frequencyPenalty"), t("penaltyHint"), 0.1)}
          {number("presencePenalty", t("presencePenalty"), t("penaltyHint"), 0.1)}
        </div>
      )}
      {f.jsonMode && (
        <Switch
          label={t("jsonMode")}
          description={t("jsonModeHint")}
          checked={Boolean(v("jsonMode"))}
          onCheckedChange={(on) => set("jsonMode", on)}
        />
      )}
      {f.inputComplianceCheck && (
        <Switch
          label={t("inputComplianceCheck")}
          description={t("inputComplianceHint")}
          checked={Boolean(v("inputComplianceCheck"))}
          onCheckedChange={(on) => set("inputComplianceCheck", on)}
        />
      )}
      {f.outputComplianceCheck && (
        <Switch
          label={t("outputComplianceCheck")}
          description={t("outputComplianceHint")}
          checked={Boolean(v("outputComplianceCheck"))}
          onCheckedChange={(on) => set("outputComplianceCheck", on)}
        />
      )}
    </section>
  );
}

/** DeepSeek: limit the answer alone (max_tokens) or answer + thinking (max_completion_tokens) — never both. */
function LengthField({
  fields,
  params,
  onParams,
  errors,
}: {
  fields: Fields;
  params: Params;
  onParams: (p: Params) => void;
  errors: Record<string, string>;
}) {
  const t = useTranslations("chat.settings");
  const answer = fields.maxTokens;
  const total = fields.maxCompletionTokens;
  const answerMax = answer?.max ?? 1;
  const totalMax = total?.max ?? 0;
  const answerDefault = answer?.upstreamDefault ?? answerMax;
  const kind = params.maxCompletionTokens !== undefined ? "total" : "answer";
  const value = (kind === "total" ? params.maxCompletionTokens : params.maxTokens) as number | undefined;
  const write = (k: string, n: number | undefined) => {
    const next = { ...params };
    delete next.maxTokens;
    delete next.maxCompletionTokens;
    if (n !== undefined) next[k === "total" ? "maxCompletionTokens" : "maxTokens"] = n;
    else if (k === "total") next.maxCompletionTokens = totalMax;
    onParams(next);
  };
  return (
    <div className="flex flex-col gap-2">
      <Segmented
        legend={t("lengthLimit")}
        value={kind}
        onChange={(k) => write(k, value)}
        options={[
          { value: "answer", label: t("lengthAnswer") },
          { value: "total", label: t("lengthTotal") },
        ]}
        className="w-full"
      />
      {kind === "answer" ? (
        <NumberField
          name="maxTokens"
          label={t("maxTokens")}
          hint={t("dsMaxTokensHint", { def: answerDefault, max: answerMax })}
          min={answer?.min ?? 1}
          max={answerMax}
          step={1}
          value={value}
          placeholder={String(answerDefault)}
          onChange={(n) => write("answer", n)}
          error={errors.maxTokens}
        />
      ) : (
        <NumberField
          name="maxCompletionTokens"
          label={t("maxCompletionTokens")}
          hint={t("dsMaxCompletionHint", { max: totalMax })}
          min={total?.min ?? 0}
          max={totalMax}
          step={1}
          value={value}
          placeholder={String(totalMax)}
          onChange={(n) => write("total", n)}
          error={errors.maxCompletionTokens}
        />
      )}
    </div>
  );
}

function NumberField({
  name,
  label,
  hint,
  min,
  max,
  step,
  value,
  placeholder,
  onChange,
  error,
}: {
  name: string;
  label: string;
  hint?: string;
  min: number;
  max: number;
  step: number;
  value: number | undefined;
  placeholder?: string;
  onChange: (v: number | undefined) => void;
  error?: string;
}) {
  return (
    <Field label={label} hint={hint} error={error}>
      <Input
        type="number"
        name={name}
        inputMode="decimal"
        min={min}
        max={max}
        step={step}
        value={value ?? ""}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value === "" ? undefined : Number(e.target.value))}
      />
    </Field>
  );
}
