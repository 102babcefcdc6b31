"use client";

import { TriangleAlertIcon } from "lucide-react";
import { useTranslations } from "use-intl";
import { Badge, cn, type BadgeTone } from "@/components/ui";
import type { GenerationView } from "@/lib/client/api";
import { formatDuration, useNow } from "@/lib/client/use-now";
import { TERMINAL } from "@/lib/generations/status";
import { tKey } from "@/lib/i18n/dynamic-key";

// The parts every generation card shares (Video, Image, Speech, History): the clock, the status badge, the
// time beside it, and the placeholder where the output will appear.

export const STATUS_TONE: Record<string, BadgeTone> = {
  queued: "neutral",
  running: "accent",
  succeeded: "success",
  failed: "danger",
  canceled: "neutral",
  expired: "warning",
};

type Translator = ReturnType<typeof useTranslations<"generation">>;
type Output = GenerationView["outputs"][number]["asset"];

/** The badge text: the phase of an active generation ("Waiting for TD capacity", "Saving output") or its status. */
export function statusText(t: Translator, g: Pick<GenerationView, "status" | "phase">): string {
  return g.phase && !TERMINAL.has(g.status) ? tKey(t, `phase.${g.phase}`) : tKey(t, `status.${g.status}`);
}

/** Whether the generation is still going, and its seconds from submission to now (or to its end). */
export function useElapsed(g: GenerationView): { active: boolean; elapsed: number } {
  const active = !TERMINAL.has(g.status);
  const now = useNow(active);
  const start = new Date(g.submittedAt ?? g.createdAt).getTime();
  const end = g.finishedAt ? new Date(g.finishedAt).getTime() : now;
  return { active, elapsed: Math.max(0, (end - start) / 1000) };
}

export function StatusBadge({ g, active }: { g: GenerationView; active: boolean }) {
  const t = useTranslations("generation");
  return (
    <Badge tone={STATUS_TONE[g.status] ?? "neutral"} dot={active} data-testid="generation-status">
      {statusText(t, g)}
    </Badge>
  );
}

/** "0:42" while it runs, "took 1:05" once it is done. */
export function ElapsedText({ active, elapsed }: { active: boolean; elapsed: number }) {
  const t = useTranslations("generation");
  return (
    <span className="ms-auto text-xs text-muted tabular-nums">
      {active ? formatDuration(elapsed) : t("took", { time: formatDuration(elapsed) })}
    </span>
  );
}

/** What stands where the output will be: progress (TD's percentage or an estimate), "saving", or the failure mark. */
export function OutputPlaceholder({
  g,
  asset,
  active,
  elapsed,
  percent,
  typical,
  typicalAlways,
  savingLabel,
  progressTestId,
}: {
  g: GenerationView;
  asset?: Output;
  active: boolean;
  elapsed: number;
  /** TD's progress, or an estimate from the typical time; undefined shows a pulsing bar. */
  percent: number | undefined;
  typical?: number;
  /** Show the typical time also beside a reported percentage (Image) — otherwise only beside the elapsed time. */
  typicalAlways?: boolean;
  savingLabel: string;
  progressTestId?: string;
}) {
  const t = useTranslations("generation");
  const showTypical = typical && (typicalAlways || g.progress == null);
  return (
    <div className="absolute inset-0 flex flex-col items-center justify-center gap-3 p-4 text-center">
      {active && (
        <>
          <div
            className="h-1.5 w-2/3 max-w-56 overflow-hidden rounded-full bg-border"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-label={tKey(t, `status.${g.status}`)}
          >
            <div
              className={cn(
                "h-full rounded-full bg-accent transition-[width] duration-700",
                percent === undefined && "w-1/3 animate-pulse",
              )}
              style={percent !== undefined ? { width: `${Math.max(4, percent)}%` } : undefined}
            />
          </div>
          <p className="text-xs text-muted tabular-nums" data-testid={progressTestId}>
            {g.progress != null
              ? t("progress", { percent: g.progress })
              : t("elapsed", { time: formatDuration(elapsed) })}
            {showTypical ? ` · ${t("typical", { seconds: typical })}` : ""}
          </p>
          {!typicalAlways && typical && elapsed > typical * 1.5 && (
            <p className="text-xs text-warning">{t("overdue")}</p>
          )}
        </>
      )}
      {g.status === "succeeded" && asset && !asset.fileUrl && asset.archiveState !== "failed" && (
        <p className="text-xs text-muted">{savingLabel}</p>
      )}
      {(g.status === "failed" || g.status === "expired") && (
        <TriangleAlertIcon className="size-6 text-danger" aria-hidden="true" />
      )}
    </div>
  );
}
