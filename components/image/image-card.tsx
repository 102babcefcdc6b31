"use client";

import { useState } from "react";
import { useTranslations } from "use-intl";
import { ElapsedText, OutputPlaceholder, StatusBadge, useElapsed } from "@/components/generations/card-parts";
import { ArchiveLine, type ModelInfo } from "@/components/generations/generation-card";
import { UpstreamError } from "@/components/generations/upstream-error";
import { Button } from "@/components/ui";
import type { GenerationView } from "@/lib/client/api";
import { useGeneration } from "@/lib/client/use-generation";
import { useHydrated } from "@/lib/client/use-hydrated";
import type { AssetView } from "@/lib/assets/view";
import { Lightbox } from "./lightbox";
import { UseAsInput } from "./use-as-input";
import { tKey } from "@/lib/i18n/dynamic-key";

function aspect(ratio: unknown): string {
  const m = typeof ratio === "string" ? /^(\d+):(\d+)$/.exec(ratio) : null;
  return m ? `${m[1]} / ${m[2]}` : "1 / 1";
}

/** One GPT Image-2 job: live progress (TD's Progress %), the stored image (click for full size), and what to do with it. */
export function ImageCard({
  initial,
  model,
  onRerun,
  onVariations,
  onUseAsReference,
}: {
  initial: GenerationView;
  model?: ModelInfo;
  onRerun: (g: GenerationView) => void;
  onVariations: (g: GenerationView) => void;
  onUseAsReference: (asset: AssetView) => void;
}) {
  const t = useTranslations("image");
  const tg = useTranslations("generation");
  const { data } = useGeneration(initial.id, initial);
  const g = data ?? initial;
  const [open, setOpen] = useState(false);
  const hydrated = useHydrated();
  const { active, elapsed } = useElapsed(g);
  const asset = g.outputs.find((o) => o.kind === "image")?.asset;
  const p = g.params as Record<string, unknown>;
  const settings = [
    tKey(t, `quality.${String(p.quality ?? "medium")}.name`),
    p.resolution,
    p.aspectRatio,
    p.seed !== undefined ? t("card.seed", { seed: String(p.seed) }) : null,
  ]
    .filter(Boolean)
    .join(" · ");
  const refs = g.inputs.filter((i) => i.role === "reference_image").length;
  const typical = model?.typicalSeconds;

  return (
    <article
      className="flex flex-col overflow-hidden rounded-xl border border-border bg-surface shadow-xs"
      data-testid="image-card"
      data-hydrated={hydrated || undefined}
      data-status={g.status}
      data-generation-id={g.id}
    >
      <div className="relative bg-surface-2" style={{ aspectRatio: aspect(p.aspectRatio) }}>
        {asset?.fileUrl ? (
          <button
            type="button"
            className="group absolute inset-0 cursor-zoom-in focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent"
            onClick={() => setOpen(true)}
            aria-label={t("card.fullSize")}
          >
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img
              src={asset.fileUrl}
              alt={g.prompt ?? ""}
              className="size-full object-contain"
              data-testid="image-output"
              loading="lazy"
            />
          </button>
        ) : (
          <OutputPlaceholder
            g={g}
            asset={asset}
            active={active}
            elapsed={elapsed}
            percent={g.progress ?? undefined}
            typical={typical}
            typicalAlways
            savingLabel={t("card.saving")}
            progressTestId="image-progress"
          />
        )}
      </div>

      <div className="flex flex-1 flex-col gap-2 p-3">
        <div className="flex flex-wrap items-center gap-2">
          <StatusBadge g={g} active={active} />
          <span className="text-xs text-muted">
            {g.mode === "image-to-image" ? t("card.fromRefs", { count: refs }) : t("modes.text-to-image")}
          </span>
          <ElapsedText active={active} elapsed={elapsed} />
        </div>
        <p className="line-clamp-2 text-sm text-fg" title={g.prompt ?? undefined}>
          {g.prompt || <span className="text-muted">{tg("noPrompt")}</span>}
        </p>
        <p className="text-xs text-muted tabular-nums">{settings}</p>
        {g.error && !active && (
          <UpstreamError code={g.error.code} message={g.error.message} requestIds={g.requestIds} />
        )}
        {asset && <ArchiveLine asset={asset} />}

        <div className="mt-auto flex flex-wrap items-center gap-1">
          {asset?.fileUrl && (
            <a
              className="inline-flex h-8 items-center rounded-lg px-2.5 text-[13px] font-medium text-muted hover:bg-surface-2 hover:text-fg"
              href={asset.fileUrl}
              download
            >
              {t("card.download")}
            </a>
          )}
          {asset?.fileUrl && <UseAsInput assetId={asset.id} onReference={() => onUseAsReference(asset)} />}
          {!active && (
            <Button size="sm" variant="ghost" className="px-2.5" onClick={() => onRerun(g)} title={t("card.rerunHint")}>
              {tg("actions.rerun")}
            </Button>
          )}
          {!active && (
            <Button
              size="sm"
              variant="ghost"
              className="px-2.5"
              onClick={() => onVariations(g)}
              title={t("card.variationsHint", { count: 4 })}
            >
              {t("card.variations")}
            </Button>
          )}
        </div>
      </div>
      {open && asset?.fileUrl && (
        <Lightbox
          src={asset.fileUrl}
          alt={g.prompt ?? ""}
          meta={[settings, asset.width && asset.height ? `${asset.width}×${asset.height}` : null]
            .filter(Boolean)
            .join(" · ")}
          onClose={() => setOpen(false)}
        />
      )}
    </article>
  );
}
