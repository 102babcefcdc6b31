"use client";

import { RotateCcwIcon, SlidersHorizontalIcon } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { useTranslations } from "use-intl";
import { STATUS_TONE } from "@/components/generations/card-parts";
import { useMoney } from "@/components/spend/format";
import { Badge, Button, buttonClasses, cn } from "@/components/ui";
import { formatDuration } from "@/lib/client/use-now";
import { tKey } from "@/lib/i18n/dynamic-key";
import { cellActive } from "../status";
import type { ExperimentCell } from "../types";

/** The studio a cell's settings reopen in (`?from=<generation>&version=<asset>`), as the gallery does. */
export const STUDIO_FOR_KIND: Record<string, string> = { video: "/video", image: "/image", speech: "/speech" };

/** A cell's main output: what a preview shows and what compare / boards take. */
export const mainOutput = (c: ExperimentCell) =>
  c.outputs.find((o) => o.role !== "last_frame" && o.role !== "poster") ?? c.outputs[0];

/** One cell of the grid: its output (image, video, audio or chat text), status, progress, time and cost. */
export function CellCard({
  cell,
  kind,
  selected,
  onSelect,
  onRetry,
  retrying,
  header,
  footer,
}: {
  cell: ExperimentCell;
  /** The variant's model kind (video, image, speech, chat); unknown in blind mode. */
  kind?: string;
  selected?: boolean;
  onSelect?: (on: boolean) => void;
  onRetry?: () => void;
  retrying?: boolean;
  /** Above the preview (blind mode: the option letter). */
  header?: ReactNode;
  /** Below the facts (blind mode: the vote button). */
  footer?: ReactNode;
}) {
  const t = useTranslations("experiments.view");
  const tg = useTranslations("generation");
  const money = useMoney();
  const out = mainOutput(cell);
  const active = cellActive(cell);
  const studio = kind ? STUDIO_FOR_KIND[kind] : undefined;
  const status = cell.status === "waiting" ? t("waiting") : tKey(tg, `status.${cell.status}`, undefined, cell.status);
  return (
    <div
      className={cn(
        "flex min-w-0 flex-col gap-2 rounded-lg border bg-surface p-2 transition-colors",
        selected ? "border-accent ring-2 ring-accent/30" : "border-border",
      )}
      data-testid="experiment-cell"
      data-status={cell.status}
      data-cell={cell.n}
    >
      {header}
      <div className="relative flex aspect-video items-center justify-center overflow-hidden rounded-md bg-surface-2">
        {out && out.kind === "image" ? (
          // eslint-disable-next-line @next/next/no-img-element
          <img
            src={`/api/v1/assets/${out.assetId}/thumbnail`}
            alt=""
            className="size-full object-contain"
            loading="lazy"
          />
        ) : out && out.kind === "video" ? (
          <video
            src={`/api/v1/assets/${out.assetId}/file`}
            poster={`/api/v1/assets/${out.assetId}/poster`}
            preload="metadata"
            muted
            playsInline
            controls
            className="size-full object-contain"
          />
        ) : out && out.kind === "audio" ? (
          <audio src={`/api/v1/assets/${out.assetId}/file`} controls preload="none" className="w-full px-2" />
        ) : cell.text ? (
          <p className="absolute inset-0 overflow-y-auto p-2 text-xs leading-5 whitespace-pre-wrap text-fg">
            {cell.text}
          </p>
        ) : active ? (
          <div className="flex w-2/3 flex-col items-center gap-2">
            <span className="text-xs text-muted">{status}</span>
            <div
              className="h-1.5 w-full overflow-hidden rounded-full bg-border"
              role="progressbar"
              aria-valuenow={cell.progress ?? 0}
              aria-valuemin={0}
              aria-valuemax={100}
            >
              <div
                className={cn(
                  "h-full rounded-full bg-accent transition-[width]",
                  cell.progress === undefined && "w-1/3 animate-pulse",
                )}
                style={cell.progress !== undefined ? { width: `${cell.progress}%` } : undefined}
              />
            </div>
          </div>
        ) : (
          <span className="text-xs text-muted">{cell.status === "failed" ? status : t("noOutput")}</span>
        )}
        {onSelect && out && (
          <label className="absolute start-1.5 top-1.5 flex size-7 items-center justify-center rounded-md bg-surface/90 shadow-xs">
            <input
              type="checkbox"
              checked={!!selected}
              onChange={(e) => onSelect(e.target.checked)}
              aria-label={t("select")}
              className="size-4 accent-[var(--accent)]"
              data-testid="cell-select"
            />
          </label>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted tabular-nums">
        <Badge
          tone={cell.status === "waiting" ? "neutral" : (STATUS_TONE[cell.status] ?? "neutral")}
          dot={active}
          className="h-5 px-2"
        >
          {status}
        </Badge>
        {cell.seconds !== undefined && <span>{formatDuration(cell.seconds)}</span>}
        {cell.cost !== undefined && cell.currency && <span>{money(cell.cost, cell.currency)}</span>}
        {cell.tokens?.completion !== undefined && <span>{cell.tokens.completion} tok</span>}
      </div>
      {(onRetry || (studio && cell.generationId && out)) && (
        <div className="flex flex-wrap gap-1.5">
          {onRetry && (cell.status === "failed" || cell.status === "expired") && (
            <Button size="sm" variant="secondary" onClick={onRetry} loading={retrying} data-testid="cell-retry">
              <RotateCcwIcon />
              {t("retry")}
            </Button>
          )}
          {studio && cell.generationId && out && !header && (
            <Link
              href={`${studio}?from=${cell.generationId}&version=${out.assetId}`}
              className={buttonClasses({ size: "sm", variant: "ghost" })}
              title={t("useSettings")}
              data-testid="cell-use-settings"
            >
              <SlidersHorizontalIcon />
              <span className="sr-only sm:not-sr-only">{t("useSettings")}</span>
            </Link>
          )}
        </div>
      )}
      {footer}
    </div>
  );
}
