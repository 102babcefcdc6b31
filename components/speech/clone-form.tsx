"use client";

import { useState } from "react";
import { useTranslations } from "use-intl";
import { Button, Field, Input, Segmented, Select, Textarea } from "@/components/ui";
import type { ModeFormSpec } from "@/lib/catalog/form-spec";
import { clock } from "./audio";
import { LanguageSelect, type Language } from "./pickers";
import { textLength, TTS_LIMITS } from "@/lib/catalog/limits";
import { rangeProblem } from "./form-utils";
import { SampleInput, type Sample } from "./sample-input";
import { SynthOptions, type Params } from "./synth-options";
import { CanCreate } from "@/components/auth/can-create";

export interface CloneState {
  sample?: Sample;
  text: string;
  params: Params;
  /** Labels and scenes as typed (comma separated); split when sent. */
  labels: string;
  scenes: string;
}

const GENDERS = ["male", "female", "unknown"] as const;
const AGES = ["child", "teenager", "youth", "middle_aged", "senior", "unknown"] as const;

/**
 * Voice cloning: a sample, its language and the seconds to learn from (cloneExt.timeRanges), the voice profile
 * (saved with the new VoiceId as a named team voice) and, optionally, a first sentence to say with it.
 */
export function CloneForm({
  spec,
  languages,
  value,
  onChange,
  onSubmit,
  busy,
  error,
}: {
  spec: ModeFormSpec;
  languages: Language[];
  value: CloneState;
  onChange: (v: CloneState) => void;
  onSubmit: () => void;
  busy: boolean;
  error?: { message: string; field?: string };
}) {
  const t = useTranslations("speech");
  const [touched, setTouched] = useState(false);
  const p = value.params;
  const set = (name: string, v: unknown) => {
    const params = { ...p };
    if (v === undefined || v === "") delete params[name];
    else params[name] = v;
    onChange({ ...value, params });
  };
  const ranges = (p.timeRanges as [number, number][] | undefined) ?? TTS_LIMITS.defaultTimeRanges;
  const setRange = (i: number, j: 0 | 1, n: number) =>
    set(
      "timeRanges",
      ranges.map((r, k) => (k === i ? (j === 0 ? [n, r[1]] : [r[0], n]) : r)),
    );
  const problem = rangeProblem(ranges, value.sample?.durationSeconds);
  const max = spec.prompt.maxChars ?? TTS_LIMITS.maxTextChars;
  const over = textLength(value.text) > max;
  const nameMissing = !String(p.voiceName ?? "").trim();
  const blocked = !value.sample || !!problem || over || nameMissing;
  const role = spec.inputs.find((i) => i.role === "clone_audio")!;

  return (
    <form
      noValidate
      className="flex flex-col gap-5"
      aria-label={t("tabs.clone")}
      onSubmit={(e) => {
        e.preventDefault();
        setTouched(true);
        if (!blocked) onSubmit();
      }}
    >
      <Field
        label={t("clone.sample")}
        required
        hint={t("clone.sampleHint")}
        error={touched && !value.sample ? t("clone.sampleMissing") : undefined}
      >
        <SampleInput
          spec={role}
          model={spec.modelId}
          mode={spec.mode}
          value={value.sample}
          onChange={(sample) => onChange({ ...value, sample })}
        />
      </Field>
      <Field label={t("clone.sampleLanguage")} hint={t("clone.sampleLanguageHint")}>
        <LanguageSelect
          languages={languages}
          name="cloneLanguage"
          value={String(p.cloneLanguage ?? "zh")}
          onChange={(c) => set("cloneLanguage", c)}
        />
      </Field>

      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1.5 text-[13px] font-medium text-fg">{t("clone.ranges")}</legend>
        {ranges.map(([a, b], i) => (
          <div key={i} className="flex items-center gap-2">
            <Input
              type="number"
              min={0}
              step={0.5}
              aria-label={t("clone.rangeStart", { n: i + 1 })}
              value={Number.isFinite(a) ? a : ""}
              onChange={(e) => setRange(i, 0, e.target.value === "" ? NaN : Number(e.target.value))}
              className="w-24"
            />
            <span className="text-muted" aria-hidden="true">
              –
            </span>
            <Input
              type="number"
              min={0}
              step={0.5}
              aria-label={t("clone.rangeEnd", { n: i + 1 })}
              value={Number.isFinite(b) ? b : ""}
              onChange={(e) => setRange(i, 1, e.target.value === "" ? NaN : Number(e.target.value))}
              className="w-24"
            />
            <span className="text-xs text-muted">{t("clone.seconds")}</span>
            {ranges.length > 1 && (
              <Button
                size="sm"
                variant="ghost"
                className="ms-auto"
                onClick={() =>
                  set(
                    "timeRanges",
                    ranges.filter((_, k) => k !== i),
                  )
                }
              >
                {t("clone.removeRange")}
              </Button>
            )}
          </div>
        ))}
        <div className="flex flex-wrap items-center gap-2">
          <Button
            size="sm"
            variant="ghost"
            onClick={() => set("timeRanges", [...ranges, [ranges.at(-1)?.[1] ?? 0, (ranges.at(-1)?.[1] ?? 0) + 10]])}
            disabled={ranges.length >= 5}
          >
            {t("clone.addRange")}
          </Button>
          <span className="text-xs text-muted">
            {value.sample?.durationSeconds
              ? t("clone.rangesHintWith", { length: clock(value.sample.durationSeconds) })
              : t("clone.rangesHint")}
          </span>
        </div>
        {problem && (
          <p className="text-xs font-medium text-danger">
            {t(`clone.${problem.key}`, {
              n: problem.index + 1,
              length: value.sample?.durationSeconds?.toFixed(1) ?? "",
            })}
          </p>
        )}
      </fieldset>

      <fieldset className="flex flex-col gap-4 rounded-lg border border-border p-4">
        <legend className="px-1 text-[13px] font-semibold text-fg">{t("clone.profile")}</legend>
        <Field
          label={t("clone.name")}
          required
          hint={t("clone.nameHint")}
          error={touched && nameMissing ? t("clone.nameMissing") : undefined}
        >
          <Input
            name="voiceName"
            maxLength={60}
            value={String(p.voiceName ?? "")}
            onChange={(e) => set("voiceName", e.target.value)}
          />
        </Field>
        <Field label={t("clone.description")}>
          <Input
            name="voiceDescription"
            maxLength={200}
            value={String(p.voiceDescription ?? "")}
            onChange={(e) => set("voiceDescription", e.target.value)}
          />
        </Field>
        <div className="grid gap-4">
          <Field label={t("clone.gender")}>
            <Segmented
              legend={t("clone.gender")}
              name="voiceGender"
              value={String(p.voiceGender ?? "")}
              onChange={(v) => set("voiceGender", v || undefined)}
              options={[
                { value: "", label: t("clone.unset") },
                ...GENDERS.map((g) => ({ value: g, label: t(`genders.${g}`) })),
              ]}
              className="w-full"
            />
          </Field>
          <Field label={t("clone.age")}>
            <Select
              name="voiceAge"
              value={String(p.voiceAge ?? "")}
              onChange={(e) => set("voiceAge", e.target.value || undefined)}
            >
              <option value="">{t("clone.unset")}</option>
              {AGES.map((a) => (
                <option key={a} value={a}>
                  {t(`ages.${a}`)}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t("clone.labels")} hint={t("clone.tagsHint")}>
            <Input
              name="voiceLabels"
              value={value.labels}
              placeholder={t("clone.labelsPlaceholder")}
              onChange={(e) => onChange({ ...value, labels: e.target.value })}
            />
          </Field>
          <Field label={t("clone.scenes")} hint={t("clone.tagsHint")}>
            <Input
              name="voiceScenes"
              value={value.scenes}
              placeholder={t("clone.scenesPlaceholder")}
              onChange={(e) => onChange({ ...value, scenes: e.target.value })}
            />
          </Field>
        </div>
      </fieldset>

      <details className="group rounded-lg border border-border p-4 open:pb-5">
        <summary className="cursor-pointer text-[13px] font-semibold text-fg">{t("clone.tryOut")}</summary>
        <div className="mt-4 flex flex-col gap-4">
          <Field
            label={t("clone.tryText")}
            hint={t("clone.tryTextHint")}
            aside={
              <span className={over ? "font-medium text-danger" : undefined}>
                {t("text.counter", { used: textLength(value.text), max })}
              </span>
            }
            error={over ? t("text.over", { max, extra: textLength(value.text) - max }) : undefined}
          >
            <Textarea
              name="cloneText"
              rows={3}
              value={value.text}
              onChange={(e) => onChange({ ...value, text: e.target.value })}
            />
          </Field>
          <Field label={t("language.label")}>
            <LanguageSelect
              languages={languages}
              name="cloneTextLanguage"
              value={String(p.language ?? "zh")}
              onChange={(c) => set("language", c)}
            />
          </Field>
          <SynthOptions fields={spec.params} values={p} onChange={(params) => onChange({ ...value, params })} />
        </div>
      </details>

      {error && (
        <p role="alert" className="rounded-lg border border-danger/25 bg-danger/5 p-2.5 text-sm text-danger">
          {t("submitError", { message: error.message })}
        </p>
      )}
      <CanCreate>
        <Button type="submit" variant="primary" size="lg" loading={busy} className="w-full sm:ms-auto sm:w-auto">
          {busy ? t("cloning") : t("clone.submit")}
        </Button>
      </CanCreate>
    </form>
  );
}
