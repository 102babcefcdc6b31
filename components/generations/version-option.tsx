"use client";

import { Suspense, useState } from "react";
import { lazyPart } from "@/lib/client/lazy";
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
export type VersionSource = ReturnType<typeof useVersionSource>;

// The switch shows only when a studio starts from an earlier result (?from=): its code loads then.
const Switch = lazyPart(() => import("./version-switch").then((m) => m.VersionSwitch));

/** The "add as a new version" switch with the source's thumbnail; nothing when there is no source. */
export function VersionOption({ state }: { state: VersionSource }) {
  if (!state.source) return null;
  return (
    <Suspense fallback={null}>
      <Switch.Part state={state} />
    </Suspense>
  );
}
