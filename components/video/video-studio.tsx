"use client";

import { useMutation } from "@tanstack/react-query";
import { Suspense, useRef, useState, type KeyboardEvent } from "react";
import { lazyPart, usePreloadWhenIdle } from "@/lib/client/lazy";
import { useLocale, useTranslations } from "use-intl";
import { PromptHelper } from "@/components/chat/prompt-helper";
import { SPEND_CODES, SpendEstimate } from "@/components/spend/spend-estimate";
import { useErrorText } from "@/lib/client/error-text";
import type { ModelInfo } from "@/components/generations/generation-card";
import { defaultsOf, ParamFields, type ParamValues } from "@/components/generations/param-fields";
// Straight from the modules, not the `@/components/inputs` index, which would bring the input fields along.
import { kindOf, mimeOf } from "@/components/inputs/media-kind";
import { toGenerationInputs } from "@/components/inputs/to-request";
import type { StudioAsset } from "@/components/inputs/types";
import { itemFromAsset, useMediaInputs } from "@/components/inputs/use-media-inputs";
import { Button, Card, Segmented } from "@/components/ui";
import type { ModeFormSpec, ParamField } from "@/lib/catalog/form-spec";
import { checkPrompt } from "@/lib/catalog/prompt";
import { api, ApiError, type GenerationView } from "@/lib/client/api";
import { loadInputRules, useInputReadiness } from "./checks";
import { inputsOf, inputsOfSync, presetItems } from "./draft";
import { ModeTabs, shortName } from "./mode-tabs";
import { PromptField } from "./prompt-field";
import { checkMentions, insertAt, mentionStyle, moveOrder, renumber } from "./references";
import type { InputTarget } from "./results-strip";
import { CanCreate } from "@/components/auth/can-create";
import { mainOutput, useVersionSource, VersionOption } from "@/components/generations/version-option";

// Text-to-video has no input fields: the media fields (drop zone, chips, limits) load when the page is idle,
// ready before a mode with inputs is chosen.
const Inputs = lazyPart(() => import("./video-inputs").then((m) => m.VideoInputs));
// The results column (and the cards it loads) comes after the form: the server-rendered results stay as they are
// until their code is there.
const Results = lazyPart(() => import("./results-strip").then((m) => m.ResultsStrip));

export interface VideoStudioProps {
  /** Runnable models per mode, in the order the page offers them. */
  modes: { mode: string; specs: ModeFormSpec[] }[];
  recent: GenerationView[];
  models: Record<string, ModelInfo>;
  /** A finished generation to start from (re-run / remix): mode, model, prompt, settings and inputs. */
  draft?: GenerationView;
  /** The studio assets the draft used, so its inputs show at once. */
  draftAssets?: StudioAsset[];
  /** Whether the studio has a public address (PUBLIC_BASE_URL) for URL-only inputs. */
  publicUrl: boolean;
  /** `?mode=&model=`: open in this mode with this model (links, "make a video from this image"). */
  /** `?mode=&model=&prompt=` (a prompt from the library): where the form starts when there is no draft. */
  initial?: { mode?: string; model?: string; prompt?: string; promptVersionId?: string };
  /** `?version=<asset id>`: the asset "add as a new version" stacks onto (default: the draft's main output). */
  versionOf?: string;
  /** `?<role>=<asset id>` ("use as input"): studio assets to start with in those roles. */
  preset?: { role: string; asset: StudioAsset }[];
}

/** Keep the values that are still valid for the new model's fields; the rest take their defaults. */
function carryParams(old: ParamValues, fields: ParamField[]): ParamValues {
  const next = defaultsOf(fields);
  for (const f of fields) {
    const v = old[f.name];
    if (v === undefined) continue;
    const ok =
      f.kind === "enum"
        ? f.options?.includes(v as never)
        : f.kind === "boolean"
          ? typeof v === "boolean"
          : f.kind === "string"
            ? typeof v === "string"
            : typeof v === "number" && (f.min === undefined || v >= f.min) && (f.max === undefined || v <= f.max);
    if (ok) next[f.name] = v;
  }
  return next;
}

