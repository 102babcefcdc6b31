"use client";

import { ImageIcon } from "lucide-react";
import { SpendEstimate } from "@/components/spend/spend-estimate";

import { PromptHelper } from "@/components/chat/prompt-helper";
import { lazy, Suspense, useEffect, useRef, useState, type KeyboardEvent } from "react";
import { mainOutput, useVersionSource, VersionOption } from "@/components/generations/version-option";
import { useTranslations } from "use-intl";
import { defaultsOf, type ParamValues } from "@/components/generations/param-fields";
import type { ModelInfo } from "@/components/generations/generation-card";
// Straight from the modules, not the `@/components/inputs` index, which would bring the input field along.
import { toGenerationInputs } from "@/components/inputs/to-request";
import type { StudioAsset } from "@/components/inputs/types";
import { itemFromAsset, itemFromUrl, useMediaInputs } from "@/components/inputs/use-media-inputs";
import { lazyPart, usePreloadWhenIdle } from "@/lib/client/lazy";
import { Button, Card, EmptyState, Field, Segmented, Select, Textarea } from "@/components/ui";
import type { ModeFormSpec } from "@/lib/catalog/form-spec";
import { api, ApiError, type GenerationView } from "@/lib/client/api";
import { ImageSettings } from "./image-settings";
import { seedsFor } from "./seeds";
import { CanCreate } from "@/components/auth/can-create";
import { useErrorText } from "@/lib/client/error-text";

// Result cards load beside the results query, after the form: the form is what the page needs first.
// Text-to-image has no input field: the reference field loads when the page is idle, before image-to-image is chosen.
const RefField = lazyPart(() => import("@/components/inputs/media-input-field").then((m) => m.MediaInputField));
const ImageCard = lazy(() => import("./image-card").then((m) => ({ default: m.ImageCard })));

type Mode = "text-to-image" | "image-to-image";
type Body = {
  model: string;
  mode: string;
  prompt?: string;
  params: ParamValues;
  inputs?: ({ role: string; assetId: string } | { role: string; url: string })[];
  versionOf?: string;
  promptVersionId?: string;
};

export interface ImageStudioProps {
  t2i: ModeFormSpec;
  i2i: ModeFormSpec;
  recent: GenerationView[];
  model: ModelInfo;
  /** Whether the studio has PUBLIC_BASE_URL: GPT Image-2 takes reference images by public URL only. */
  publicUrl: boolean;
  /** A generation to start from (?from=<id>), and studio assets to use as references (?ref=<id>). */
  draft?: GenerationView;
  refs?: string[];
  /** `?prompt=`: a prompt from the library to start with (when there is no draft). */
  initialPrompt?: string;
  /** `?promptVersion=`: the library version `initialPrompt` came from; linked while the prompt is sent unchanged. */
  promptVersionId?: string;
  /** `?version=<asset id>`: the asset "add as a new version" stacks onto (default: the draft's main output). */
  versionOf?: string;
}

const VARIATIONS = [1, 2, 3, 4];

