"use client";

import { useCallback, useMemo, useRef, useState } from "react";
import type { InputRole, InputSpec, MediaKind } from "@/lib/catalog/types";
import type { IoContext } from "./media-io";
import type { IntendedUse, MediaItem, StudioAsset } from "./types";

// Reading, checking and uploading files (media-io.ts, with the file readers and the limit checks) load when a
// file is first added, not with the form.
const io = () => import("./media-io");

let counter = 0;
const newKey = () => `in-${Date.now().toString(36)}-${(counter++).toString(36)}`;

/** What the studio knows of a stored asset, as an input's facts. */
export function assetFacts(a: StudioAsset): MediaItem["facts"] {
  return {
    mime: a.mime,
    size: a.size,
    width: a.width,
    height: a.height,
    durationSeconds: a.durationSeconds,
    fps: a.fps,
  };
}

/** A studio asset as an input item (nothing to upload: the studio already holds it). */
export function itemFromAsset(a: StudioAsset, role: InputRole, name?: string): MediaItem {
  return {
    key: newKey(),
    role,
    kind: a.kind as MediaKind,
    source: "studio",
    name: name ?? (a.generation?.prompt?.slice(0, 40) || `#${a.id.slice(0, 8)}`),
    previewUrl: a.kind === "video" ? (a.posterUrl ?? a.fileUrl) : a.fileUrl,
    facts: assetFacts(a),
    state: "ready",
    assetId: a.id,
  };
}

/** An input given by reference only (a Seedance `asset://` id, or a URL sent as-is): no facts to check here. */
export function itemFromUrl(
  url: string,
  role: InputRole,
  kind: MediaKind,
  name: string,
  previewUrl?: string,
): MediaItem {
  return {
    key: newKey(),
    role,
    kind,
    source: url.startsWith("asset://") ? "library" : "url",
    name,
    previewUrl,
    facts: {},
    state: "ready",
    url,
  };
}

/** The outcome of adding files: those refused before anything was read (over the role's count), by name. */
export interface AddResult {
  overCount: string[];
}

/**
 * The inputs of one form, in order. Files are checked in the browser as soon as they are chosen (against
 * the role's catalog limits) and uploaded only when they pass; the studio checks them again on upload.
 */
export function useMediaInputs(initial: MediaItem[] = []) {
  const [items, setItemsState] = useState<MediaItem[]>(initial);
  // The latest list, updated at once (not at the next render): several files added in one go, or async
  // uploads finishing, each see the others when checking a role's count.
  const ref = useRef(items);
  const setItems = useCallback((next: MediaItem[] | ((xs: MediaItem[]) => MediaItem[])) => {
    const v = typeof next === "function" ? next(ref.current) : next;
    ref.current = v;
    setItemsState(v);
  }, []);
  const patch = useCallback(
    (key: string, p: Partial<MediaItem>) => setItems((xs) => xs.map((x) => (x.key === key ? { ...x, ...p } : x))),
    [setItems],
  );

  const ctx = useMemo<IoContext>(() => ({ patch, setItems, ref, newKey }), [patch, setItems]);
  const upload = useCallback(
    async (item: MediaItem, file: File, use: IntendedUse) => (await io()).upload(ctx, item, file, use),
    [ctx],
  );

  /** Add chosen/dropped/pasted files to a role: read in the browser, checked, uploaded if they pass. */
  const addFiles = useCallback(
    async (files: File[], spec: InputSpec, use: IntendedUse): Promise<AddResult> =>
      (await io()).addFiles(ctx, files, spec, use),
    [ctx],
  );

  /** Import a pasted public URL into the studio (the studio fetches and checks it against the role's limits). */
  const addUrl = useCallback(
    async (url: string, spec: InputSpec, use: IntendedUse): Promise<AddResult> =>
      (await io()).addUrl(ctx, url, spec, use),
    [ctx],
  );

  /** The studio does not keep frame rates: read a stored video's from its boxes, so the limit is checked here too. */
  const completeFacts = useCallback(
    async (item: MediaItem) => {
      if (item.kind !== "video" || item.facts.fps != null || !item.assetId || !item.facts.size) return;
      await (await io()).completeFacts(ctx, item);
    },
    [ctx],
  );

  /** Add an item made elsewhere (a studio asset, a library asset), if the role has room. */
  const addItem = useCallback(
    (item: MediaItem, spec: InputSpec): AddResult => {
      if (ref.current.filter((i) => i.role === spec.role).length >= spec.max) return { overCount: [item.name] };
      setItems((xs) => [...xs, item]);
      void completeFacts(item);
      return { overCount: [] };
    },
    [setItems, completeFacts],
  );

  /** Put an item in a single-input role (a first frame, the video to edit), replacing what was there. */
  const replace = useCallback(
    (item: MediaItem) => {
      setItems((xs) => [...xs.filter((x) => x.role !== item.role), item]);
      void completeFacts(item);
    },
    [setItems, completeFacts],
  );

  /** Upload a file that was rejected before but fits the current limits (e.g. after a change of model). */
  const retry = useCallback(
    (item: MediaItem, use: IntendedUse) => (item.file ? upload(item, item.file, use) : Promise.resolve()),
    [upload],
  );

  const remove = useCallback(
    (key: string) =>
      setItems((xs) => {
        const gone = xs.find((x) => x.key === key);
        if (gone?.previewUrl?.startsWith("blob:")) URL.revokeObjectURL(gone.previewUrl);
        return xs.filter((x) => x.key !== key);
      }),
    [setItems],
  );

  /** Move an item within its role by `delta` places; the order is the order sent upstream. */
  const move = useCallback(
    (key: string, delta: number) =>
      setItems((xs) => {
        const item = xs.find((x) => x.key === key);
        if (!item) return xs;
        const same = xs.filter((x) => x.role === item.role);
        const from = same.indexOf(item);
        const to = Math.max(0, Math.min(same.length - 1, from + delta));
        if (from === to) return xs;
        same.splice(from, 1);
        same.splice(to, 0, item);
        let i = 0;
        return xs.map((x) => (x.role === item.role ? same[i++] : x));
      }),
    [setItems],
  );

  const byRole = useCallback((role: InputRole) => items.filter((i) => i.role === role), [items]);
  return useMemo(
    () => ({ items, setItems, addFiles, addUrl, addItem, replace, retry, remove, move, byRole }),
    [items, setItems, addFiles, addUrl, addItem, replace, retry, remove, move, byRole],
  );
}
export type MediaInputs = ReturnType<typeof useMediaInputs>;
