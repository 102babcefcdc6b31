"use client";

import { SpendLine } from "@/components/spend/spend-line";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "use-intl";
import { Button } from "@/components/ui";
import { api, type GenerationView } from "@/lib/client/api";
import { useGeneration } from "@/lib/client/use-generation";
import { tKey } from "@/lib/i18n/dynamic-key";
import { ArchiveLine } from "./archive-line";
import { ElapsedText, OutputPlaceholder, StatusBadge, useElapsed } from "./card-parts";
import { upstreamErrorText } from "./upstream-text";
import { useErrorText } from "@/lib/client/error-text";

export interface ModelInfo {
  name: { zh: string; en: string };
  typicalSeconds?: number;
  cancel: "queued-only" | "never";
}

function aspect(ratio: unknown): string {
  const m = typeof ratio === "string" ? /^(\d+):(\d+)$/.exec(ratio) : null;
  return m ? `${m[1]} / ${m[2]}` : "16 / 9";
}

/** One generation, live: status, progress or elapsed time, the stored result, errors in plain words, actions. */
export function GenerationCard({
  initial,
  model,
  onRerun,
}: {
  initial: GenerationView;
  model?: ModelInfo;
  onRerun?: (g: GenerationView) => void;
}) {
  const t = useTranslations("generation");
  const tu = useTranslations("upstream");
  const errorText = useErrorText();
  const locale = useLocale() as "zh" | "en";
  const qc = useQueryClient();
  const { data } = useGeneration(initial.id, initial);
  const g = data ?? initial;
  const { active, elapsed } = useElapsed(g);
  const typical = model?.typicalSeconds;
  const output = g.outputs.find((o) => o.kind === "video") ?? g.outputs[0];
  const asset = output?.asset;
  const modelName = model ? model.name[locale] : g.model;

  const cancel = useMutation({
    mutationFn: () => api<GenerationView>(`/api/v1/generations/${g.id}/cancel`, { method: "POST" }),
    onSuccess: (v) => qc.setQueryData(["generation", g.id], v),
  });
  const cancelable = g.status === "queued" && (model?.cancel === "queued-only" || !g.upstreamTaskId);
  const cancelWhy =
    model?.cancel === "queued-only" ? t("actions.cancelQueuedOnly") : t("actions.cannotCancel", { model: modelName });

  // The share of the typical time, for models that report no percentage; held below 95% until done.
  const estimate = g.progress ?? (typical ? Math.min(95, Math.round((elapsed / typical) * 100)) : undefined);

  return (
    <article
      className="overflow-hidden rounded-xl border border-border bg-surface shadow-xs"
      data-testid="generation-card"
      data-status={g.status}
      data-generation-id={g.id}
    >
      <div className="relative bg-surface-2" style={{ aspectRatio: aspect(g.params.ratio) }}>
        {asset?.fileUrl && asset.kind === "video" ? (
          <video
            key={asset.fileUrl}
            src={asset.fileUrl}
            poster={asset.posterUrl}
            controls
            playsInline
            preload="metadata"
            className="absolute inset-0 size-full bg-black object-contain"
            data-testid="generation-video"
          >
            {t("videoUnsupported")}
          </video>
        ) : asset?.fileUrl && asset.kind === "image" ? (
          // eslint-disable-next-line @next/next/no-img-element
          <img src={asset.fileUrl} alt={g.prompt ?? ""} className="absolute inset-0 size-full object-contain" />
        ) : (
          <OutputPlaceholder
            g={g}
            asset={asset}
            active={active}
            elapsed={elapsed}
            percent={estimate}
            typical={typical}
            savingLabel={t("saving")}
          />
        )}
      </div>

      <div className="flex flex-col gap-2 p-3">
        <div className="flex flex-wrap items-center gap-2">
          <StatusBadge g={g} active={active} />
          <span className="truncate text-xs text-muted">{modelName}</span>
          <ElapsedText active={active} elapsed={elapsed} />
        </div>
        <p className="line-clamp-2 text-sm text-fg" title={g.prompt ?? undefined}>
          {g.prompt || <span className="text-muted">{t("noPrompt")}</span>}
        </p>

        {g.error && (g.status === "failed" || g.status === "expired" || g.status === "canceled") && (
          <div
            role="alert"
            className="rounded-lg border border-danger/25 bg-danger/5 p-2.5 text-xs leading-5"
            data-testid="generation-error"
          >
            <p className="font-medium text-danger">{t("error.title")}</p>
            {!knownError(t, g.error.code) && upstreamErrorText(tu, g.error.code) && (
              <p className="text-fg">{upstreamErrorText(tu, g.error.code)}</p>
            )}
            <p className="text-fg">{knownError(t, g.error.code) ?? g.error.message}</p>
            <p className="mt-1 text-muted">
              {t("error.code", { code: g.error.code })}
              {g.requestIds[0] ? <> · {t("error.requestId", { id: g.requestIds[g.requestIds.length - 1] })}</> : null}
            </p>
          </div>
        )}

        {asset && <ArchiveLine asset={asset} />}
        <SpendLine spend={g.spend} />

        <div className="flex flex-wrap items-center gap-1.5">
          {active && (
            <Button
              size="sm"
              variant="ghost"
              onClick={() => cancel.mutate()}
              disabled={!cancelable}
              loading={cancel.isPending}
              title={cancelable ? undefined : cancelWhy}
              aria-describedby={cancelable ? undefined : `why-${g.id}`}
            >
              {t("actions.cancel")}
            </Button>
          )}
          {active && !cancelable && (
            <span id={`why-${g.id}`} className="sr-only">
              {cancelWhy}
            </span>
          )}
          {asset?.fileUrl && (
            <a
              className="inline-flex h-8 items-center rounded-lg px-3 text-[13px] font-medium text-muted hover:bg-surface-2 hover:text-fg"
              href={asset.fileUrl}
              download
            >
              {t("actions.download")}
            </a>
          )}
          {onRerun && !active && (
            <Button size="sm" variant="ghost" onClick={() => onRerun(g)}>
              {t("actions.rerun")}
            </Button>
          )}
        </div>
        {cancel.error && <p className="text-xs text-danger">{errorText(cancel.error, { model: modelName })}</p>}
      </div>
    </article>
  );
}

export function knownError(t: ReturnType<typeof useTranslations<"generation">>, code: string): string | undefined {
  const known = [
    "SubmitUncertain",
    "SubmitInterrupted",
    "Expired",
    "public_url_required",
    "NotSent",
    "ModelUnavailable",
    "OutputNotSaved",
  ];
  return known.includes(code) ? tKey(t, `error.${code}`) : undefined;
}

export { ArchiveLine };