export function ImageStudio({
  t2i,
  i2i,
  recent,
  model,
  publicUrl,
  draft,
  refs = [],
  versionOf,
  initialPrompt,
  promptVersionId,
}: ImageStudioProps) {
  const t = useTranslations("image");
  const errorText = useErrorText();
  const refSpec = i2i.inputs.find((i) => i.role === "reference_image")!;
  const [mode, setMode] = useState<Mode>(
    draft?.mode === "image-to-image" || refs.length ? "image-to-image" : "text-to-image",
  );
  const spec = mode === "text-to-image" ? t2i : i2i;
  const [prompt, setPrompt] = useState(draft?.prompt ?? initialPrompt ?? "");
  const [params, setParams] = useState<ParamValues>(() => (draft ? draft.params : defaultsOf(t2i.params)));
  const [count, setCount] = useState(1);
  const inputs = useMediaInputs();
  usePreloadWhenIdle(RefField.preload);
  const [results, setResults] = useState<GenerationView[]>(recent);
  const [inFlight, setInFlight] = useState(0);
  const [error, setError] = useState<ApiError>();
  const [touched, setTouched] = useState(false);
  const [notice, setNotice] = useState<string>();
  const promptRef = useRef<HTMLTextAreaElement>(null);
  const version = useVersionSource(draft ? (versionOf ?? mainOutput(draft)) : undefined);

  // References arriving with the page (?from= re-run, ?ref= "use as input" from elsewhere) are read from the studio once.
  useEffect(() => {
    const fromDraft = draft?.inputs.filter((i) => i.role === "reference_image") ?? [];
    const ids = [...fromDraft.flatMap((i) => (i.assetId ? [i.assetId] : [])), ...refs];
    void Promise.all(ids.map((id) => api<StudioAsset>(`/api/v1/assets/${id}`).catch(() => undefined))).then(
      (assets) => {
        for (const a of assets) if (a) inputs.addItem(itemFromAsset(a, "reference_image"), refSpec);
        for (const i of fromDraft)
          if (i.url)
            inputs.addItem(
              itemFromUrl(i.url, "reference_image", "image", i.url.split("/").pop()?.split("?")[0] ?? i.url),
              refSpec,
            );
      },
    );
    // Only on arrival; later changes are the user's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const refItems = inputs.byRole("reference_image");
  const pendingRefs = refItems.some((i) => i.state === "checking" || i.state === "uploading");
  const badRefs = refItems.some((i) => i.state === "rejected" || i.state === "failed");
  // Without a public address only pasted URLs (sent as they are) can reach TD.
  const unreachable = !publicUrl && refItems.some((i) => i.state === "ready" && !i.url && !i.sourceUrl);
  const promptMissing = spec.prompt.required && !prompt.trim();
  const refProblem =
    mode !== "image-to-image"
      ? undefined
      : refItems.length < refSpec.min
        ? t("refs.missing")
        : refItems.length > refSpec.max
          ? t("refs.tooMany", { max: refSpec.max })
          : pendingRefs
            ? t("refs.pending")
            : badRefs
              ? t("refs.bad")
              : unreachable
                ? t("refs.noPublicUrl")
                : undefined;
  const blocked = promptMissing || !!refProblem;

  const send = async (bodies: Body[]) => {
    setError(undefined);
    setInFlight((n) => n + bodies.length);
    // A batch runs together: every request is its own generation (its own SessionId), sent at once.
    const settled = await Promise.allSettled(
      bodies.map((b) => api<GenerationView>("/api/v1/generations", { method: "POST", json: b })),
    );
    setInFlight((n) => n - bodies.length);
    const made = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
    setResults((r) => [...made, ...r.filter((x) => !made.some((m) => m.id === x.id))]);
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
    if (failed) setError(failed.reason as ApiError);
  };

  const go = () => {
    setTouched(true);
    if (blocked) return;
    const base: Body = {
      model: spec.modelId,
      mode,
      ...(prompt.trim() ? { prompt } : {}),
      params,
      ...(version.versionOf ? { versionOf: version.versionOf } : {}),
      ...(promptVersionId && !draft && prompt === initialPrompt ? { promptVersionId } : {}),
    };
    if (mode === "image-to-image") base.inputs = toGenerationInputs(inputs.items, i2i.inputs, { publicUrl });
    const seeds = seedsFor(count, typeof params.seed === "number" ? params.seed : undefined);
    void send(seeds.map((seed) => ({ ...base, params: seed === undefined ? params : { ...params, seed } })));
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
      e.preventDefault();
      go();
    }
  };

  const again = (g: GenerationView, seeds: (number | undefined)[]) => {
    const inputsOf = g.inputs.map((i) =>
      i.assetId ? { role: i.role, assetId: i.assetId } : { role: i.role, url: i.url! },
    );
    void send(
      seeds.map((seed) => ({
        model: g.model,
        mode: g.mode,
        ...(g.prompt ? { prompt: g.prompt } : {}),
        params: seed === undefined ? g.params : { ...g.params, seed },
        ...(inputsOf.length ? { inputs: inputsOf } : {}),
      })),
    );
  };
  const useAsReference = (a: StudioAsset) => {
    setMode("image-to-image");
    const r = inputs.addItem(itemFromAsset(a, "reference_image", t("refs.fromResult")), refSpec);
    setNotice(r.overCount.length ? t("refs.full", { max: refSpec.max }) : undefined);
    window.scrollTo({ top: 0, behavior: "smooth" });
  };

  const apiErr = error?.field?.startsWith("params.") ? { [error.field.slice(7).split(".")[0]]: errorText(error) } : {};

  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,440px)_minmax(0,1fr)]">
      <Card className="h-fit lg:sticky lg:top-6">
        <form
          noValidate
          className="flex flex-col gap-5 p-5"
          aria-label={t("title")}
          onKeyDown={onKey}
          onSubmit={(e) => {
            e.preventDefault();
            go();
          }}
        >
          <Segmented
            legend={t("title")}
            value={mode}
            onChange={(m) => setMode(m)}
            options={(["text-to-image", "image-to-image"] as const).map((m) => ({ value: m, label: t(`modes.${m}`) }))}
            className="w-full"
          />
          {mode === "image-to-image" && (
            <div className="flex flex-col gap-2">
              <Suspense fallback={null}>
                <RefField.Part
                  spec={refSpec}
                  use={{ model: i2i.modelId, mode: "image-to-image" }}
                  inputs={inputs}
                  label={t("refs.label")}
                  numbered
                />
              </Suspense>
              {!publicUrl && (
                <p
                  className="rounded-lg border border-warning/30 bg-warning/10 p-2.5 text-xs leading-5 text-warning"
                  data-testid="public-url-notice"
                >
                  {t("refs.publicUrlNotice")}
                </p>
              )}
              {notice && (
                <p className="text-xs font-medium text-danger" role="alert">
                  {notice}
                </p>
              )}
            </div>
          )}
          <Field
            label={t("prompt.label")}
            required={spec.prompt.required}
            aside={<span data-testid="prompt-counter">{t("prompt.counter", { count: [...prompt].length })}</span>}
            hint={mode === "image-to-image" ? t("prompt.hintI2i") : t("prompt.hint")}
            error={
              touched && promptMissing ? t("prompt.required") : error?.field === "prompt" ? errorText(error) : undefined
            }
          >
            <Textarea
              ref={promptRef}
              name="prompt"
              rows={5}
              value={prompt}
              onChange={(e) => setPrompt(e.target.value)}
              placeholder={t("prompt.placeholder")}
            />
          </Field>
          <PromptHelper value={prompt} onAccept={setPrompt} kind="image" />
          <section aria-label={t("params.title")} className="flex flex-col gap-3">
            <h2 className="text-[13px] font-semibold text-fg">{t("params.title")}</h2>
            <ImageSettings fields={spec.params} values={params} onChange={setParams} errors={apiErr} />
          </section>
          <Field label={t("variations.label")} hint={t("variations.hint")}>
            <Select name="variations" value={String(count)} onChange={(e) => setCount(Number(e.target.value))}>
              {VARIATIONS.map((n) => (
                <option key={n} value={n}>
                  {t("variations.option", { count: n })}
                </option>
              ))}
            </Select>
          </Field>
          <VersionOption state={version} />
          {touched && refProblem && (
            <p role="alert" className="text-sm font-medium text-danger" data-testid="refs-problem">
              {refProblem}
            </p>
          )}
          {error && !error.field?.startsWith("params.") && error.field !== "prompt" && (
            <p role="alert" className="rounded-lg border border-danger/25 bg-danger/5 p-2.5 text-sm text-danger">
              {t("submitError", { message: errorText(error) })}
            </p>
          )}
          <div className="flex items-center justify-between gap-3">
            <span className="hidden text-xs text-muted sm:inline">{t("shortcut")}</span>
            <CanCreate>
              <SpendEstimate model={spec.modelId} mode={spec.mode} params={params} batch={count}>
                <Button type="submit" variant="primary" size="lg" loading={inFlight > 0} className="w-full sm:w-auto">
                  {inFlight > 0 ? t("generating") : count > 1 ? t("generateN", { count }) : t("generate")}
                </Button>
              </SpendEstimate>
            </CanCreate>
          </div>
        </form>
      </Card>

      <section aria-label={t("results.title")} className="min-w-0">
        <h2 className="mb-3 text-sm font-semibold text-fg">{t("results.title")}</h2>
        {results.length === 0 ? (
          <EmptyState icon={<ImageIcon />} title={t("results.empty")} description={t("results.emptyHint")} />
        ) : (
          <div className="grid grid-cols-1 items-start gap-4 sm:grid-cols-2 2xl:grid-cols-3" data-testid="results">
            {results.map((g) => (
              <Suspense key={g.id} fallback={<div className="aspect-square animate-pulse rounded-xl bg-surface-2" />}>
                <ImageCard
                  key={g.id}
                  initial={g}
                  model={model}
                  onRerun={(x) => again(x, [undefined])}
                  onVariations={(x) => again(x, seedsFor(4, undefined))}
                  onUseAsReference={useAsReference}
                />
              </Suspense>
            ))}
          </div>
        )}
      </section>
    </div>
  );
}
