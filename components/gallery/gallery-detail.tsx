"use client";

import { StarIcon, Trash2Icon, XIcon } from "lucide-react";
import { tKey } from "@/lib/i18n/dynamic-key";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { useLocale, useTranslations } from "use-intl";
import { useCan } from "@/components/auth/caller-context";
import { api } from "@/lib/client/api";
import { Badge, Button, buttonClasses, Input } from "@/components/ui";
import { DetailGeneration } from "./detail-generation";
import { DetailLineage, DetailUseAsInput } from "./detail-lineage";
import { ShareDialog } from "./share-dialog";
import { VersionStack } from "@/components/versions/version-stack";
import { useDetailReview } from "@/components/review/detail-review";
import { STUDIO_FOR_KIND, type GalleryItem, type GalleryModel } from "./types";
import type { useGalleryActions } from "./use-gallery";

export interface GalleryDetailProps {
  item: GalleryItem;
  models: Record<string, GalleryModel>;
  actions: ReturnType<typeof useGalleryActions>;
  onClose: () => void;
  onStep: (delta: number) => void;
  /** A deep link's comment and time (the player seeks there, the comment's shapes are drawn). */
  initialReview?: { commentId?: string; time?: number };
  /** Show another asset's detail (a version of this one's stack). */
  onOpenAsset: (assetId: string) => void;
}

