"use client";

import { AudioLinesIcon } from "lucide-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { lazy, Suspense, useEffect, useState } from "react";
import { useTranslations } from "use-intl";
import type { ModelInfo } from "@/components/generations/generation-card";
import { defaultsOf } from "@/components/generations/param-fields";
import { mainOutput, useVersionSource, VersionOption } from "@/components/generations/version-option";
import { Card, EmptyState, Segmented, Spinner } from "@/components/ui";
import type { ModeFormSpec } from "@/lib/catalog/form-spec";
import { api, ApiError, type GenerationView } from "@/lib/client/api";
import { useErrorText } from "@/lib/client/error-text";
import { SPEND_CODES } from "@/components/spend/spend-estimate";
import { formatDuration, useNow } from "@/lib/client/use-now";
import type { AssetView } from "@/lib/assets/view";
import type { VoiceList } from "@/lib/voices/schema";
import type { CloneState } from "./clone-form";
import { splitTags } from "./form-utils";
import type { Language } from "./pickers";
import { SpeakForm, type SpeakState } from "./speak-form";
import { lazyPart, usePreloadWhenIdle } from "@/lib/client/lazy";

// Result cards load beside the results query, after the form: the form is what the page needs first.
// The clone form and the voice library are tabs: their code (and the waveform player) loads when the page is idle.
const Clone = lazyPart(() => import("./clone-form").then((m) => m.CloneForm));
const Voices = lazyPart(() => import("./voice-library").then((m) => m.VoiceLibrary));
const SpeechCard = lazy(() => import("./speech-card").then((m) => ({ default: m.SpeechCard })));

export interface SpeechStudioProps {
  speak: ModeFormSpec;
  clone: ModeFormSpec;
  languages: Language[];
  recent: GenerationView[];
  voices: VoiceList;
  model: ModelInfo;
  /** A generation to start from (?from=<id>, History's "run again"). */
  draft?: GenerationView;
  /** `?version=<asset id>`: the asset "add as a new version" stacks onto (default: the draft's main output). */
  versionOf?: string;
  /** `?voice_sample=<asset id>` (the gallery's "use as input"): the clone form opens with that audio as its sample. */
  voiceSample?: string;
  /** `?prompt=&promptVersion=` (the prompt library): the text to start with, and the version it came from. */
  initialText?: string;
  promptVersionId?: string;
}

type Tab = "speak" | "clone" | "voices";
type Pending = { key: number; mode: "speech" | "voice-clone"; text: string; startedAt: number };

const tagsOf = (v: unknown) => (Array.isArray(v) ? v.join(", ") : "");
const stripUnset = (p: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined && v !== ""));

