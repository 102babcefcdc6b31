"use client";

import type { InputSpec, MediaKind } from "@/lib/catalog/types";
import { mediaIssues } from "@/lib/catalog/validate";
import { api, ApiError } from "@/lib/client/api";
import { readFileFacts, readUrlMp4Facts } from "./media-facts";
import type { IntendedUse, MediaItem, StudioAsset } from "./types";
import { assetFacts, type AddResult } from "./use-media-inputs";

// Reading, checking and uploading files for useMediaInputs: loaded when a form first adds one, not with the form.

export interface IoContext {
  patch: (key: string, p: Partial<MediaItem>) => void;
  setItems: (next: MediaItem[] | ((xs: MediaItem[]) => MediaItem[])) => void;
  /** The latest list (see useMediaInputs). */
  ref: { current: MediaItem[] };
  newKey: () => string;
}

export async function upload(ctx: IoContext, item: MediaItem, file: File, use: IntendedUse) {
  const { patch } = ctx;
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
}

/** Add chosen/dropped/pasted files to a role: read in the browser, checked, uploaded if they pass. */
export async function addFiles(ctx: IoContext, files: File[], spec: InputSpec, use: IntendedUse): Promise<AddResult> {
  const { patch, setItems, ref, newKey } = ctx;
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
      const read = await await readFileFacts(file);
      const wrongKind = read.kind && read.kind !== spec.kind;
      const issues = wrongKind ? [] : mediaIssues(spec, read.facts);
      const next = { ...item, facts: read.facts, kind: read.kind ?? spec.kind };
      if (wrongKind || issues.length) {
        patch(item.key, { facts: read.facts, kind: read.kind ?? spec.kind, state: "rejected" });
        return;
      }
      patch(item.key, { facts: read.facts });
      await upload(ctx, next, file, use);
    }),
  );
  return { overCount };
}

/** Import a pasted public URL into the studio (the studio fetches and checks it against the role's limits). */
export async function addUrl(ctx: IoContext, url: string, spec: InputSpec, use: IntendedUse): Promise<AddResult> {
  const { patch, setItems, ref, newKey } = ctx;
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
      facts: assetFacts(a),
    });
  } catch (e) {
    patch(item.key, { state: "failed", error: (e as ApiError).message });
  }
  return { overCount: [] };
}

/** The studio does not keep frame rates: read a stored video's from its boxes, so the limit is checked here too. */
export async function completeFacts(ctx: IoContext, item: MediaItem) {
  const { setItems } = ctx;
  if (item.kind !== "video" || item.facts.fps != null || !item.assetId || !item.facts.size) return;
  const boxes = await readUrlMp4Facts(`/api/v1/assets/${item.assetId}/file`, item.facts.size);
  if (boxes?.fps)
    setItems((xs) => xs.map((x) => (x.key === item.key ? { ...x, facts: { ...x.facts, fps: boxes.fps } } : x)));
}
