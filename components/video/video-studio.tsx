"use client";

import { useMutation } from "@tanstack/react-query";
import { useRef, useState, type KeyboardEvent } from "react";
import { useLocale, useTranslations } from "use-intl";
import { GenerationCard, type ModelInfo } from "@/components/generations/generation-card";
import { defaultsOf, ParamFields, type ParamValues } from "@/components/generations/param-fields";
import { Button, Card, EmptyState, Field, Segmented, Select, Textarea } from "@/components/ui";
import { VideoIcon } from "@/components/ui/icons";
import type { ModeFormSpec } from "@/lib/catalog/form-spec";
import { checkPrompt } from "@/lib/catalog/prompt";
import { api, ApiError, type GenerationView } from "@/lib/client/api";

export interface VideoStudioProps {
  /** Runnable models per mode, in the order the page offers them. */
  modes: { mode: string; specs: ModeFormSpec[] }[];
  recent: GenerationView[];
  models: Record<string, ModelInfo>;
  /** A finished generation to start from (re-run / remix): its mode, model, prompt and settings. */
  draft?: GenerationView;
}

export function VideoStudio({ modes, recent, models, draft }: VideoStudioProps) {
  const t = useTranslations("video");
  const locale = useLocale() as "zh" | "en";
  const [mode, setMode] = useState(draft && modes.some((m) => m.mode === draft.mode) ? draft.mode : modes[0]?.mode);
  const specs = modes.find((m) => m.mode === mode)?.specs ?? [];
  const [modelId, setModelId] = useState(draft && specs.some((s) => s.modelId === draft.model) ? draft.model : specs[0]?.modelId);
  const spec = specs.find((s) => s.modelId === modelId) ?? specs[0];
  const [prompt, setPrompt] = useState(draft?.prompt ?? "");
  const [params, setParams] = useState<ParamValues>(() => (draft ? draft.params : spec ? defaultsOf(spec.params) : {}));
  const [results, setResults] = useState<GenerationView[]>(recent);
  const [touched, setTouched] = useState(false);
  const promptRef = useRef<HTMLTextAreaElement>(null);

  const check = spec ? checkPrompt(spec.prompt, prompt) : undefined;
  const limitText = !check ? "" : "maxChars" in check.parts ? t("prompt.limitChars", { max: check.parts.maxChars }) : t("prompt.limitCjk", { chinese: check.parts.maxChinese, other: check.parts.maxOther });
  const promptMissing = !!spec?.prompt.required && !prompt.trim();

  const submit = useMutation({
    mutationFn: () => api<GenerationView>("/api/v1/generations", { method: "POST", json: { model: spec!.modelId, mode: spec!.mode, prompt, params } }),
    onSuccess: (g) => setResults((r) => [g, ...r.filter((x) => x.id !== g.id)]),
  });
  const apiError = submit.error as ApiError | null;
  const fieldErrors: Record<string, string> = apiError?.field?.startsWith("params.") ? { [apiError.field.slice(7).split(".")[0]]: apiError.message } : {};

  const blocked = !spec || promptMissing || !!check?.over;
  const go = () => {
    setTouched(true);
    if (!blocked) submit.mutate();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
      e.preventDefault();
      go();
    }
  };
  const selectModel = (id: string) => {
    setModelId(id);
    const s = specs.find((x) => x.modelId === id);
    if (s) setParams(defaultsOf(s.params));
  };
  const rerun = (g: GenerationView) => {
    const m = modes.find((x) => x.mode === g.mode);
    if (m) setMode(g.mode);
    setModelId(g.model);
    setPrompt(g.prompt ?? "");
    setParams(g.params);
    promptRef.current?.focus();
    window.scrollTo({ top: 0, behavior: "smooth" });
  };

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,420px)_minmax(0,1fr)]">
      <Card className="h-fit lg:sticky lg:top-6">
        <form
          className="flex flex-col gap-5 p-5"
          onSubmit={(e) => {
            e.preventDefault();
            go();
          }}
          onKeyDown={onKey}
          aria-label={t("title")}
        >
          {modes.length > 1 && (
            <Segmented legend={t("title")} value={mode ?? ""} onChange={(m) => { setMode(m); const first = modes.find((x) => x.mode === m)?.specs[0]; if (first) { setModelId(first.modelId); setParams(defaultsOf(first.params)); } }} options={modes.map((m) => ({ value: m.mode, label: t(`modes.${m.mode}` as never) }))} className="w-full flex-wrap" />
          )}
          {specs.length > 0 && (
            <Field label={t("model")}>
              <Select name="model" value={spec?.modelId} onChange={(e) => selectModel(e.target.value)}>
                {specs.map((s) => (
                  <option key={s.modelId} value={s.modelId}>
                    {s.name[locale]}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          {spec && (
            <Field
              label={t("prompt.label")}
              required={spec.prompt.required}
              aside={<span className={check?.over ? "font-medium text-danger" : undefined} data-testid="prompt-counter">{t("prompt.counter", { used: Math.round((check?.used ?? 0) * 100) })} · {t("prompt.limit", { limit: limitText })}</span>}
              error={check?.over ? t("prompt.over", { limit: limitText }) : touched && promptMissing ? t("prompt.required") : apiError?.field === "prompt" ? apiError.message : undefined}
            >
              <Textarea ref={promptRef} name="prompt" rows={6} value={prompt} onChange={(e) => setPrompt(e.target.value)} placeholder={t("prompt.placeholder")} />
            </Field>
          )}
          {spec && (
            <section aria-label={t("params.title")} className="flex flex-col gap-3">
              <h2 className="text-[13px] font-semibold text-fg">{t("params.title")}</h2>
              <ParamFields fields={spec.params} values={params} onChange={setParams} ns="video" errors={fieldErrors} />
            </section>
          )}
          {apiError && !apiError.field?.startsWith("params.") && apiError.field !== "prompt" && (
            <p role="alert" className="rounded-lg border border-danger/25 bg-danger/5 p-2.5 text-sm text-danger">
              {t("submitError", { message: apiError.message })}
            </p>
          )}
          <div className="flex items-center justify-between gap-3">
            <span className="hidden text-xs text-muted sm:inline">{t("shortcut")}</span>
            <Button type="submit" variant="primary" size="lg" loading={submit.isPending} disabled={!!check?.over} className="w-full sm:w-auto">
              {submit.isPending ? t("generating") : t("generate")}
            </Button>
          </div>
        </form>
      </Card>

      <section aria-label={t("results.title")} className="min-w-0">
        <h2 className="mb-3 text-sm font-semibold text-fg">{t("results.title")}</h2>
        {results.length === 0 ? (
          <EmptyState icon={<VideoIcon />} title={t("results.empty")} description={t("results.emptyHint")} />
        ) : (
          <div className="grid gap-4 sm:grid-cols-2" data-testid="results">
            {results.map((g) => (
              <GenerationCard key={g.id} initial={g} model={models[g.model]} onRerun={rerun} />
            ))}
          </div>
        )}
      </section>
    </div>
  );
}
