"use client";

import { DownloadIcon } from "lucide-react";
import Link from "next/link";
import { useLocale, useTranslations } from "use-intl";
import { ElapsedText, StatusBadge, useElapsed } from "@/components/generations/card-parts";
import { ArchiveLine, type ModelInfo } from "@/components/generations/generation-card";
import { UpstreamError } from "@/components/generations/upstream-error";
import { Button, Spinner } from "@/components/ui";
import type { GenerationView } from "@/lib/client/api";
import { useGeneration } from "@/lib/client/use-generation";
import type { SystemVoiceView, VoiceView } from "@/lib/voices/schema";
import type { Language } from "./pickers";
import { WaveformPlayer } from "./waveform-player";

/** Where "use as reference audio" leads: the Video page's Seedance multimodal reference, with this asset preselected. */
export const referenceAudioHref = (assetId: string) =>
  `/video?mode=multimodal-reference&reference_audio=${encodeURIComponent(assetId)}`;

/** One speech or voice-clone generation: status, the stored audio as a waveform player, the saved voice, actions. */
export function SpeechCard({
  initial,
  model,
  voices,
  languages,
  onRerun,
  onSpeakWith,
}: {
  initial: GenerationView;
  model?: ModelInfo;
  voices: { team: VoiceView[]; system: SystemVoiceView[] };
  languages: Language[];
  onRerun: (g: GenerationView) => void;
  onSpeakWith: (voiceId: string) => void;
}) {
  const t = useTranslations("speech");
  const tg = useTranslations("generation");
  const locale = useLocale() as "zh" | "en";
  const { data } = useGeneration(initial.id, initial);
  const g = data ?? initial;
  const { active, elapsed } = useElapsed(g);
  const audio = g.outputs.find((o) => o.kind === "audio")?.asset;
  const voiceId = typeof g.params.voiceId === "string" ? g.params.voiceId : undefined;
  const voiceName = voiceId
    ? (voices.team.find((v) => v.voiceId === voiceId)?.name ??
      voices.system.find((v) => v.voiceId === voiceId)?.name[locale] ??
      voiceId.slice(0, 16))
    : g.mode === "speech"
      ? t("voice.default")
      : undefined;
  // A clone's own language is the sample's; the text language only matters when it also spoke.
  const langCode = g.mode === "voice-clone" && !g.prompt ? g.params.cloneLanguage : g.params.language;
  const lang = languages.find((l) => l.code === langCode)?.[locale];
  const saved = g.mode === "voice-clone" ? voices.team.find((v) => v.generationId === g.id) : undefined;

  return (
    <article
      className="flex flex-col gap-3 rounded-xl border border-border bg-surface p-4 shadow-xs"
      data-testid="speech-card"
      data-status={g.status}
      data-mode={g.mode}
      data-generation-id={g.id}
    >
      <div className="flex flex-wrap items-center gap-2">
        <StatusBadge g={g} active={active} />
        <span className="text-xs font-medium text-fg">
          {t(`modes.${g.mode === "voice-clone" ? "clone" : "speech"}`)}
        </span>
        {voiceName && <span className="truncate text-xs text-muted">· {voiceName}</span>}
        {lang && <span className="text-xs text-muted">· {lang}</span>}
        <ElapsedText active={active} elapsed={elapsed} />
      </div>
      {g.prompt ? (
        <p className="line-clamp-3 text-sm text-fg" title={g.prompt}>
          {g.prompt}
        </p>
      ) : (
        g.mode === "speech" && <p className="text-sm text-muted">{tg("noPrompt")}</p>
      )}

      {active && (
        <p className="flex items-center gap-2 text-xs text-muted" role="status">
          <Spinner size="sm" /> {t("working", { seconds: model?.typicalSeconds ?? 5 })}
        </p>
      )}
      {audio?.fileUrl && <WaveformPlayer src={audio.fileUrl} />}
      {audio && !audio.fileUrl && <ArchiveLine asset={audio} />}

      {g.status === "succeeded" && g.mode === "voice-clone" && (
        <div
          className="flex flex-wrap items-center gap-2 rounded-lg border border-success/25 bg-success/5 p-2.5 text-xs"
          data-testid="voice-saved"
        >
          {saved ? (
            <>
              <span className="text-fg">{t("clone.saved", { name: saved.name })}</span>
              <Button size="sm" variant="secondary" className="ms-auto" onClick={() => onSpeakWith(saved.voiceId)}>
                {t("clone.speakWith")}
              </Button>
            </>
          ) : (
            <span className="text-muted">{t("clone.savedPending")}</span>
          )}
        </div>
      )}

      {g.error && !active && <UpstreamError code={g.error.code} message={g.error.message} requestIds={g.requestIds} />}

      <div className="flex flex-wrap items-center gap-1.5">
        {audio?.fileUrl && (
          <a
            className="inline-flex h-8 items-center gap-1.5 rounded-lg px-3 text-[13px] font-medium text-muted hover:bg-surface-2 hover:text-fg [&_svg]:size-3.5"
            href={audio.fileUrl}
            download
          >
            <DownloadIcon /> {tg("actions.download")}
          </a>
        )}
        {audio?.fileUrl && (
          <Link
            className="inline-flex h-8 items-center rounded-lg px-3 text-[13px] font-medium text-muted hover:bg-surface-2 hover:text-fg"
            href={referenceAudioHref(audio.id)}
            title={t("useAsReferenceHint")}
          >
            {t("useAsReference")}
          </Link>
        )}
        {!active && (
          <Button size="sm" variant="ghost" onClick={() => onRerun(g)}>
            {tg("actions.rerun")}
          </Button>
        )}
      </div>
    </article>
  );
}
