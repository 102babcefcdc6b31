"use client";

import { VideoIcon } from "lucide-react";
import { lazy, Suspense, useRef } from "react";
import { useTranslations } from "use-intl";
import type { ModelInfo } from "@/components/generations/generation-card";
import { buttonClasses, EmptyState } from "@/components/ui";
import type { StudioAsset } from "@/components/inputs/types";
import type { InputRole } from "@/lib/catalog/types";
import type { GenerationView } from "@/lib/client/api";
import { useGeneration } from "@/lib/client/use-generation";
import { tKey } from "@/lib/i18n/dynamic-key";

// Cards load beside the results query, after the form: the form is what the page needs first.
const GenerationCard = lazy(() =>
  import("@/components/generations/generation-card").then((m) => ({ default: m.GenerationCard })),
);

export interface InputTarget {
  mode: string;
  role: InputRole;
  kind: "image" | "video" | "audio";
}

type Output = GenerationView["outputs"][number];

/** The stored outputs of a generation that can feed another one: the video, and Seedance's last frame. */
export function reusableOutputs(g: GenerationView): Output[] {
  return g.outputs.filter((o) => o.asset.fileUrl && (o.kind === "video" || o.kind === "image" || o.kind === "audio"));
}

export function asStudioAsset(o: Output, g: GenerationView): StudioAsset {
  return { ...o.asset, generation: { id: g.id, model: g.model, mode: g.mode, prompt: g.prompt } };
}

export interface ResultsStripProps {
  results: GenerationView[];
  models: Record<string, ModelInfo>;
  /** Every place an output of each kind can go on this page. */
  targets: InputTarget[];
  onRerun: (g: GenerationView) => void;
  onUseAsInput: (asset: StudioAsset, target: InputTarget) => void;
  onContinue: (g: GenerationView, lastFrame: StudioAsset) => void;
}

/** Recent results, newest first, each live: play, download, re-run, use as input, continue the clip. */
export function ResultsStrip({ results, models, targets, onRerun, onUseAsInput, onContinue }: ResultsStripProps) {
  const t = useTranslations("video");
  if (results.length === 0)
    return <EmptyState icon={<VideoIcon />} title={t("results.empty")} description={t("results.emptyHint")} />;
  return (
    <ul className="grid gap-4 sm:grid-cols-2" data-testid="results">
      {results.map((g) => (
        <li key={g.id} className="flex min-w-0 flex-col gap-1.5" data-testid="result">
          <Suspense fallback={<div className="aspect-video animate-pulse rounded-xl bg-surface-2" />}>
            <GenerationCard initial={g} model={models[g.model]} onRerun={onRerun} />
          </Suspense>
          <ResultActions initial={g} targets={targets} onUseAsInput={onUseAsInput} onContinue={onContinue} />
        </li>
      ))}
    </ul>
  );
}

function ResultActions({
  initial,
  targets,
  onUseAsInput,
  onContinue,
}: { initial: GenerationView } & Pick<ResultsStripProps, "targets" | "onUseAsInput" | "onContinue">) {
  const t = useTranslations("video");
  const ti = useTranslations("inputs");
  // The card polls this record; reading the same query here adds no request.
  const { data } = useGeneration(initial.id, initial);
  const g = data ?? initial;
  const menu = useRef<HTMLDetailsElement>(null);
  if (g.status !== "succeeded") return null;
  const outputs = reusableOutputs(g);
  const lastFrame = outputs.find((o) => o.role === "last_frame");
  const choices = outputs.flatMap((o) => targets.filter((x) => x.kind === o.kind).map((x) => ({ o, x })));
  if (!lastFrame && choices.length === 0) return null;

  return (
    <div className="flex flex-wrap items-center gap-1.5">
      {lastFrame && g.model === "T0101007" && (
        <button
          type="button"
          className={buttonClasses({ size: "sm", variant: "secondary" })}
          onClick={() => onContinue(g, asStudioAsset(lastFrame, g))}
          data-testid="continue-clip"
        >
          {t("results.continue")}
        </button>
      )}
      {choices.length > 0 && (
        <details ref={menu} className="relative">
          <summary
            className={buttonClasses({
              size: "sm",
              variant: "ghost",
              className: "list-none [&::-webkit-details-marker]:hidden",
            })}
          >
            {t("results.useAsInput")} ▾
          </summary>
          <ul
            className="absolute start-0 z-20 mt-1 flex min-w-56 flex-col rounded-lg border border-border bg-surface p-1 shadow-lg"
            role="menu"
          >
            {choices.map(({ o, x }) => (
              <li key={`${o.assetId}-${x.mode}-${x.role}`} role="none">
                <button
                  type="button"
                  role="menuitem"
                  className="w-full rounded-md px-2.5 py-1.5 text-start text-xs text-fg hover:bg-surface-2 focus-visible:bg-surface-2 focus-visible:outline-none"
                  onClick={() => {
                    if (menu.current) menu.current.open = false;
                    onUseAsInput(asStudioAsset(o, g), x);
                  }}
                >
                  <span className="text-muted">
                    {o.role === "last_frame" ? t("results.lastFrame") : tKey(t, `results.output.${o.kind}`)} →{" "}
                  </span>
                  {tKey(t, `modes.${x.mode}`)} · {tKey(ti, `roles.${x.role}`)}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
