"use client";

import { useState } from "react";
import { useTranslations } from "use-intl";
import { Switch } from "@/components/ui";
import type { GenerationView } from "@/lib/client/api";

/** A finished generation's main output (not a last frame): what "add as a new version" stacks onto. */
export function mainOutput(g?: GenerationView): string | undefined {
  if (g?.status !== "succeeded") return undefined;
  return g.outputs.find((o) => o.role !== "last_frame")?.assetId;
}

/**
 * The asset a studio started from ("use these settings", re-run) and whether the next create is a new version of
 * it (on by default). `versionOf` goes into the create body as it is.
 */
export function useVersionSource(initial?: string) {
  const [source, setSource] = useState(initial);
  const [on, setOn] = useState(true);
  return {
    source,
    on,
    setOn,
    /** Start from this generation (re-run): its main output is the new source. */
    startFrom: (g: GenerationView) => {
      setSource(mainOutput(g));
      setOn(true);
    },
    versionOf: on ? source : undefined,
  };
}

/** The "add as a new version" switch with the source's thumbnail; nothing when there is no source. */
export function VersionOption({ state }: { state: ReturnType<typeof useVersionSource> }) {
  const t = useTranslations("generation.versionOption");
  if (!state.source) return null;
  return (
    <div
      className="flex items-center gap-3 rounded-lg border border-border bg-surface-2 p-2.5"
      data-testid="version-option"
    >
      {/* eslint-disable-next-line @next/next/no-img-element -- the studio's own thumbnail route, already small */}
      <img
        src={`/api/v1/assets/${state.source}/thumbnail`}
        alt=""
        onError={(e) => (e.currentTarget.style.visibility = "hidden")}
        className="size-10 shrink-0 rounded-md bg-surface object-cover"
      />
      <Switch
        className="min-w-0 flex-1"
        checked={state.on}
        onCheckedChange={state.setOn}
        label={t("label")}
        description={state.on ? t("on") : t("off")}
      />
    </div>
  );
}
