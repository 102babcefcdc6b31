"use client";

import { useCallback, useMemo, useRef, useState } from "react";
import type { InputRole, InputSpec, MediaKind } from "@/lib/catalog/types";
import { mediaIssues } from "@/lib/catalog/validate";
import { api, ApiError } from "@/lib/client/api";
import type { IntendedUse, MediaItem, StudioAsset } from "./types";

// The file readers (image/video/audio metadata, MP4 boxes) load when a file is first added, not with the form.
const facts = () => import("./media-facts");

let counter = 0;
const newKey = () => `in-${Date.now().toString(36)}-${(counter++).toString(36)}`;

/** A studio asset as an input item (nothing to upload: the studio already holds it). */
export function itemFromAsset(a: StudioAsset, role: InputRole, name?: string): MediaItem {
  return {
    key: newKey(),
    role,
    kind: a.kind as MediaKind,
    source: "studio",
    name: name ?? (a.generation?.prompt?.slice(0, 40) || `#${a.id.slice(0, 8)}`),
    previewUrl: a.kind === "video" ? (a.posterUrl ?? a.fileUrl) : a.fileUrl,
    facts: {
      mime: a.mime,
      size: a.size,
      width: a.width,
      height: a.height,
      durationSeconds: a.durationSeconds,
      fps: a.fps,
    },
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

  const upload = useCallback(
    async (item: MediaItem, file: File, use: IntendedUse) => {
      patch(item.key, { state: "uploading", error: undefined });
      const form = new FormData();
      // The intended use first, so the studio knows the limits to check while the file streams in.
      form.append("model", use.model);
      form.append("mode", use.mode);
      form.append("role", item.role);
      form.append("file", file, file.name);
      try {
        const a = await api<StudioAsset>("/api/v1/assets", { method: "POST", body: form });
        const facts = {
          ...item.facts,
          mime: a.mime,
          size: a.size,
          width: a.width ?? item.facts.width,
          height: a.height ?? item.facts.height,
          durationSeconds: a.durationSeconds ?? item.facts.durationSeconds,
          fps: a.fps ?? item.facts.fps,
        };
        patch(item.key, {
          state: "ready",
          assetId: a.id,
          facts,
          file: undefined,
          previewUrl: a.kind === "video" ? item.previewUrl : a.fileUrl,
        });
      } catch (e) {
        patch(item.key, { state: "failed", error: (e as ApiError).message });
      }
    },
    [patch],
  );

  /** Add chosen/dropped/pasted files to a role: read in the browser, checked, uploaded if they pass. */
  const addFiles = useCallback(
    async (files: File[], spec: InputSpec, use: IntendedUse): Promise<AddResult> => {
      const room = spec.max - ref.current.filter((i) => i.role === spec.role).length;
      const taken = files.slice(0, Math.max(0, room));
      const overCount = files.slice(taken.length).map((f) => f.name);
      const fresh = taken.map((file): MediaItem => ({
        key: newKey(),
        role: spec.role,
        kind: spec.kind,
        source: "upload",
        name: file.name,
        facts: { size: file.size },
        state: "checking",
        file,
        previewUrl: URL.createObjectURL(file),
      }));
      setItems((xs) => [...xs, ...fresh]);
      await Promise.all(
        fresh.map(async (item, i) => {
          const file = taken[i];
          const read = await (await facts()).readFileFacts(file);
          const wrongKind = read.kind && read.kind !== spec.kind;
          const issues = wrongKind ? [] : mediaIssues(spec, read.facts);
          const next = { ...item, facts: read.facts, kind: read.kind ?? spec.kind };
          if (wrongKind || issues.length) {
            patch(item.key, { facts: read.facts, kind: read.kind ?? spec.kind, state: "rejected" });
            return;
          }
          patch(item.key, { facts: read.facts });
          await upload(next, file, use);
        }),
      );
      return { overCount };
    },
    [patch, setItems, upload],
  );

  /** Import a pasted public URL into the studio (the studio fetches and checks it against the role's limits). */
  const addUrl = useCallback(
    async (url: string, spec: InputSpec, use: IntendedUse): Promise<AddResult> => {
      if (ref.current.filter((i) => i.role === spec.role).length >= spec.max) return { overCount: [url] };
      const item: MediaItem = {
        key: newKey(),
        role: spec.role,
        kind: spec.kind,
        source: "url",
        name: url.split("/").pop()?.split("?")[0] || url,
        facts: {},
        state: "uploading",
        sourceUrl: url,
      };
      setItems((xs) => [...xs, item]);
      try {
        const a = await api<StudioAsset>("/api/v1/assets", {
          method: "POST",
          json: { url, model: use.model, mode: use.mode, role: spec.role },
        });
        patch(item.key, {
          state: "ready",
          assetId: a.id,
          kind: a.kind as MediaKind,
          previewUrl: a.fileUrl,
          facts: {
            mime: a.mime,
            size: a.size,
            width: a.width,
            height: a.height,
            durationSeconds: a.durationSeconds,
            fps: a.fps,
          },
        });
      } catch (e) {
        patch(item.key, { state: "failed", error: (e as ApiError).message });
      }
      return { overCount: [] };
    },
    [patch, setItems],
  );

  /** The studio does not keep frame rates: read a stored video's from its boxes, so the limit is checked here too. */
  const completeFacts = useCallback(
    async (item: MediaItem) => {
      if (item.kind !== "video" || item.facts.fps != null || !item.assetId || !item.facts.size) return;
      const boxes = await (await facts()).readUrlMp4Facts(`/api/v1/assets/${item.assetId}/file`, item.facts.size);
      if (boxes?.fps)
        setItems((xs) => xs.map((x) => (x.key === item.key ? { ...x, facts: { ...x.facts, fps: boxes.fps } } : x)));
    },
    [setItems],
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