export function SpeechStudio({
  speak,
  clone,
  languages,
  recent,
  voices: initialVoices,
  model,
  draft,
  versionOf,
  voiceSample,
  initialText,
  promptVersionId,
}: SpeechStudioProps) {
  const t = useTranslations("speech");
  const qc = useQueryClient();
  const voicesQ = useQuery({
    queryKey: ["voices"],
    queryFn: () => api<VoiceList>("/api/v1/voices"),
    initialData: initialVoices,
  });
  const voices = { team: voicesQ.data.items, system: voicesQ.data.system };
  const [tab, setTab] = useState<Tab>(draft?.mode === "voice-clone" || voiceSample ? "clone" : "speak");
  const [speakState, setSpeak] = useState<SpeakState>(() =>
    draft?.mode === "speech"
      ? { text: draft.prompt ?? "", params: draft.params }
      : { text: initialText ?? "", params: defaultsOf(speak.params) },
  );
  const [cloneState, setClone] = useState<CloneState>(() =>
    draft?.mode === "voice-clone"
      ? cloneFrom(draft)
      : { text: "", params: defaultsOf(clone.params), labels: "", scenes: "" },
  );
  const [results, setResults] = useState<GenerationView[]>(recent);
  const [pending, setPending] = useState<Pending[]>([]);
  const [errors, setErrors] = useState<{ speak?: ApiError; clone?: ApiError }>({});
  const errorText = useErrorText();
  usePreloadWhenIdle(Clone.preload, Voices.preload);

  // A clone started from History needs its sample back: the asset's facts are read from the studio.
  useEffect(() => {
    const assetId =
      voiceSample ??
      (draft?.mode === "voice-clone" ? draft.inputs.find((i) => i.role === "clone_audio")?.assetId : undefined);
    if (assetId) void loadSample(assetId).then((sample) => sample && setClone((c) => ({ ...c, sample })));
  }, [draft, voiceSample]);

  // Speech made from an earlier clip ("use these settings", run again) joins that clip's version stack.
  const version = useVersionSource(draft?.mode === "speech" ? (versionOf ?? mainOutput(draft)) : undefined);

  const run = async (mode: "speech" | "voice-clone") => {
    const form = mode === "speech" ? "speak" : "clone";
    const body =
      mode === "speech"
        ? {
            model: speak.modelId,
            mode,
            prompt: speakState.text,
            params: stripUnset(speakState.params),
            ...(version.versionOf ? { versionOf: version.versionOf } : {}),
            // Linked to the library version while its text is sent unchanged.
            ...(promptVersionId && !draft && speakState.text === initialText ? { promptVersionId } : {}),
          }
        : {
            model: clone.modelId,
            mode,
            ...(cloneState.text.trim() ? { prompt: cloneState.text } : {}),
            params: stripUnset({
              ...cloneState.params,
              voiceLabels: splitTags(cloneState.labels),
              voiceScenes: splitTags(cloneState.scenes),
            }),
            inputs: [{ role: "clone_audio", assetId: cloneState.sample!.assetId }],
          };
    const key = Date.now() + Math.random();
    setErrors((e) => ({ ...e, [form]: undefined }));
    setPending((p) => [
      { key, mode, text: mode === "speech" ? speakState.text : cloneState.text, startedAt: Date.now() },
      ...p,
    ]);
    try {
      // Synchronous upstream: the answer comes back with the audio already stored (or the failure recorded).
      const g = await api<GenerationView>("/api/v1/generations", { method: "POST", json: body });
      setResults((r) => [g, ...r.filter((x) => x.id !== g.id)]);
      if (mode === "voice-clone") await qc.invalidateQueries({ queryKey: ["voices"] });
    } catch (e) {
      // Budget and quota refusals say which limit and how much is left, in the reader's language.
      const err =
        e instanceof ApiError && SPEND_CODES.includes(e.code) ? Object.assign(e, { message: errorText(e) }) : e;
      setErrors((x) => ({ ...x, [form]: err as ApiError }));
    } finally {
      setPending((p) => p.filter((x) => x.key !== key));
    }
  };

  const speakWith = (voiceId: string) => {
    setSpeak((s) => ({ ...s, params: { ...s.params, voiceId } }));
    setTab("speak");
    window.scrollTo({ top: 0, behavior: "smooth" });
  };
  const rerun = (g: GenerationView) => {
    if (g.mode === "voice-clone") {
      setClone(cloneFrom(g));
      const assetId = g.inputs.find((i) => i.role === "clone_audio")?.assetId;
      if (assetId) void loadSample(assetId).then((sample) => sample && setClone((c) => ({ ...c, sample })));
      setTab("clone");
    } else {
      setSpeak({ text: g.prompt ?? "", params: g.params });
      version.startFrom(g);
      setTab("speak");
    }
    window.scrollTo({ top: 0, behavior: "smooth" });
  };
  const busy = (mode: Pending["mode"]) => pending.some((p) => p.mode === mode);

  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,460px)_minmax(0,1fr)]">
      <Card className="h-fit lg:sticky lg:top-6">
        <div className="flex flex-col gap-5 p-5">
          <Segmented
            legend={t("title")}
            value={tab}
            onChange={setTab}
            options={[
              { value: "speak", label: t("tabs.speak") },
              { value: "clone", label: t("tabs.clone") },
              { value: "voices", label: t("tabs.voices", { count: voices.team.length }) },
            ]}
            className="w-full"
          />
          {tab === "speak" && <VersionOption state={version} />}
          {tab === "speak" && (
            <SpeakForm
              spec={speak}
              languages={languages}
              voices={voices}
              value={speakState}
              onChange={setSpeak}
              onSubmit={() => void run("speech")}
              busy={busy("speech")}
              error={errors.speak}
            />
          )}
          <Suspense fallback={<Spinner className="mx-auto my-6" />}>
            {tab === "clone" && (
              <Clone.Part
                spec={clone}
                languages={languages}
                value={cloneState}
                onChange={setClone}
                onSubmit={() => void run("voice-clone")}
                busy={busy("voice-clone")}
                error={errors.clone}
              />
            )}
            {tab === "voices" && <Voices.Part voices={voices.team} onSpeakWith={speakWith} />}
          </Suspense>
        </div>
      </Card>

      <section aria-label={t("results.title")} className="min-w-0">
        <h2 className="mb-3 text-sm font-semibold text-fg">{t("results.title")}</h2>
        {results.length === 0 && pending.length === 0 ? (
          <EmptyState icon={<AudioLinesIcon />} title={t("results.empty")} description={t("results.emptyHint")} />
        ) : (
          <div className="flex flex-col gap-3" data-testid="results">
            {pending.map((p) => (
              <PendingCard key={p.key} pending={p} typical={model.typicalSeconds} />
            ))}
            {results.map((g) => (
              <Suspense key={g.id} fallback={<div className="h-28 animate-pulse rounded-xl bg-surface-2" />}>
                <SpeechCard
                  key={g.id}
                  initial={g}
                  model={model}
                  voices={voices}
                  languages={languages}
                  onRerun={rerun}
                  onSpeakWith={speakWith}
                />
              </Suspense>
            ))}
          </div>
        )}
      </section>
    </div>
  );
}

