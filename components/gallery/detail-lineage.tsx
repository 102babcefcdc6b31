"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowRightIcon } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "use-intl";
import { buttonClasses } from "@/components/ui";
import { api } from "@/lib/client/api";
import { hasKey, tKey } from "@/lib/i18n/dynamic-key";
import type { LineageNode } from "@/lib/gallery/lineage";
import type { GalleryItem } from "./types";

/**
 * "Use as input": every place this asset can go as an input, by kind — an image as a new image's reference or a
 * video's first frame, last frame or reference; a video to edit or as a reference; an image or a video as a chat
 * attachment; speech as a reference sound or a voice-clone sample. The studios read `?ref=` (image),
 * `?mode=&<role>=` (video), `?attach=` (chat) and `?voice_sample=` (speech) and start with the asset in that role.
 */
const TARGETS: Record<string, { key: string; href: (id: string) => string }[]> = {
  image: [
    { key: "asReference", href: (id) => `/image?ref=${id}` },
    { key: "asFirstFrame", href: (id) => `/video?mode=first-frame&first_frame=${id}` },
    { key: "asLastFrame", href: (id) => `/video?mode=first-last-frame&last_frame=${id}` },
    { key: "asVideoReference", href: (id) => `/video?mode=reference&reference_image=${id}` },
    { key: "asChatAttachment", href: (id) => `/chat?attach=${id}` },
  ],
  video: [
    { key: "asVideoToEdit", href: (id) => `/video?mode=video-edit&video=${id}` },
    { key: "asReferenceVideo", href: (id) => `/video?mode=multimodal-reference&reference_video=${id}` },
    { key: "asChatAttachment", href: (id) => `/chat?attach=${id}` },
  ],
  audio: [
    { key: "asReferenceAudio", href: (id) => `/video?mode=multimodal-reference&reference_audio=${id}` },
    { key: "asVoiceSample", href: (id) => `/speech?voice_sample=${id}` },
  ],
};

export function DetailUseAsInput({ item }: { item: GalleryItem }) {
  const t = useTranslations("gallery.detail.input");
  const targets = TARGETS[item.kind] ?? [];
  if (!item.fileUrl || item.trashedAt || targets.length === 0) return null;
  return (
    <details className="group relative" data-testid="detail-use-as-input">
      <summary className={buttonClasses({ variant: "secondary" }) + " list-none [&::-webkit-details-marker]:hidden"}>
        {t("open")} ▾
      </summary>
      <div
        role="menu"
        className="absolute start-0 bottom-full z-20 mb-1 flex w-60 flex-col rounded-lg border border-border bg-surface p-1 shadow-lg"
      >
        {targets.map((d) => (
          <Link
            key={d.key}
            role="menuitem"
            href={d.href(item.assetId)}
            className="rounded-md px-2.5 py-1.5 text-[13px] text-fg hover:bg-surface-2 focus-visible:bg-surface-2 focus-visible:outline-none"
          >
            {t(d.key as "asReference")}
          </Link>
        ))}
      </div>
    </details>
  );
}

function Thumb({ id, label, onOpen }: { id: string; label: string; onOpen: (id: string) => void }) {
  return (
    <button
      type="button"
      onClick={() => onOpen(id)}
      className="size-12 shrink-0 overflow-hidden rounded-md border border-border bg-surface-2 focus-visible:ring-2 focus-visible:ring-accent focus-visible:outline-none"
      aria-label={label}
      title={label}
      data-testid="lineage-asset"
      data-asset-id={id}
    >
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={`/api/v1/assets/${id}/thumbnail`} alt="" loading="lazy" className="size-full object-cover" />
    </button>
  );
}

/**
 * Lineage as a small clickable graph: "made from" — the inputs (with their roles) of the generation that made this
 * asset, and of theirs, up to the depth limit; "used in" — generations that took it as an input, and what they made.
 * Each row is one generation: inputs → model step → outputs; a continue-from-last-frame chain reads top to bottom.
 */
export function DetailLineage({ assetId, onOpen }: { assetId: string; onOpen: (id: string) => void }) {
  const t = useTranslations("gallery.detail.lineage");
  const ti = useTranslations("inputs");
  const th = useTranslations("history");
  const q = useQuery({
    queryKey: ["lineage", assetId],
    queryFn: () => api<{ madeFrom: LineageNode[]; usedIn: LineageNode[] }>(`/api/v1/assets/${assetId}/lineage`),
  });
  const madeFrom = (q.data?.madeFrom ?? []).filter((n) => n.inputs.some((i) => i.assetId));
  const usedIn = q.data?.usedIn ?? [];
  if (!madeFrom.length && !usedIn.length) return null;
  const role = (r: string) => (hasKey(ti, `roles.${r}`) ? tKey(ti, `roles.${r}`) : r);
  const row = (n: LineageNode, dir: "from" | "in") => (
    <li key={`${dir}-${n.generationId}`} className="flex items-center gap-1.5" data-testid={`lineage-${dir}`}>
      <div className="flex gap-1">
        {n.inputs.map((i) =>
          i.assetId ? (
            <Thumb key={`${i.role}-${i.position}`} id={i.assetId} label={role(i.role)} onOpen={onOpen} />
          ) : null,
        )}
      </div>
      <ArrowRightIcon aria-hidden="true" className="size-3.5 shrink-0 text-muted" />
      <span className="min-w-0 truncate text-xs text-muted">{th(`modes.${n.mode}` as never)}</span>
      <ArrowRightIcon aria-hidden="true" className="size-3.5 shrink-0 text-muted" />
      <div className="flex gap-1">
        {n.outputs.map((o) =>
          o.assetId === assetId ? (
            <span key={o.assetId} className="rounded-md border-2 border-accent">
              <Thumb id={o.assetId} label={t("this")} onOpen={() => undefined} />
            </span>
          ) : (
            <Thumb key={o.assetId} id={o.assetId} label={t("output")} onOpen={onOpen} />
          ),
        )}
      </div>
    </li>
  );
  return (
    <section className="flex flex-col gap-2" data-testid="detail-lineage">
      <h3 className="text-xs font-medium text-muted">{t("title")}</h3>
      {madeFrom.length > 0 && (
        <div>
          <h4 className="mb-1 text-xs text-muted">{t("madeFrom")}</h4>
          <ol className="flex flex-col gap-1.5">
            {[...madeFrom].sort((a, b) => b.depth - a.depth).map((n) => row(n, "from"))}
          </ol>
        </div>
      )}
      {usedIn.length > 0 && (
        <div>
          <h4 className="mb-1 text-xs text-muted">{t("usedIn")}</h4>
          <ol className="flex flex-col gap-1.5">
            {[...usedIn].sort((a, b) => a.depth - b.depth).map((n) => row(n, "in"))}
          </ol>
        </div>
      )}
    </section>
  );
}
