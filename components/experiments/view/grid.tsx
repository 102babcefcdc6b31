"use client";

import { PauseIcon, PlayIcon } from "lucide-react";
import { useRef, useState } from "react";
import { useLocale, useTranslations } from "use-intl";
import { Button } from "@/components/ui";
import { hasKey, tKey } from "@/lib/i18n/dynamic-key";
import { cellNumber } from "../status";
import type { ExperimentCell, ExperimentView } from "../types";
import { CellCard, mainOutput } from "./cell-card";

export type ModelNames = Record<string, { name: { zh: string; en: string }; kind: string }>;

/** "GPT Image-2 · 质量 high": a column's title, from the variant's model and the parameters that tell it apart. */
export function useVariantTitle(models: ModelNames) {
  const locale = useLocale() as "zh" | "en";
  const th = useTranslations("history");
  const studios = {
    video: useTranslations("video"),
    image: useTranslations("image"),
    audio: useTranslations("speech"),
  };
  // A parameter in the words its studio's form uses (the key itself where the form has no label for it).
  const paramLabel = (model: string | undefined, k: string) => {
    const kind = (model && models[model]?.kind) || "video";
    const tp = studios[kind as keyof typeof studios] ?? studios.video;
    return hasKey(tp, `params.${k}`) ? tKey(tp, `params.${k}`) : k;
  };
  return (v: ExperimentView["variants"][number]) => ({
    name: v.label || (v.model ? (models[v.model]?.name[locale] ?? v.model) : ""),
    detail: [
      v.mode ? tKey(th, `modes.${v.mode}`, undefined, v.mode) : null,
      ...Object.entries(v.params ?? {})
        .filter(([k, x]) => x !== undefined && x !== "" && typeof x !== "object" && k !== "seed")
        .slice(0, 3)
        .map(([k, x]) => `${paramLabel(v.model, k)} ${String(x)}`),
    ]
      .filter(Boolean)
      .join(" · "),
  });
}

/** Rows = prompts (× seeds), columns = variants; each cell fills in as its generation runs. */
export function ExperimentGrid({
  exp,
  models,
  selected,
  onSelect,
  onRetry,
  retrying,
}: {
  exp: ExperimentView;
  models: ModelNames;
  selected: Set<number>;
  onSelect: (n: number, on: boolean) => void;
  onRetry: (n: number) => void;
  retrying?: number;
}) {
  const t = useTranslations("experiments.view");
  const title = useVariantTitle(models);
  const byPlace = new Map(exp.cells.map((c) => [`${c.row}:${c.variant}`, c]));
  const cols = exp.variants.length;
  return (
    <div className="overflow-x-auto pb-2" data-testid="experiment-grid">
      <div
        className="grid min-w-fit gap-2"
        style={{ gridTemplateColumns: `minmax(120px, 220px) repeat(${cols}, minmax(180px, 1fr))` }}
        role="table"
        aria-rowcount={exp.rows.length + 1}
      >
        <div role="row" className="contents">
          <div role="columnheader" className="self-end px-1 text-xs font-medium text-muted">
            {t("prompt")}
          </div>
          {exp.variants.map((v) => {
            const { name, detail } = title(v);
            return (
              <div key={v.index} role="columnheader" className="min-w-0 px-1" data-testid="variant-header">
                <div className="truncate text-sm font-semibold text-fg">{name}</div>
                <div className="truncate text-xs text-muted" title={detail}>
                  {detail}
                </div>
              </div>
            );
          })}
        </div>
        {exp.rows.map((r) => (
          <GridRow key={r.row} row={r} cells={exp.variants.map((v) => byPlace.get(`${r.row}:${v.index}`))}>
            {(cell, i) =>
              cell ? (
                <CellCard
                  cell={cell}
                  kind={exp.variants[i].model ? models[exp.variants[i].model!]?.kind : undefined}
                  selected={selected.has(cellNumber(cell, cols))}
                  onSelect={(on) => onSelect(cellNumber(cell, cols), on)}
                  onRetry={() => onRetry(cellNumber(cell, cols))}
                  retrying={retrying === cellNumber(cell, cols)}
                />
              ) : (
                <div className="rounded-lg border border-dashed border-border" />
              )
            }
          </GridRow>
        ))}
      </div>
    </div>
  );
}

function GridRow({
  row,
  cells,
  children,
}: {
  row: ExperimentView["rows"][number];
  cells: (ExperimentCell | undefined)[];
  children: (cell: ExperimentCell | undefined, i: number) => React.ReactNode;
}) {
  const t = useTranslations("experiments.view");
  const ref = useRef<HTMLDivElement>(null);
  const [playing, setPlaying] = useState(false);
  const videos = cells.some((c) => c && mainOutput(c)?.kind === "video");
  // Play the row's videos together from the start, so motion can be compared frame for frame.
  const toggle = () => {
    const els = [
      ...(ref.current?.parentElement?.querySelectorAll<HTMLVideoElement>(`[data-row="${row.row}"] video`) ?? []),
    ];
    if (playing) els.forEach((v) => v.pause());
    else
      els.forEach((v) => {
        v.currentTime = 0;
        void v.play().catch(() => undefined);
      });
    setPlaying(!playing);
  };
  return (
    <div role="row" className="contents">
      <div role="rowheader" ref={ref} className="flex min-w-0 flex-col gap-1.5 px-1 py-2" data-testid="experiment-row">
        <p className="line-clamp-4 text-sm text-fg" title={row.prompt}>
          {row.prompt}
        </p>
        {row.seed !== undefined ? (
          <span className="text-xs text-muted tabular-nums">{t("seed", { seed: row.seed })}</span>
        ) : row.repeat > 0 ? (
          <span className="text-xs text-muted">{t("repeat", { n: row.repeat + 1 })}</span>
        ) : null}
        {videos && (
          <Button size="sm" variant="ghost" className="self-start" onClick={toggle} data-testid="row-play">
            {playing ? <PauseIcon /> : <PlayIcon />}
            {playing ? t("pauseRow") : t("playRow")}
          </Button>
        )}
      </div>
      {cells.map((c, i) => (
        <div key={i} role="cell" data-row={row.row} className="min-w-0">
          {children(c, i)}
        </div>
      ))}
    </div>
  );
}
