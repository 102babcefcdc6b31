"use client";

import { PromptHelper } from "@/components/chat/prompt-helper";
import { useState, type KeyboardEvent } from "react";
import { useTranslations } from "use-intl";
import { Button, Field, Textarea } from "@/components/ui";
import type { ModeFormSpec } from "@/lib/catalog/form-spec";
import type { SystemVoiceView, VoiceView } from "@/lib/voices/schema";
import { textLength, TTS_LIMITS } from "@/lib/catalog/limits";
import { LanguageSelect, VoiceSelect, type Language } from "./pickers";
import { SynthOptions, type Params } from "./synth-options";
import { CanCreate } from "@/components/auth/can-create";
import { SpendEstimate } from "@/components/spend/spend-estimate";

export interface SpeakState {
  text: string;
  params: Params;
}

/** Text → speech: the text (counted live against the documented limit), language, voice and options. */
export function SpeakForm({
  spec,
  languages,
  voices,
  value,
  onChange,
  onSubmit,
  busy,
  error,
}: {
  spec: ModeFormSpec;
  languages: Language[];
  voices: { team: VoiceView[]; system: SystemVoiceView[] };
  value: SpeakState;
  onChange: (v: SpeakState) => void;
  onSubmit: () => void;
  busy: boolean;
  error?: { message: string; field?: string };
}) {
  const t = useTranslations("speech");
  const [touched, setTouched] = useState(false);
  const max = spec.prompt.maxChars ?? TTS_LIMITS.maxTextChars;
  const used = textLength(value.text);
  const over = used > max;
  const empty = !value.text.trim();
  const durationBad = value.params.durationSeconds !== undefined && !(Number(value.params.durationSeconds) > 0);
  const setParam = (name: string, v: unknown) => onChange({ ...value, params: { ...value.params, [name]: v } });
  const go = () => {
    setTouched(true);
    if (!over && !empty && !durationBad) onSubmit();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
      e.preventDefault();
      go();
    }
  };

  return (
    <form
      noValidate
      className="flex flex-col gap-5"
      aria-label={t("tabs.speak")}
      onKeyDown={onKey}
      onSubmit={(e) => {
        e.preventDefault();
        go();
      }}
    >
      <Field
        label={t("text.label")}
        required
        aside={
          <span className={over ? "font-medium text-danger" : undefined} data-testid="text-counter">
            {t("text.counter", { used, max })}
          </span>
        }
        error={
          over
            ? t("text.over", { max, extra: used - max })
            : touched && empty
              ? t("text.required")
              : error?.field === "prompt"
                ? error.message
                : undefined
        }
      >
        <Textarea
          name="text"
          rows={7}
          value={value.text}
          onChange={(e) => onChange({ ...value, text: e.target.value })}
          placeholder={t("text.placeholder")}
        />
      </Field>
      <PromptHelper value={value.text} onAccept={(text) => onChange({ ...value, text })} kind="speech" />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("language.label")} hint={t("language.hint")}>
          <LanguageSelect
            languages={languages}
            name="language"
            value={String(value.params.language ?? "zh")}
            onChange={(c) => setParam("language", c)}
          />
        </Field>
        <Field label={t("voice.label")} hint={t("voice.hint")}>
          <VoiceSelect
            team={voices.team}
            system={voices.system}
            value={String(value.params.voiceId ?? "")}
            onChange={(id) => setParam("voiceId", id || undefined)}
          />
        </Field>
      </div>
      <section aria-label={t("options.title")} className="flex flex-col gap-3">
        <h2 className="text-[13px] font-semibold text-fg">{t("options.title")}</h2>
        <SynthOptions
          fields={spec.params}
          values={value.params}
          onChange={(params) => onChange({ ...value, params })}
        />
        {durationBad && <p className="text-xs font-medium text-danger">{t("options.durationInvalid")}</p>}
      </section>
      {error && error.field !== "prompt" && (
        <p role="alert" className="rounded-lg border border-danger/25 bg-danger/5 p-2.5 text-sm text-danger">
          {t("submitError", { message: error.message })}
        </p>
      )}
      <div className="flex items-center justify-between gap-3">
        <span className="hidden text-xs text-muted sm:inline">{t("shortcut")}</span>
        <CanCreate>
          <SpendEstimate model={spec.modelId} mode={spec.mode} params={value.params} prompt={value.text}>
            <Button
              type="submit"
              variant="primary"
              size="lg"
              loading={busy}
              disabled={over || durationBad}
              className="w-full sm:w-auto"
            >
              {busy ? t("speaking") : t("speak")}
            </Button>
          </SpendEstimate>
        </CanCreate>
      </div>
    </form>
  );
}
