"use client";

import { ChevronLeftIcon, ChevronRightIcon, StarIcon, LayersIcon } from "lucide-react";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from "react";
import { useTranslations } from "use-intl";
import { cn } from "@/components/ui";
import { PreviewVideo, useHoverPreview } from "./hover-preview";
import { Thumb } from "./thumb";
import type { GalleryItem } from "./types";

const MIN_CELL = 168;
const GAP = 8;

export interface GalleryGridProps {
  items: GalleryItem[];
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  selected: Set<string>;
  onSelect: (next: Set<string>) => void;
  onOpen: (index: number) => void;
  onFavorite: (items: GalleryItem[], favorite: boolean) => void;
  /**
   * Names this list (its filters): the first item in view is kept per key for the tab (sessionStorage), and when the
   * grid comes back to a key whose pages are still loaded (Back, or the nav link within the cache's life) it scrolls
   * there again.
   */
  positionKey?: string;
  /**
   * A board in its own order: items can be dragged, moved with Alt+arrows or the tile's earlier/later buttons.
   * `before` is the item it now precedes, or null for the end.
   */
  onReorder?: (assetId: string, before: string | null) => void;
}

const positionSlot = (key: string) => `gallery-position:${key}`;

/**
 * Rows of square cells, only the visible rows (plus a few) in the DOM, so 100k items cost what a screen costs.
 * Cells are square whatever the media's shape (object-cover), so a row's height is known before anything loads.
 */
