"use client";

import { useTranslations } from "use-intl";
import { Button, Field, Input, Segmented, Select, Switch, Textarea } from "@/components/ui";
import { CloseIcon } from "@/components/ui/icons";
import { deepseekParams, gpt54Params } from "@/lib/catalog/chat-models";
import { describeIssue } from "@/lib/catalog/validate";
import { SYSTEM_MAX_CHARS } from "@/lib/chat/types";
import { DEEPSEEK_LIMITS, DEEPSEEK_REASONING_EFFORTS, DEEPSEEK_THINKING_TYPES, GPT54_MODEL, GPT54_REASONING_EFFORTS } from "@/lib/td/chat-schema";

export type Params = Record<string, unknown>;

/** Problems with the params, by name, in the catalog's words (the server checks the same schema). */
export function paramErrors(model: string, params: Params): Record<string, string> {
  const r = (model === GPT54_MODEL ? gpt54Params : deepseekParams).strict().safeParse(params);
  if (r.success) return {};
  return Object.fromEntries(r.error.issues.map((i) => [String(i.path[0] ?? ""), describeIssue(i).message]));
}

export interface SettingsPanelProps {
  model: string;
  params: Params;
  onParams: (p: Params) => void;
  system: string;
  onSystem: (s: string) => void;
  onClose: () => void;
}

/** Every documented option of the chosen model that matters to a person, with its range and default. */
export function SettingsPanel({ model, params, onParams, system, onSystem, onClose }: SettingsPanelProps) {
  const t = useTranslations("chat.settings");
  const errors = paramErrors(model, params);
  const set = (name: string, value: unknown) => {
    const next = { ...params };
    if (value === undefined) delete next[name];
    else next[name] = value;
    onParams(next);
  };
  const gpt = model === GPT54_MODEL;
  const defaults = (gpt ? gpt54Params : deepseekParams).parse({}) as Params;
  const v = (name: string) => params[name] ?? defaults[name];

  return (
    <section aria-label={t("title")} className="flex flex-col gap-5" data-testid="chat-settings">
      <div className="flex items-center justify-between">
        <h2 className="text-sm font-semibold text-fg">{t("title")}</h2>
        <div className="flex items-center gap-1">
          <Button size="sm" variant="ghost" onClick={() => onParams({})}>
            {t("reset")}
          </Button>
          <Button size="icon" variant="ghost" aria-label={t("close")} onClick={onClose}>
            <CloseIcon />
          </Button>
        </div>
      </div>
      <Field label={t("system")} hint={t("systemHint")}>
        <Textarea value={system} maxLength={SYSTEM_MAX_CHARS} onChange={(e) => onSystem(e.target.value)} rows={3} placeholder={t("systemPlaceholder")} />
      </Field>
      {gpt ? (
        <>
          <Switch label={t("thinkingEnabled")} description={t("thinkingEnabledHint")} checked={Boolean(v("thinkingEnabled"))} onCheckedChange={(on) => set("thinkingEnabled", on)} />
          {Boolean(v("thinkingEnabled")) && (
            <Field label={t("reasoningEffort")} hint={t("gptEffortHint")}>
              <Select name="reasoningEffort" value={String(params.reasoningEffort ?? "default")} onChange={(e) => set("reasoningEffort", e.target.value === "default" ? undefined : e.target.value)}>
                {["default", ...GPT54_REASONING_EFFORTS].map((e) => (
                  <option key={e} value={e}>
                    {e === "default" ? t("default") : e}
                  </option>
                ))}
              </Select>
            </Field>
          )}
        </>
      ) : (
        <>
          <Field label={t("thinking")} hint={t(`thinkingHint.${String(v("thinking"))}` as never)}>
            <Segmented legend={t("thinking")} value={String(v("thinking"))} onChange={(e) => set("thinking", e)} options={DEEPSEEK_THINKING_TYPES.map((e) => ({ value: e, label: t(`thinkingTypes.${e}` as never) }))} className="w-full" />
          </Field>
          {v("thinking") !== "disabled" && (
            <Field label={t("reasoningEffort")} hint={t("dsEffortHint")}>
              <Segmented legend={t("reasoningEffort")} value={String(v("reasoningEffort"))} onChange={(e) => set("reasoningEffort", e)} options={DEEPSEEK_REASONING_EFFORTS.map((e) => ({ value: e, label: e }))} className="w-full" />
            </Field>
          )}
        </>
      )}
      <NumberField name="temperature" label={t("temperature")} hint={t("temperatureHint", { def: String(defaults.temperature) })} min={0} max={2} step={0.1} value={params.temperature as number | undefined} placeholder={String(defaults.temperature)} onChange={(x) => set("temperature", x)} error={errors.temperature} />
      {!gpt && <NumberField name="topP" label={t("topP")} hint={t("topPHint", { def: String(DEEPSEEK_LIMITS.topPDefault) })} min={0} max={1} step={0.05} value={params.topP as number | undefined} placeholder={String(DEEPSEEK_LIMITS.topPDefault)} onChange={(x) => set("topP", x)} error={errors.topP} />}
      {gpt ? (
        <NumberField name="maxTokens" label={t("maxTokens")} hint={t("gptMaxTokensHint")} min={1} max={128000} step={1} value={params.maxTokens as number | undefined} placeholder={t("modelLimit")} onChange={(x) => set("maxTokens", x)} error={errors.maxTokens} />
      ) : (
        <LengthField params={params} onParams={onParams} errors={errors} />
      )}
      {!gpt && (
        <div className="grid grid-cols-2 gap-3">
          <NumberField name="frequencyPenalty" label={t("frequencyPenalty")} hint={t("penaltyHint")} min={-2} max={2} step={0.1} value={params.frequencyPenalty as number | undefined} placeholder="0" onChange={(x) => set("frequencyPenalty", x)} error={errors.frequencyPenalty} />
          <NumberField name="presencePenalty" label={t("presencePenalty")} hint={t("penaltyHint")} min={-2} max={2} step={0.1} value={params.presencePenalty as number | undefined} placeholder="0" onChange={(x) => set("presencePenalty", x)} error={errors.presencePenalty} />
        </div>
      )}
      <Switch label={t("jsonMode")} description={t("jsonModeHint")} checked={Boolean(v("jsonMode"))} onCheckedChange={(on) => set("jsonMode", on)} />
      {gpt && (
        <>
          <Switch label={t("inputComplianceCheck")} description={t("inputComplianceHint")} checked={Boolean(v("inputComplianceCheck"))} onCheckedChange={(on) => set("inputComplianceCheck", on)} />
          <Switch label={t("outputComplianceCheck")} description={t("outputComplianceHint")} checked={Boolean(v("outputComplianceCheck"))} onCheckedChange={(on) => set("outputComplianceCheck", on)} />
        </>
      )}
    </section>
  );
}