/** The detail view (keyed by the asset, so its drafts start afresh for each item): the large preview and the generation's facts, title and tags; ←/→ step, Esc closes. */
export function GalleryDetail({
  item,
  models,
  actions,
  onClose,
  onStep,
  initialReview,
  onOpenAsset,
}: GalleryDetailProps) {
  const t = useTranslations("gallery");
  const th = useTranslations("history");
  const locale = useLocale() as "zh" | "en";
  const canOrganize = useCan("gallery:organize");
  const canShare = useCan("share:create");
  const [sharing, setSharing] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);
  const [title, setTitle] = useState(item.title ?? "");
  const [tagDraft, setTagDraft] = useState("");
  // Autocomplete: the team's tags starting with what is typed, most used first (a native datalist).
  const prefix = tagDraft.trim();
  const suggestions = useQuery({
    queryKey: ["gallery-tags", prefix],
    queryFn: () =>
      api<{ items: { tag: string }[] }>(`/api/v1/gallery/tags?prefix=${encodeURIComponent(prefix)}`).then((r) =>
        r.items.map((i) => i.tag),
      ),
    enabled: canOrganize,
    staleTime: 30_000,
  });
  const [copied, setCopied] = useState(false);
  const model = item.model ? models[item.model] : undefined;
  const studio = model ? STUDIO_FOR_KIND[model.kind] : undefined;
  const review = useDetailReview(item, initialReview);

  useEffect(() => {
    const prev = document.activeElement as HTMLElement | null;
    dialog.current?.focus();
    return () => prev?.focus?.();
  }, []);

  const saveTags = (tags: string[]) => actions.update.mutate({ id: item.assetId, tags });
  const addTag = () => {
    const v = tagDraft.trim();
    if (v && !item.tags.includes(v)) saveTags([...item.tags, v]);
    setTagDraft("");
  };

  return (
    <div
      className="fixed inset-0 z-50 flex items-stretch justify-center bg-black/70 p-0 sm:items-center sm:p-6"
      onClick={onClose}
    >
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-label={item.title ?? item.prompt ?? t("title")}
        tabIndex={-1}
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          const typing = (e.target as HTMLElement).closest("input,textarea,select");
          if (e.key === "Escape") onClose();
          else if (!typing && !e.metaKey && !e.ctrlKey && review.onKey(e.key)) e.preventDefault();
          else if (!typing && e.key === "ArrowRight") onStep(1);
          else if (!typing && e.key === "ArrowLeft") onStep(-1);
          else if (!typing && (e.key === "f" || e.key === "F"))
            actions.update.mutate({ id: item.assetId, favorite: !item.favorite });
          else return;
          e.preventDefault();
        }}
        className="flex max-h-full w-full max-w-6xl flex-col overflow-hidden bg-surface shadow-xl outline-none sm:rounded-2xl md:flex-row"
        data-testid="gallery-detail"
      >
        {review.media}
        <aside className="flex w-full flex-col gap-4 overflow-y-auto p-5 md:w-96">
          <div className="flex items-start justify-between gap-2">
            <div className="flex flex-wrap gap-1.5">
              <Badge>{t(`kinds.${item.kind as "image" | "video" | "audio"}`)}</Badge>
              {item.trashedAt && <Badge tone="danger">{t("filters.trash")}</Badge>}
            </div>
            <div className="flex gap-1">
              <Button
                size="icon"
                variant="ghost"
                aria-pressed={item.favorite}
                aria-label={item.favorite ? t("item.unfavorite") : t("item.favorite")}
                onClick={() => actions.update.mutate({ id: item.assetId, favorite: !item.favorite })}
                className={item.favorite ? "[&_svg]:fill-amber-400 [&_svg]:stroke-amber-400" : ""}
              >
                <StarIcon />
              </Button>
              <Button size="icon" variant="ghost" aria-label={t("detail.close")} onClick={onClose}>
                <XIcon />
              </Button>
            </div>
          </div>

          <section>
            <h3 className="text-xs font-medium text-muted">{t("detail.prompt")}</h3>
            <p className="mt-1 text-sm whitespace-pre-wrap text-fg">
              {item.prompt || <span className="text-muted">{t("item.noPrompt")}</span>}
            </p>
            {item.prompt && (
              <Button
                size="sm"
                variant="ghost"
                className="mt-1 -ml-3"
                onClick={() => {
                  void navigator.clipboard?.writeText(item.prompt ?? "");
                  setCopied(true);
                  setTimeout(() => setCopied(false), 1500);
                }}
              >
                {copied ? t("detail.copied") : t("detail.copyPrompt")}
              </Button>
            )}
          </section>

          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
            {item.model && (
              <>
                <dt className="text-muted">{t("detail.model")}</dt>
                <dd className="text-fg">{model?.name[locale] ?? item.model}</dd>
              </>
            )}
            {item.mode && (
              <>
                <dt className="text-muted">{t("detail.mode")}</dt>
                <dd className="text-fg">{tKey(th, `modes.${item.mode}`)}</dd>
              </>
            )}
            <dt className="text-muted">{t("detail.creator")}</dt>
            <dd className="text-fg">{item.creator?.name ?? t("detail.unknownCreator")}</dd>
            <dt className="text-muted">{t("detail.created")}</dt>
            <dd className="text-fg">
              <time dateTime={item.createdAt}>
                {new Date(item.createdAt).toLocaleString(locale === "zh" ? "zh-CN" : "en-US")}
              </time>
            </dd>
          </dl>

          <DetailGeneration item={item} />
          <VersionStack assetId={item.assetId} kind={item.kind} models={models} onOpen={onOpenAsset} />
          <DetailLineage assetId={item.assetId} onOpen={onOpenAsset} />

          <form
            className="flex flex-col gap-1.5"
            onSubmit={(e) => {
              e.preventDefault();
              actions.update.mutate({ id: item.assetId, title: title.trim() || null });
            }}
          >
            <label htmlFor="gallery-title" className="text-xs font-medium text-muted">
              {t("detail.title")}
            </label>
            <div className="flex gap-2">
              <Input
                id="gallery-title"
                value={title}
                onChange={(e) => setTitle(e.target.value)}
                placeholder={t("detail.titlePlaceholder")}
                maxLength={200}
                disabled={!canOrganize}
              />
              {canOrganize && (title.trim() || null) !== (item.title ?? null) && (
                <Button type="submit" size="md" loading={actions.update.isPending}>
                  {t("detail.save")}
                </Button>
              )}
            </div>
          </form>

          <section className="flex flex-col gap-1.5">
            <h3 className="text-xs font-medium text-muted">{t("detail.tags")}</h3>
            <ul className="flex flex-wrap gap-1.5" data-testid="gallery-tags">
              {item.tags.map((tag) => (
                <li
                  key={tag}
                  className="inline-flex items-center gap-1 rounded-full border border-border bg-surface-2 py-0.5 pr-1 pl-2.5 text-xs text-fg"
                >
                  <Link href={`/gallery?tag=${encodeURIComponent(tag)}`} className="hover:underline" onClick={onClose}>
                    {tag}
                  </Link>
                  {canOrganize && (
                    <button
                      type="button"
                      aria-label={t("detail.removeTag", { tag })}
                      className="rounded-full px-1 text-muted hover:text-fg"
                      onClick={() => saveTags(item.tags.filter((x) => x !== tag))}
                    >
                      ×
                    </button>
                  )}
                </li>
              ))}
            </ul>
            {canOrganize && (
              <Input
                value={tagDraft}
                onChange={(e) => setTagDraft(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === "Enter") {
                    e.preventDefault();
                    addTag();
                  }
                }}
                placeholder={t("detail.addTag")}
                maxLength={40}
                aria-label={t("detail.addTag")}
                list="gallery-tag-suggestions"
                autoComplete="off"
              />
            )}
            <datalist id="gallery-tag-suggestions">
              {(suggestions.data ?? [])
                .filter((tag) => !item.tags.includes(tag))
                .map((tag) => (
                  <option key={tag} value={tag} />
                ))}
            </datalist>
          </section>

          {review.panel}

          <div className="mt-auto flex flex-wrap gap-2 pt-2">
            {studio && item.generationId && (
              <Link
                href={`${studio}?from=${item.generationId}&version=${item.assetId}`}
                className={buttonClasses({ variant: "primary" })}
              >
                {t("detail.useSettings")}
              </Link>
            )}
            <DetailUseAsInput item={item} />
            {item.fileUrl && (
              <a href={item.fileUrl} download className={buttonClasses({ variant: "secondary" })}>
                {t("detail.download")}
              </a>
            )}
            {canShare && !item.trashedAt && (
              <Button variant="secondary" onClick={() => setSharing(true)}>
                {t("share.open")}
              </Button>
            )}
            {canOrganize &&
              (item.trashedAt ? (
                <Button
                  variant="secondary"
                  onClick={() => actions.restore.mutate(item.assetId, { onSuccess: onClose })}
                >
                  {t("detail.restore")}
                </Button>
              ) : (
                <Button variant="ghost" onClick={() => actions.trash.mutate(item.assetId, { onSuccess: onClose })}>
                  <Trash2Icon />
                  {t("detail.trash")}
                </Button>
              ))}
          </div>
          {actions.update.error && (
            <p role="alert" className="text-sm text-danger">
              {t("error", { message: actions.update.error.message })}
            </p>
          )}
        </aside>
        {sharing && <ShareDialog target={{ assetId: item.assetId }} onClose={() => setSharing(false)} />}
      </div>
    </div>
  );
}
