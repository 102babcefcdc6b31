"use client";

import { useQueryClient, type InfiniteData, type QueryClient } from "@tanstack/react-query";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { TERMINAL } from "@/lib/generations/status";
import type { GenerationView } from "./api";

// One EventSource per tab (GET /api/v1/events), opened while at least one component shows live data and shared
// by all of them. A `generation` event carries the record's view: it is written into the TanStack Query cache
// (the record's own query and the history lists, a new record inserted where it sorts), so a status change costs
// the server one read for all tabs, and the tabs none. `changed` invalidates the keys of its topic. Polling stays as the fallback: every live
// query polls at its usual pace while the stream is down and at LIVE_FALLBACK_MS while it is healthy.

/** How often live queries still poll while the stream is healthy (a safety net, not the way news arrives). */
export const LIVE_FALLBACK_MS = 30_000;
/** The server sends a heartbeat every 15 s: this long without any message means the stream is dead. */
const SILENCE_MS = 45_000;

interface TeamEventsState {
  healthy: boolean;
  /** Ask for the stream; call the returned function when no longer needed. */
  retain(): () => void;
}

const Ctx = createContext<TeamEventsState | null>(null);

type Page = { items: GenerationView[]; nextCursor: string | null };
type ListFilters = { id?: string; status?: string; model?: string; mode?: string } | undefined;

/** Newest first, as the API lists them: (createdAt, id) descending. */
const before = (a: GenerationView, b: GenerationView) =>
  a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id);

/**
 * Put a pushed record where the pages read it: its own query, and every loaded history list — replaced in place,
 * inserted where it sorts (a new record), or taken out of a filtered list it no longer matches. No refetch.
 */
export function applyGeneration(qc: QueryClient, g: GenerationView): void {
  if (qc.getQueryData(["generation", g.id]) !== undefined) qc.setQueryData(["generation", g.id], g);
  for (const q of qc.getQueryCache().findAll({ queryKey: ["generations"] })) {
    const filters = q.queryKey[1] as ListFilters;
    const data = q.state.data as InfiniteData<Page> | undefined;
    if (!data) continue;
    const matches =
      (!filters?.id || filters.id === g.id) &&
      (!filters?.status || filters.status === g.status) &&
      (!filters?.model || filters.model === g.model) &&
      (!filters?.mode || filters.mode === g.mode);
    let pages = data.pages.map((p) => ({ ...p, items: p.items.filter((i) => i.id !== g.id) }));
    if (matches) {
      let placed = false;
      pages = pages.map((p) => {
        if (placed) return p;
        const at = p.items.findIndex((i) => before(g, i));
        if (at === -1) return p;
        placed = true;
        return { ...p, items: [...p.items.slice(0, at), g, ...p.items.slice(at)] };
      });
      // Older than everything loaded: it belongs at the end only when nothing more is there to load.
      const last = pages[pages.length - 1];
      if (!placed && last && last.nextCursor === null) last.items = [...last.items, g];
    }
    qc.setQueryData<InfiniteData<Page>>(q.queryKey, { ...data, pages });
  }
  if (g.status === "succeeded" && !g.phase) void qc.invalidateQueries({ queryKey: ["gallery"] });
}

/** A record that can still change (running, or an output still being saved): worth a refetch after a gap. */
const mayChange = (g: GenerationView | undefined) =>
  !!g && (!TERMINAL.has(g.status) || g.outputs.some((o) => o.asset.archiveState !== "archived"));

/** Refetch what `topic` covers; `readBefore`: only data read before that moment. */
function invalidateTopic(qc: QueryClient, topic: string, readBefore = Infinity): void {
  if (topic === "generations" || topic === "any") {
    void qc.invalidateQueries({ queryKey: ["generations"], predicate: (q) => q.state.dataUpdatedAt < readBefore });
    // Finished records cannot have changed: only the live ones are fetched again (not every card of a page).
    void qc.invalidateQueries({
      queryKey: ["generation"],
      predicate: (q) => q.state.dataUpdatedAt < readBefore && mayChange(q.state.data as GenerationView | undefined),
    });
  }
  if (topic !== "generations" && topic !== "any") void qc.invalidateQueries({ queryKey: [topic] });
}

export function TeamEventsProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const [healthy, setHealthy] = useState(false);
  const [wanted, setWanted] = useState(0);
  const retain = useCallback(() => {
    setWanted((n) => n + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      setWanted((n) => n - 1);
    };
  }, []);
  const lastVersion = useRef<number | undefined>(undefined);
  const on = wanted > 0;

  useEffect(() => {
    if (!on || typeof EventSource === "undefined") return;
    let es: EventSource | undefined;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let silence: ReturnType<typeof setTimeout> | undefined;
    let delay = 1000;
    let stopped = false;
    const heard = () => {
      clearTimeout(silence);
      silence = setTimeout(() => reconnect(), SILENCE_MS);
    };
    const seen = (e: MessageEvent) => {
      heard();
      if (/^\d+$/.test(e.lastEventId)) lastVersion.current = Number(e.lastEventId);
    };
    const reconnect = () => {
      es?.close();
      setHealthy(false);
      if (stopped) return;
      clearTimeout(retryTimer);
      retryTimer = setTimeout(connect, delay);
      delay = Math.min(delay * 2, 60_000);
    };
    const connect = () => {
      if (stopped) return;
      const openedAt = Date.now();
      es = new EventSource("/api/v1/events");
      es.addEventListener("ready", (e) => {
        const { version } = JSON.parse((e as MessageEvent).data) as { version: number };
        // Back after a gap in which the team changed: refetch what is shown. On the first open, only data read
        // before we started listening (a server render) can have missed something.
        if (lastVersion.current !== undefined && lastVersion.current !== version) invalidateTopic(qc, "generations");
        else if (lastVersion.current === undefined) invalidateTopic(qc, "generations", openedAt);
        seen(e as MessageEvent);
        delay = 1000;
        setHealthy(true);
      });
      es.addEventListener("generation", (e) => {
        seen(e as MessageEvent);
        applyGeneration(qc, (JSON.parse((e as MessageEvent).data) as { generation: GenerationView }).generation);
      });
      es.addEventListener("changed", (e) => {
        seen(e as MessageEvent);
        invalidateTopic(qc, (JSON.parse((e as MessageEvent).data) as { topic: string }).topic);
      });
      es.addEventListener("heartbeat", () => heard());
      es.onerror = () => {
        setHealthy(false);
        // CONNECTING: the browser retries by itself (and sends Last-Event-ID). CLOSED (an error status such as
        // 401, or a wrong content type): it gives up, so we try again later, backing off.
        if (es?.readyState === EventSource.CLOSED) reconnect();
      };
      heard();
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retryTimer);
      clearTimeout(silence);
      es?.close();
      setHealthy(false);
    };
  }, [on, qc]);

  const value = useMemo(() => ({ healthy, retain }), [healthy, retain]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

/**
 * For a component that shows live data: opens (or shares) the tab's stream while mounted. `interval(fastMs)` is
 * how often its queries should still poll: `fastMs` while the stream is down, LIVE_FALLBACK_MS while it is healthy.
 */
export function useLiveInterval(): { healthy: boolean; interval: (fastMs: number | false) => number | false } {
  const ctx = useContext(Ctx);
  const retain = ctx?.retain;
  useEffect(() => retain?.(), [retain]);
  const healthy = ctx?.healthy ?? false;
  const interval = useCallback(
    (fastMs: number | false) => (fastMs === false ? false : healthy ? Math.max(fastMs, LIVE_FALLBACK_MS) : fastMs),
    [healthy],
  );
  return { healthy, interval };
}