export function VideoStudio({
  modes,
  recent,
  models,
  draft,
  draftAssets = [],
  publicUrl,
  initial,
  versionOf,
  preset = [],
}: VideoStudioProps) {
  const t = useTranslations("video");
  const errorText = useErrorText();
  usePreloadWhenIdle(Inputs.preload, loadInputRules, Results.preload);
  const locale = useLocale() as "zh" | "en";
  const wanted = draft ? { mode: draft.mode, model: draft.model } : initial;
  const startMode = wanted?.mode && modes.some((m) => m.mode === wanted.mode) ? wanted.mode : modes[0]?.mode;
  const [mode, setMode] = useState(startMode);
  const specs = modes.find((m) => m.mode === mode)?.specs ?? [];
  const [modelId, setModelId] = useState(
    wanted?.model && specs.some((s) => s.modelId === wanted.model) ? wanted.model : specs[0]?.modelId,
  );
  const spec = specs.find((s) => s.modelId === modelId) ?? specs[0];
  const [prompt, setPrompt] = useState(draft?.prompt ?? initial?.prompt ?? "");
  const [params, setParams] = useState<ParamValues>(() => (draft ? draft.params : spec ? defaultsOf(spec.params) : {}));
  const inputs = useMediaInputs(draft ? inputsOfSync(draft, draftAssets) : presetItems(preset));
  const [results, setResults] = useState<GenerationView[]>(recent);
  const [touched, setTouched] = useState(false);
  const [sentNotice, setSentNotice] = useState(false);
  const promptRef = useRef<HTMLTextAreaElement>(null);
  const version = useVersionSource(draft ? (versionOf ?? mainOutput(draft)) : undefined);

  const style = spec ? mentionStyle(spec.modelId, spec.mode) : undefined;
  const images = inputs.byRole("reference_image");
  const mentions =
    style && spec?.inputs.some((i) => i.role === "reference_image")
      ? { ...checkMentions(prompt, style, images.length), token: style.token }
      : undefined;
  const readiness = useInputReadiness(spec, inputs.items, publicUrl);
  const check = spec ? checkPrompt(spec.prompt, prompt) : undefined;
  const promptMissing = !!spec?.prompt.required && !prompt.trim();

  const submit = useMutation({
    mutationFn: () =>
      api<GenerationView>("/api/v1/generations", {
        method: "POST",
        json: {
          model: spec!.modelId,
          mode: spec!.mode,
          prompt,
          params,
          inputs: toGenerationInputs(inputs.items, spec!.inputs, { publicUrl }),
          ...(version.versionOf ? { versionOf: version.versionOf } : {}),
          ...(initial?.promptVersionId && !draft && prompt === initial.prompt
            ? { promptVersionId: initial.promptVersionId }
            : {}),
        },
      }),
    onSuccess: (g) => {
      setResults((r) => [g, ...r.filter((x) => x.id !== g.id)]);
      setTouched(false);
      setSentNotice(true);
      // With a long form the results column starts above the fold: bring the new card into view.
      requestAnimationFrame(() =>
        document
          .querySelector(`[data-generation-id="${g.id}"]`)
          ?.scrollIntoView({ behavior: "smooth", block: "nearest" }),
      );
    },
  });
  const apiError = submit.error as ApiError | null;
  const fieldErrors: Record<string, string> = apiError?.field?.startsWith("params.")
    ? { [apiError.field.slice(7).split(".")[0]]: apiError.message }
    : {};

  const blocked =
    !spec ||
    promptMissing ||
    !!check?.over ||
    readiness.pending ||
    readiness.problems.length > 0 ||
    (mentions?.dangling.length ?? 0) > 0;
  const go = () => {
    setTouched(true);
    setSentNotice(false);
    if (!blocked) submit.mutate();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
      e.preventDefault();
      go();
    }
  };

  /** Switch mode (and model): the same vendor where it has the mode, settings carried over where still valid. */
  const choose = (nextMode: string, nextModel?: string) => {
    const list = modes.find((m) => m.mode === nextMode)?.specs ?? [];
    const target =
      list.find((s) => s.modelId === nextModel) ?? list.find((s) => s.vendorName === spec?.vendorName) ?? list[0];
    if (!target) return undefined;
    setMode(nextMode);
    setModelId(target.modelId);
    if (target.modelId !== spec?.modelId || target.mode !== spec?.mode) setParams((p) => carryParams(p, target.params));
    submit.reset();
    return target;
  };

  const insert = (token: string) => {
    const el = promptRef.current;
    const start = el?.selectionStart ?? prompt.length;
    const end = el?.selectionEnd ?? prompt.length;
    const next = insertAt(prompt, start, end, token);
    setPrompt(next.text);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(next.caret, next.caret);
    });
  };
  const reorderImages = (from: number, to: number | undefined) => {
    if (style) setPrompt((p) => renumber(p, style, moveOrder(images.length, from, to)));
  };

  const rerun = async (g: GenerationView) => {
    if (!modes.some((m) => m.mode === g.mode)) return;
    setMode(g.mode);
    setModelId(g.model);
    setPrompt(g.prompt ?? "");
    setParams(g.params);
    inputs.setItems(await inputsOf(g));
    version.startFrom(g);
    submit.reset();
    promptRef.current?.focus();
    window.scrollTo({ top: 0, behavior: "smooth" });
  };
  const continueClip = (g: GenerationView, lastFrame: StudioAsset) => {
    const target = choose("first-frame", g.model);
    if (!target) return;
    setParams(carryParams(g.params, target.params));
    setPrompt("");
    inputs.replace(itemFromAsset(lastFrame, "first_frame", lastFrame.generation?.prompt ?? undefined));
    window.scrollTo({ top: 0, behavior: "smooth" });
  };
  const applyAsInput = (asset: StudioAsset, where: InputTarget) => {
    const keep = spec?.inputs.some((i) => i.role === where.role) && where.mode === mode ? spec : undefined;
    const target =
      keep ??
      choose(
        where.mode,
        modes.find((m) => m.mode === where.mode)?.specs.find((s) => s.inputs.some((i) => i.role === where.role))
          ?.modelId,
      );
    const role = target?.inputs.find((i) => i.role === where.role);
    if (!role) return;
    // A single slot (first frame, the video to edit) is replaced; a list gets one more.
    if (role.max === 1) inputs.replace(itemFromAsset(asset, role.role));
    else inputs.addItem(itemFromAsset(asset, role.role), role);
    window.scrollTo({ top: 0, behavior: "smooth" });
  };
  /** Files pasted into the prompt go to the first role of their kind that has room. */
  const pasteFiles = (files: File[]) => {
    if (!spec) return;
    for (const f of files) {
      const role = spec.inputs.find((s) => s.kind === kindOf(mimeOf(f)) && inputs.byRole(s.role).length < s.max);
      if (role) void inputs.addFiles([f], role, { model: spec.modelId, mode: spec.mode });
    }
  };

  const targets: InputTarget[] = modes.flatMap((m) => {
    const seen = new Map<string, InputTarget>();
    for (const s of m.specs) for (const i of s.inputs) seen.set(i.role, { mode: m.mode, role: i.role, kind: i.kind });
    return [...seen.values()];
  });

  return (
    <div className="flex flex-col gap-5">
      <ModeTabs modes={modes} value={mode ?? ""} onChange={(m) => choose(m)} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,460px)_minmax(0,1fr)]">
        <Card className="h-fit">
          <form
            className="flex flex-col gap-5 p-5"
            onSubmit={(e) => {
              e.preventDefault();
              go();
            }}
            onKeyDown={onKey}
            aria-label={t("title")}
            data-testid="video-form"
            data-mode={mode}
            data-model={spec?.modelId}
          >
            {specs.length > 0 && spec && (
              <div className="flex flex-col gap-1.5">
                <Segmented
                  legend={t("model")}
                  name="model"
                  value={spec.modelId}
                  onChange={(id) => choose(mode!, id)}
                  options={specs.map((s) => ({ value: s.modelId, label: shortName(s) }))}
                  className="w-full"
                />
                <p className="text-xs leading-5 text-muted" data-testid="model-hint">
                  {spec.name[locale]} · {t("modelHint.typical", { seconds: spec.typicalSeconds ?? 0 })} ·{" "}
                  {t(spec.cancel === "queued-only" ? "modelHint.cancelQueued" : "modelHint.noCancel")}
                </p>
              </div>
            )}
            {spec && spec.inputs.length > 0 && (
              <Suspense fallback={null}>
                <Inputs.Part
                  spec={spec}
                  inputs={inputs}
                  mention={style}
                  onInsert={insert}
                  onReorderImages={reorderImages}
                />
              </Suspense>
            )}
            {spec && (
              <PromptField
                spec={spec}
                value={prompt}
                onChange={setPrompt}
                textareaRef={promptRef}
                mentions={mentions}
                touched={touched}
                serverError={apiError?.field === "prompt" ? apiError.message : undefined}
                onPasteFiles={pasteFiles}
              />
            )}
            {/* Chat studio (#6): "improve this prompt" with a chat model; the draft changes only on accept. */}
            {spec && <PromptHelper value={prompt} onAccept={setPrompt} kind="video" />}
            {spec && (
              <section aria-label={t("params.title")} className="flex flex-col gap-3">
                <h2 className="text-[13px] font-semibold text-fg">{t("params.title")}</h2>
                <ParamFields
                  fields={spec.params}
                  values={params}
                  onChange={setParams}
                  ns="video"
                  errors={fieldErrors}
                />
              </section>
            )}
            <VersionOption state={version} />
            {touched && readiness.problems.length > 0 && (
              <ul
                role="alert"
                className="flex flex-col gap-1 rounded-lg border border-danger/25 bg-danger/5 p-2.5 text-xs leading-5 text-danger"
                data-testid="input-problems"
              >
                {readiness.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            )}
            {apiError && !apiError.field?.startsWith("params.") && apiError.field !== "prompt" && (
              <p
                role="alert"
                className="rounded-lg border border-danger/25 bg-danger/5 p-2.5 text-sm text-danger"
                data-testid="submit-error"
              >
                {t("submitError", {
                  message: SPEND_CODES.includes(apiError.code) ? errorText(apiError) : apiError.message,
                })}
              </p>
            )}
            <div className="flex items-center justify-between gap-3">
              <span className="hidden text-xs text-muted sm:inline" aria-live="polite">
                {readiness.pending ? t("waitUploads") : sentNotice ? t("sent") : t("shortcut")}
              </span>
              <CanCreate>
                <SpendEstimate model={spec?.modelId ?? ""} mode={spec?.mode ?? ""} params={params}>
                  <Button
                    type="submit"
                    variant="primary"
                    size="lg"
                    loading={submit.isPending}
                    disabled={!!check?.over || (mentions?.dangling.length ?? 0) > 0}
                    className="w-full sm:w-auto"
                  >
                    {submit.isPending ? t("generating") : t("generate")}
                  </Button>
                </SpendEstimate>
              </CanCreate>
            </div>
          </form>
        </Card>

        <section aria-label={t("results.title")} className="min-w-0">
          <h2 className="mb-3 text-sm font-semibold text-fg">{t("results.title")}</h2>
          <Suspense fallback={null}>
            <Results.Part
              results={results}
              models={models}
              targets={targets}
              onRerun={rerun}
              onUseAsInput={applyAsInput}
              onContinue={continueClip}
            />
          </Suspense>
        </section>
      </div>
    </div>
  );
}