/** DeepSeek: limit the answer alone (max_tokens) or answer + thinking (max_completion_tokens) — never both. */
function LengthField({ params, onParams, errors }: { params: Params; onParams: (p: Params) => void; errors: Record<string, string> }) {
  const t = useTranslations("chat.settings");
  const kind = params.maxCompletionTokens !== undefined ? "total" : "answer";
  const value = (kind === "total" ? params.maxCompletionTokens : params.maxTokens) as number | undefined;
  const write = (k: string, n: number | undefined) => {
    const next = { ...params };
    delete next.maxTokens;
    delete next.maxCompletionTokens;
    if (n !== undefined) next[k === "total" ? "maxCompletionTokens" : "maxTokens"] = n;
    else if (k === "total") next.maxCompletionTokens = DEEPSEEK_LIMITS.maxCompletionTokensMax;
    onParams(next);
  };
  return (
    <div className="flex flex-col gap-2">
      <Segmented legend={t("lengthLimit")} value={kind} onChange={(k) => write(k, value)} options={[{ value: "answer", label: t("lengthAnswer") }, { value: "total", label: t("lengthTotal") }]} className="w-full" />
      {kind === "answer" ? (
        <NumberField name="maxTokens" label={t("maxTokens")} hint={t("dsMaxTokensHint", { def: DEEPSEEK_LIMITS.maxTokensDefault, max: DEEPSEEK_LIMITS.maxTokensMax })} min={1} max={DEEPSEEK_LIMITS.maxTokensMax} step={1} value={value} placeholder={String(DEEPSEEK_LIMITS.maxTokensDefault)} onChange={(n) => write("answer", n)} error={errors.maxTokens} />
      ) : (
        <NumberField name="maxCompletionTokens" label={t("maxCompletionTokens")} hint={t("dsMaxCompletionHint", { max: DEEPSEEK_LIMITS.maxCompletionTokensMax })} min={0} max={DEEPSEEK_LIMITS.maxCompletionTokensMax} step={1} value={value} placeholder={String(DEEPSEEK_LIMITS.maxCompletionTokensMax)} onChange={(n) => write("total", n)} error={errors.maxCompletionTokens} />
      )}
    </div>
  );
}

function NumberField({ name, label, hint, min, max, step, value, placeholder, onChange, error }: { name: string; label: string; hint?: string; min: number; max: number; step: number; value: number | undefined; placeholder?: string; onChange: (v: number | undefined) => void; error?: string }) {
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
