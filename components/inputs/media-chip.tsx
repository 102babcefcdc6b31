"use client";

import { AudioLinesIcon, TriangleAlertIcon, XIcon } from "lucide-react";
import { useTranslations } from "use-intl";
import { Button, cn, Spinner } from "@/components/ui";
import { formatDuration } from "@/lib/client/use-now";
import type { MediaItem } from "./types";
import { tKey } from "@/lib/i18n/dynamic-key";

function Arrow({ up }: { up: boolean }) {
  return (
    <svg
      viewBox="0 0 16 16"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.7"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={up ? "M8 12.5v-9M4 7l4-4 4 4" : "M8 3.5v9M4 9l4 4 4-4"} />
    </svg>
  );
}

export interface MediaChipProps {
  item: MediaItem;
  /** 1-based number shown on the chip (media order), when the role is numbered. */
  number?: number;
  /** The prompt token for this item (e.g. "[Image 2]"); clicking the chip inserts it. */
  mention?: string;
  onInsert?: () => void;
  onMoveUp?: () => void;
  onMoveDown?: () => void;
  onRemove: () => void;
  /** Upload again (a file rejected before that fits the current limits). */
  onRetry?: () => void;
  problems: string[];
}

/** One input: thumbnail, number, facts, what is wrong with it (naming the limit), reorder/remove. */
export function MediaChip({
  item,
  number,
  mention,
  onInsert,
  onMoveUp,
  onMoveDown,
  onRemove,
  onRetry,
  problems,
}: MediaChipProps) {
  const t = useTranslations("inputs");
  const f = item.facts;
  const facts = [
    f.width && f.height ? `${f.width}×${f.height}` : null,
    f.durationSeconds != null
      ? formatDuration(f.durationSeconds) + (f.durationSeconds < 60 ? ` (${f.durationSeconds.toFixed(1)} s)` : "")
      : null,
    f.fps ? `${f.fps} fps` : null,
    f.size ? `${Math.max(0.1, Math.round((f.size / 1024 / 1024) * 10) / 10)} MB` : null,
  ].filter(Boolean);
  const bad = problems.length > 0;
  const busy = item.state === "checking" || item.state === "uploading";
  const label = number !== undefined ? t("chip.numbered", { n: number, name: item.name }) : item.name;

  const thumb = (
    <span className="relative flex size-14 shrink-0 items-center justify-center overflow-hidden rounded-md bg-surface-2 text-muted">
      {item.previewUrl && item.kind === "image" ? (
        // eslint-disable-next-line @next/next/no-img-element
        <img src={item.previewUrl} alt="" className="size-full object-cover" />
      ) : item.previewUrl && item.kind === "video" ? (
        <video src={item.previewUrl} muted preload="metadata" playsInline className="size-full bg-black object-cover" />
      ) : (
        <AudioLinesIcon className="size-6" aria-hidden="true" />
      )}
      {number !== undefined && (
        <span className="absolute start-0.5 top-0.5 rounded bg-black/70 px-1 text-[11px] font-semibold text-white tabular-nums">
          {number}
        </span>
      )}
      {busy && (
        <span className="absolute inset-0 flex items-center justify-center bg-black/35">
          <Spinner size="sm" className="text-white" />
        </span>
      )}
    </span>
  );

  return (
    <li
      className={cn(
        "flex items-start gap-3 rounded-lg border bg-surface p-2",
        bad ? "border-danger/40 bg-danger/5" : "border-border",
      )}
      data-testid="media-chip"
      data-state={item.state}
      data-role={item.role}
      aria-label={label}
    >
      {mention && onInsert ? (
        <button
          type="button"
          onClick={onInsert}
          title={t("chip.insert", { token: mention })}
          aria-label={t("chip.insert", { token: mention })}
          className="rounded-md focus-visible:outline-2 focus-visible:outline-accent"
          data-testid="chip-insert"
        >
          {thumb}
        </button>
      ) : (
        thumb
      )}
      <div className="min-w-0 flex-1 text-xs leading-5">
        <p className="flex items-center gap-1.5 truncate font-medium text-fg">
          {mention && <code className="rounded bg-accent/10 px-1 text-[11px] text-accent-text">{mention}</code>}
          <span className="truncate" title={item.sourceUrl ?? item.url ?? item.name}>
            {item.name}
          </span>
        </p>
        <p className="truncate text-muted tabular-nums">
          {item.state === "checking"
            ? t("chip.checking")
            : item.state === "uploading"
              ? t("chip.uploading")
              : [tKey(t, `sources.${item.source}`), ...facts].join(" · ")}
        </p>
        {bad && (
          <ul className="mt-1 flex flex-col gap-0.5 text-danger" role="alert" data-testid="chip-problems">
            {problems.map((p) => (
              <li key={p} className="flex gap-1">
                <TriangleAlertIcon className="mt-1 size-3 shrink-0" aria-hidden="true" />
                <span>{p}</span>
              </li>
            ))}
            {item.state === "rejected" && <li className="text-muted">{t("chip.notUploaded")}</li>}
          </ul>
        )}
        {!bad && item.state === "rejected" && onRetry && (
          <Button size="sm" variant="secondary" className="mt-1" onClick={onRetry}>
            {t("chip.upload")}
          </Button>
        )}
      </div>
      <div className="flex shrink-0 items-center">
        {onMoveUp && (
          <Button
            size="icon"
            variant="ghost"
            className="size-7"
            onClick={onMoveUp}
            aria-label={t("chip.moveUp", { name: label })}
            title={t("chip.moveUp", { name: label })}
          >
            <Arrow up />
          </Button>
        )}
        {onMoveDown && (
          <Button
            size="icon"
            variant="ghost"
            className="size-7"
            onClick={onMoveDown}
            aria-label={t("chip.moveDown", { name: label })}
            title={t("chip.moveDown", { name: label })}
          >
            <Arrow up={false} />
          </Button>
        )}
        <Button
          size="icon"
          variant="ghost"
          className="size-7"
          onClick={onRemove}
          aria-label={t("chip.remove", { name: label })}
          title={t("chip.remove", { name: label })}
        >
          <XIcon />
        </Button>
      </div>
    </li>
  );
}
