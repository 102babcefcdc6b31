"use client";

import { AudioLinesIcon, LayoutGridIcon, XIcon } from "lucide-react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "use-intl";
import { Button, EmptyState, Segmented, Spinner } from "@/components/ui";
import type { MediaKind } from "@/lib/catalog/types";
import { api } from "@/lib/client/api";
import { formatDuration } from "@/lib/client/use-now";
import type { StudioAsset } from "./types";
import { tKey } from "@/lib/i18n/dynamic-key";

type Filter = "all" | "output" | "upload" | "last_frame";
type Page = { items: StudioAsset[]; nextCursor: string | null };

/**
 * "Pick anything already in the studio": image outputs, last frames of videos, videos, speech — whatever
 * the role's kind is. A modal <dialog> (Escape closes it, focus returns to the opener).
 */
export function AssetPicker({
  open,
  kind,
  title,
  onClose,
  onPick,
}: {
  open: boolean;
  kind: MediaKind;
  title: string;
  onClose: () => void;
  onPick: (a: StudioAsset) => void;
}) {
  const t = useTranslations("inputs");
  const ref = useRef<HTMLDialogElement>(null);
  const [filter, setFilter] = useState<Filter>("all");

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  const q = useInfiniteQuery({
    queryKey: ["assets", kind, filter],
    enabled: open,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const sp = new URLSearchParams({ kind, limit: "24" });
      if (filter === "output" || filter === "upload") sp.set("origin", filter);
      if (filter === "last_frame") sp.set("role", "last_frame");
      if (pageParam) sp.set("cursor", pageParam);
      return api<Page>(`/api/v1/assets?${sp}`);
    },
    getNextPageParam: (p) => p.nextCursor,
    staleTime: 0,
  });
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  const filters: Filter[] = kind === "image" ? ["all", "output", "last_frame", "upload"] : ["all", "output", "upload"];

  return (
    <dialog
      ref={ref}
      onClose={onClose}
      onClick={(e) => e.target === ref.current && onClose()}
      aria-label={title}
      className="m-auto w-[min(92vw,760px)] rounded-xl border border-border bg-surface p-0 text-fg shadow-lg backdrop:bg-black/50"
      data-testid="asset-picker"
    >
      <div className="flex items-center justify-between gap-3 border-b border-border px-5 py-3">
        <h2 className="text-[15px] font-semibold">{title}</h2>
        <Button size="icon" variant="ghost" onClick={onClose} aria-label={t("picker.close")}>
          <XIcon />
        </Button>
      </div>
      <div className="flex flex-col gap-4 p-5">
        <Segmented
          legend={t("picker.filter")}
          value={filter}
          onChange={setFilter}
          options={filters.map((f) => ({ value: f, label: tKey(t, `picker.filters.${f}`) }))}
          className="w-fit max-w-full flex-wrap"
        />
        {q.isLoading ? (
          <div className="flex justify-center py-10">
            <Spinner />
          </div>
        ) : items.length === 0 ? (
          <EmptyState
            icon={kind === "audio" ? <AudioLinesIcon /> : <LayoutGridIcon />}
            title={t("picker.empty")}
            description={tKey(t, `picker.emptyHint.${kind}`)}
          />
        ) : (
          <ul className="grid max-h-[55vh] grid-cols-2 gap-3 overflow-y-auto sm:grid-cols-4" aria-label={title}>
            {items.map((a) => (
              <li key={a.id}>
                <button
                  type="button"
                  onClick={() => onPick(a)}
                  className="group flex w-full flex-col overflow-hidden rounded-lg border border-border bg-surface-2 text-start hover:border-accent focus-visible:outline-2 focus-visible:outline-accent"
                  data-testid="picker-item"
                  data-asset-id={a.id}
                >
                  <AssetThumb a={a} />
                  <span className="truncate px-2 pt-1.5 text-xs text-fg">
                    {a.generation?.prompt || (a.origin === "upload" ? t("picker.uploaded") : t("picker.noPrompt"))}
                  </span>
                  <span className="truncate px-2 pb-1.5 text-[11px] text-muted tabular-nums">
                    {[
                      a.role === "last_frame" ? t("picker.lastFrame") : null,
                      a.width && a.height ? `${a.width}×${a.height}` : null,
                      a.durationSeconds ? formatDuration(a.durationSeconds) : null,
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {q.hasNextPage && (
          <Button
            variant="secondary"
            size="sm"
            className="self-center"
            loading={q.isFetchingNextPage}
            onClick={() => q.fetchNextPage()}
          >
            {t("picker.more")}
          </Button>
        )}
      </div>
    </dialog>
  );
}

function AssetThumb({ a }: { a: StudioAsset }) {
  if (a.kind === "image" && a.fileUrl) {
    // eslint-disable-next-line @next/next/no-img-element
    return <img src={a.fileUrl} alt="" loading="lazy" className="aspect-video w-full bg-black/5 object-contain" />;
  }
  if (a.kind === "video" && a.fileUrl) {
    return a.posterUrl ? (
      // eslint-disable-next-line @next/next/no-img-element
      <img src={a.posterUrl} alt="" loading="lazy" className="aspect-video w-full bg-black object-contain" />
    ) : (
      <video
        src={`${a.fileUrl}#t=0.1`}
        muted
        preload="metadata"
        playsInline
        className="aspect-video w-full bg-black object-contain"
      />
    );
  }
  return (
    <span className="flex aspect-video w-full items-center justify-center bg-surface text-muted">
      <AudioLinesIcon className="size-8" />
    </span>
  );
}