function cloneFrom(g: GenerationView): CloneState {
  const { voiceLabels, voiceScenes, ...params } = g.params;
  return { text: g.prompt ?? "", params, labels: tagsOf(voiceLabels), scenes: tagsOf(voiceScenes) };
}

async function loadSample(assetId: string) {
  const a = await api<AssetView>(`/api/v1/assets/${assetId}`).catch(() => undefined);
  if (!a?.fileUrl) return undefined;
  return {
    assetId: a.id,
    name: `${a.id.slice(0, 8)}.${a.mime?.split("/")[1] ?? "audio"}`,
    fileUrl: a.fileUrl,
    durationSeconds: a.durationSeconds,
    size: a.size ?? 0,
  };
}

/** The synchronous call in flight: the server holds the request until TD answers (at most 120 s). */
function PendingCard({ pending, typical }: { pending: Pending; typical?: number }) {
  const t = useTranslations("speech");
  const now = useNow(true);
  const elapsed = (now - pending.startedAt) / 1000;
  return (
    <article
      className="flex flex-col gap-2 rounded-xl border border-accent/30 bg-accent/5 p-4"
      data-testid="speech-pending"
      aria-busy="true"
    >
      <p className="flex items-center gap-2 text-sm font-medium text-fg" role="status">
        <Spinner size="sm" /> {pending.mode === "voice-clone" ? t("pending.clone") : t("pending.speech")}
        <span className="ms-auto text-xs font-normal text-muted tabular-nums">{formatDuration(elapsed)}</span>
      </p>
      {pending.text && <p className="line-clamp-2 text-sm text-muted">{pending.text}</p>}
      <p className="text-xs text-muted">{t("pending.hint", { typical: typical ?? 5, timeout: 120 })}</p>
    </article>
  );
}
