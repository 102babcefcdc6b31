"use client";
import { useQuery } from "@tanstack/react-query";
import { TERMINAL } from "@/lib/generations/status";
import { api, type GenerationView } from "./api";
import { useLiveInterval } from "./team-events";

/** How soon the record can change: fast while the task runs or an output is being saved, slow while a save waits to retry. */
export function refetchDelay(g: GenerationView | undefined): number | false {
  if (!g || !TERMINAL.has(g.status)) return 1000;
  const states = g.outputs.map((o) => o.asset);
  if (states.some((a) => a.archiveState === "temporary" || a.archiveState === "archiving")) return 1000;
  if (states.some((a) => a.archiveState === "failed" && !a.archiveError?.includes("no more retries"))) return 10_000;
  return false;
}

/**
 * The studio's own record (never TD), kept current by the team's event stream; it polls only as a fallback
 * (slowly while the stream is healthy) and stops by itself once nothing can change any more.
 */
export function useGeneration(id: string, initial?: GenerationView) {
  const live = useLiveInterval();
  return useQuery({
    queryKey: ["generation", id],
    queryFn: () => api<GenerationView>(`/api/v1/generations/${id}`),
    initialData: initial,
    refetchInterval: (q) => live.interval(refetchDelay(q.state.data)),
    refetchIntervalInBackground: false,
  });
}