export function GalleryGrid({
  items,
  hasMore,
  loadingMore,
  onLoadMore,
  selected,
  onSelect,
  onOpen,
  onFavorite,
  positionKey,
  onReorder,
}: GalleryGridProps) {
  const t = useTranslations("gallery");
  const scrollRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [focus, setFocus] = useState(0);
  const anchor = useRef<number | null>(null);
  const preview = useHoverPreview();

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const ro = new ResizeObserver(([e]) => setWidth(e.contentRect.width));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const cols = Math.max(2, Math.floor((width + GAP) / (MIN_CELL + GAP)));
  const cell = width ? (width - GAP * (cols - 1)) / cols : MIN_CELL;
  const rows = Math.ceil(items.length / cols);
  const v = useVirtualizer({
    count: rows,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => cell + GAP,
    overscan: 4,
  });
  useEffect(() => v.measure(), [cell, v]);

  // Infinite scroll: the next page (one cursor further) once the last rendered row is near the end.
  const virtualRows = v.getVirtualItems();
  const lastRow = virtualRows.at(-1)?.index ?? 0;
  useEffect(() => {
    if (hasMore && !loadingMore && lastRow >= rows - 3) onLoadMore();
  }, [hasMore, loadingMore, lastRow, rows, onLoadMore]);

  // Where the reader was: saved as the first item in view (not pixels, which depend on the width), restored once per
  // key as soon as the width is known and that item is among the loaded ones.
  const restored = useRef<string | null>(null);
  useEffect(() => {
    if (!positionKey || !width || restored.current === positionKey) return;
    restored.current = positionKey;
    const saved = Number(sessionStorage.getItem(positionSlot(positionKey)) ?? 0);
    if (saved > 0 && saved < items.length) {
      setFocus(saved);
      v.scrollToIndex(Math.floor(saved / cols), { align: "start" });
    }
  }, [positionKey, width, items.length, cols, v]);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onScroll = () => {
    if (!positionKey || restored.current !== positionKey) return;
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => {
      const top = scrollRef.current?.scrollTop ?? 0;
      sessionStorage.setItem(positionSlot(positionKey), String(Math.floor(top / (cell + GAP)) * cols));
    }, 150);
  };
  useEffect(() => () => void (saveTimer.current && clearTimeout(saveTimer.current)), []);

  const moveFocus = (i: number) => {
    const next = Math.max(0, Math.min(items.length - 1, i));
    setFocus(next);
    v.scrollToIndex(Math.floor(next / cols), { align: "auto" });
    scrollRef.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus({ preventScroll: true });
    requestAnimationFrame(() =>
      scrollRef.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus({ preventScroll: true }),
    );
  };

  const click = (e: MouseEvent, i: number) => {
    preview.clear();
    const id = items[i].assetId;
    setFocus(i);
    if (e.shiftKey && anchor.current !== null) {
      const [a, b] = [Math.min(anchor.current, i), Math.max(anchor.current, i)];
      const next = new Set(e.metaKey || e.ctrlKey ? selected : []);
      for (let k = a; k <= b; k++) next.add(items[k].assetId);
      onSelect(next);
      return;
    }
    anchor.current = i;
    if (e.metaKey || e.ctrlKey || selected.size > 0) {
      const next = new Set(selected);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      onSelect(next);
      return;
    }
    // Nothing selected yet: a plain click opens (on a phone, the only way); shift/ctrl-click starts a selection.
    onOpen(i);
  };

  // Reordering: move item i to index j of the list (what it precedes afterwards is sent).
  const [dragging, setDragging] = useState<number | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);
  const move = (i: number, j: number) => {
    if (!onReorder || j < 0 || j >= items.length || i === j) return;
    const rest = items.filter((_, n) => n !== i);
    // Past the last loaded item while more pages exist would mean "the board's end": not what was shown.
    if (!rest[j] && hasMore) return;
    onReorder(items[i].assetId, rest[j]?.assetId ?? null);
    refocus.current = { id: items[i].assetId, at: j };
    moveFocus(j);
  };
  // The moved item keeps the focus once the list shows it in its new place (moving a node blurs it).
  const refocus = useRef<{ id: string; at: number } | null>(null);
  useEffect(() => {
    const r = refocus.current;
    if (!r || items[r.at]?.assetId !== r.id) return;
    refocus.current = null;
    scrollRef.current?.querySelector<HTMLElement>(`[data-asset-id="${r.id}"]`)?.focus({ preventScroll: true });
  }, [items]);

  const key = (e: KeyboardEvent) => {
    const k = e.key;
    if (onReorder && e.altKey && (k === "ArrowLeft" || k === "ArrowUp")) move(focus, focus - 1);
    else if (onReorder && e.altKey && (k === "ArrowRight" || k === "ArrowDown")) move(focus, focus + 1);
    else if (k === "ArrowRight") moveFocus(focus + 1);
    else if (k === "ArrowLeft") moveFocus(focus - 1);
    else if (k === "ArrowDown") moveFocus(focus + cols);
    else if (k === "ArrowUp") moveFocus(focus - cols);
    else if (k === "Home") moveFocus(0);
    else if (k === "End") moveFocus(items.length - 1);
    else if (k === " " || k === "Enter") {
      preview.clear();
      onOpen(focus);
    } else if (k === "Escape") onSelect(new Set());
    else if ((k === "f" || k === "F") && !e.metaKey && !e.ctrlKey) {
      const target = selected.size ? items.filter((i) => selected.has(i.assetId)) : items[focus] ? [items[focus]] : [];
      if (target.length) onFavorite(target, !target.every((i) => i.favorite));
    } else if (k === "x" || (k === "Enter" && e.shiftKey)) {
      const id = items[focus]?.assetId;
      if (id) {
        const next = new Set(selected);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        onSelect(next);
      }
    } else return;
    e.preventDefault();
  };

  return (
    <div
      ref={scrollRef}
      role="grid"
      aria-rowcount={rows}
      aria-colcount={cols}
      aria-multiselectable="true"
      aria-label={t("title")}
      onKeyDown={key}
      onScroll={onScroll}
      className="h-[calc(100dvh-15rem)] min-h-80 overflow-y-auto overscroll-contain rounded-xl p-1 focus:outline-none"
      data-testid="gallery-grid"
    >
      <div className="relative w-full" style={{ height: v.getTotalSize() }}>
        {virtualRows.map((row) => (
          <div
            key={row.key}
            role="row"
            aria-rowindex={row.index + 1}
            className="absolute left-0 flex w-full"
            style={{ top: row.start, height: cell, gap: GAP }}
          >
            {items.slice(row.index * cols, row.index * cols + cols).map((item, c) => {
              const i = row.index * cols + c;
              const isSel = selected.has(item.assetId);
              const name = item.title ?? item.prompt ?? item.assetId;
              const hover = preview.handlers(item);
              return (
                <div
                  key={item.assetId}
                  role="gridcell"
                  aria-selected={isSel}
                  aria-label={name}
                  tabIndex={i === focus ? 0 : -1}
                  data-index={i}
                  data-asset-id={item.assetId}
                  data-testid="gallery-item"
                  onClick={(e) => click(e, i)}
                  onDoubleClick={() => onOpen(i)}
                  onFocus={(e) => {
                    setFocus(i);
                    hover.onFocus?.(e);
                  }}
                  onBlur={hover.onBlur}
                  onPointerEnter={hover.onPointerEnter}
                  onPointerLeave={hover.onPointerLeave}
                  draggable={!!onReorder}
                  onDragStart={(e) => {
                    if (!onReorder) return;
                    preview.clear();
                    setDragging(i);
                    e.dataTransfer.effectAllowed = "move";
                    e.dataTransfer.setData("text/plain", item.assetId);
                  }}
                  onDragOver={(e) => {
                    if (dragging === null) return;
                    e.preventDefault();
                    e.dataTransfer.dropEffect = "move";
                    if (dropAt !== i) setDropAt(i);
                  }}
                  onDrop={(e) => {
                    e.preventDefault();
                    if (dragging !== null) move(dragging, i);
                    setDragging(null);
                    setDropAt(null);
                  }}
                  onDragEnd={() => {
                    setDragging(null);
                    setDropAt(null);
                  }}
                  className={cn(
                    "group relative shrink-0 cursor-pointer overflow-hidden rounded-lg border border-border outline-none",
                    "focus-visible:ring-2 focus-visible:ring-accent focus-visible:ring-offset-2 focus-visible:ring-offset-bg",
                    isSel && "ring-2 ring-accent ring-offset-2 ring-offset-bg",
                    dragging === i && "opacity-40",
                    dropAt === i && dragging !== null && dragging !== i && "ring-2 ring-accent",
                  )}
                  style={{ width: cell, height: cell }}
                >
                  <Thumb item={item} />
                  {preview.active === item.assetId && item.fileUrl && <PreviewVideo src={item.fileUrl} />}
                  {(item.kind === "video" || item.kind === "audio") && item.durationSeconds ? (
                    <span className="absolute bottom-1.5 left-1.5 rounded bg-black/60 px-1.5 py-0.5 text-[11px] font-medium text-white tabular-nums">
                      {Math.round(item.durationSeconds)}s
                    </span>
                  ) : null}
                  {item.stack && item.stack.count > 1 && (
                    <span
                      className="absolute right-1.5 bottom-1.5 inline-flex items-center gap-1 rounded bg-black/60 px-1.5 py-0.5 text-[11px] font-medium text-white tabular-nums"
                      data-testid="version-badge"
                      title={t("versions.badge", { n: item.stack.count })}
                    >
                      <LayersIcon aria-hidden="true" className="size-3" />
                      {t("versions.badgeShort", { version: item.stack.version, n: item.stack.count })}
                    </span>
                  )}
                  {item.archiveState !== "archived" && item.origin === "output" && (
                    <span className="absolute top-1.5 left-1.5 rounded bg-black/60 px-1.5 py-0.5 text-[11px] text-white">
                      {item.archiveState === "failed" ? t("item.failed") : t("item.notSaved")}
                    </span>
                  )}
                  <button
                    type="button"
                    tabIndex={-1}
                    aria-label={item.favorite ? t("item.unfavorite") : t("item.favorite")}
                    aria-pressed={item.favorite}
                    onClick={(e) => {
                      e.stopPropagation();
                      onFavorite([item], !item.favorite);
                    }}
                    className={cn(
                      "absolute top-1.5 right-1.5 flex size-8 items-center justify-center rounded-full bg-black/45 text-white transition-opacity [&_svg]:size-4",
                      item.favorite
                        ? "opacity-100 [&_svg]:fill-amber-400 [&_svg]:stroke-amber-400"
                        : "opacity-0 group-hover:opacity-100 group-focus-visible:opacity-100 pointer-coarse:opacity-100",
                    )}
                  >
                    <StarIcon aria-hidden="true" />
                  </button>
                  {onReorder && (
                    <span className="absolute bottom-1.5 left-1/2 flex -translate-x-1/2 gap-1 opacity-0 transition-opacity group-hover:opacity-100 group-focus-visible:opacity-100 pointer-coarse:opacity-100">
                      {[
                        { to: i - 1, label: t("item.moveEarlier"), Icon: ChevronLeftIcon },
                        { to: i + 1, label: t("item.moveLater"), Icon: ChevronRightIcon },
                      ].map(({ to, label, Icon }) => (
                        <button
                          key={label}
                          type="button"
                          tabIndex={-1}
                          aria-label={label}
                          title={label}
                          disabled={to < 0 || to >= items.length}
                          data-testid={to < i ? "move-earlier" : "move-later"}
                          onClick={(e) => {
                            e.stopPropagation();
                            move(i, to);
                          }}
                          className="flex size-8 items-center justify-center rounded-full bg-black/55 text-white disabled:opacity-30 [&_svg]:size-4"
                        >
                          <Icon aria-hidden="true" />
                        </button>
                      ))}
                    </span>
                  )}
                </div>
              );
            })}
          </div>
        ))}
      </div>
      {loadingMore && <p className="py-3 text-center text-sm text-muted">{t("loading")}</p>}
    </div>
  );
}
