"use client";

import { useMemo } from "react";
import { useTranslations } from "use-intl";
import type { InputSpec } from "@/lib/catalog/types";
import { mediaIssues, type MediaIssue } from "@/lib/catalog/validate";
import type { MediaItem } from "./types";
import { tKey } from "@/lib/i18n/dynamic-key";

const FORMAT_NAMES: Record<string, string> = {
  "image/jpeg": "JPEG",
  "image/png": "PNG",
  "image/webp": "WebP",
  "image/bmp": "BMP",
  "image/tiff": "TIFF",
  "image/gif": "GIF",
  "video/mp4": "MP4",
  "video/quicktime": "MOV",
  "audio/wav": "WAV",
  "audio/x-wav": "WAV",
  "audio/wave": "WAV",
  "audio/mpeg": "MP3",
  "audio/mp3": "MP3",
};

/** "JPEG, PNG, WebP" — readable names of the accepted formats, each once. */
export function formatNames(mimes: string[] = []): string {
  return [...new Set(mimes.map((m) => FORMAT_NAMES[m] ?? m))].join(", ");
}

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * The page's words for limits and their breaches, from the `inputs` messages. Every message names the
 * limit it is about, as the catalog documents it.
 */
export function useLimitText() {
  const t = useTranslations("inputs");
  return useMemo(() => makeLimitText(t), [t]);
}

export type InputsTranslator = ReturnType<typeof useTranslations<"inputs">>;

/** The same outside a hook (a form that loads this module only once it has inputs to check). */
export function makeLimitText(t: InputsTranslator) {
  const issue = (i: MediaIssue) => {
    const values =
      i.code === "format" ? { ...i.values, limit: formatNames(String(i.values.limit).split(", ")) } : i.values;
    return tKey(t, `limits.${i.code}`, values);
  };

  /** A one-line summary of a role's documented limits, e.g. "JPEG, PNG · ≤ 20 MB · ≥ 300 px per side". */
  const summary = (spec: InputSpec) => {
    const l = spec.limits ?? {};
    const parts: string[] = [];
    if (l.mimes) parts.push(formatNames(l.mimes));
    if (l.maxBytes) parts.push(t("summary.maxBytes", { size: mb(l.maxBytes) }));
    if (l.minWidth && l.minWidth === l.minHeight) parts.push(t("summary.minSide", { px: l.minWidth }));
    if (l.minShortSide) parts.push(t("summary.minShortSide", { px: l.minShortSide }));
    if (l.maxLongSide) parts.push(t("summary.maxLongSide", { px: l.maxLongSide }));
    if (l.minRatio && l.maxRatio)
      parts.push(t("summary.ratio", { min: `1:${+(1 / l.minRatio).toFixed(2)}`, max: `${+l.maxRatio.toFixed(2)}:1` }));
    if (l.minSeconds || l.maxSeconds)
      parts.push(t("summary.seconds", { min: l.minSeconds ?? 0, max: l.maxSeconds ?? "∞" }));
    if (l.minFps)
      parts.push(
        l.maxFps
          ? t("summary.fps", { min: Math.ceil(l.minFps), max: l.maxFps })
          : t("summary.fpsAbove", { min: l.minFps }),
      );
    if (l.minPixels && l.maxPixels) parts.push(t("summary.pixels", { min: l.minPixels, max: l.maxPixels }));
    return parts.join(" · ");
  };

  /** Everything wrong with one item under a role's limits (wrong kind, broken limits, the studio's refusal). */
  const problems = (item: MediaItem, spec: InputSpec): string[] => {
    if (item.kind !== spec.kind)
      return [t("wrongKind", { expected: tKey(t, `kinds.${spec.kind}`), actual: tKey(t, `kinds.${item.kind}`) })];
    const out = mediaIssues(spec, item.facts).map(issue);
    if (item.state === "failed" && item.error) out.push(item.error);
    return out;
  };

  /** The role's count rule, when broken: "takes at least 1" / "takes at most 3". */
  const count = (n: number, spec: InputSpec): string | undefined => {
    const role = tKey(t, `roles.${spec.role}`);
    if (n > spec.max) return t("count.max", { role, max: spec.max, n });
    if (n < spec.min)
      return spec.min === spec.max
        ? t("count.exactly", { role, n: spec.min })
        : t("count.min", { role, min: spec.min });
    return undefined;
  };

  return { issue, summary, problems, count };
}
