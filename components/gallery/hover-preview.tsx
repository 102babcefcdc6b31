"use client";

import { useCallback, useEffect, useRef, useState, type FocusEvent, type PointerEvent } from "react";
import type { GalleryItem } from "./types";

/** How long the pointer (or keyboard focus) rests on a video before it plays: a pass over the grid starts nothing. */
export const PREVIEW_DELAY_MS = 350;

/** A video the grid can preview: saved on the studio's storage (a file the browser can ask for in Range pieces). */
export const canPreview = (item: GalleryItem) => item.kind === "video" && !!item.fileUrl;

/**
 * Which cell previews its video: the one the mouse rests on or keyboard focus sits on, after PREVIEW_DELAY_MS.
 * Touch never previews (a tap opens the item; there is no hover to end it), nor does a taste for reduced motion.
 */
export function useHoverPreview() {
  const [active, setActive] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<string | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const start = useCallback((id: string) => {
    if (window.matchMedia("(prefers-reduced-motion: reduce)").matches) return;
    if (timer.current) clearTimeout(timer.current);
    pending.current = id;
    timer.current = setTimeout(() => setActive(id), PREVIEW_DELAY_MS);
  }, []);
  const stop = useCallback((id: string) => {
    if (pending.current === id && timer.current) clearTimeout(timer.current);
    setActive((a) => (a === id ? null : a));
  }, []);

  /** Opening an item ends any preview (the detail view has its own player; the grid's would play on behind it). */
  const clear = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    setActive(null);
  }, []);

  const handlers = useCallback(
    (item: GalleryItem) =>
      canPreview(item)
        ? {
            onPointerEnter: (e: PointerEvent) => e.pointerType !== "touch" && start(item.assetId),
            onPointerLeave: () => stop(item.assetId),
            // Keyboard focus only (a mouse click also focuses the cell; hover already covers the mouse).
            onFocus: (e: FocusEvent<HTMLElement>) =>
              e.target === e.currentTarget && e.currentTarget.matches(":focus-visible") && start(item.assetId),
            onBlur: (e: FocusEvent<HTMLElement>) => e.target === e.currentTarget && stop(item.assetId),
          }
        : {},
    [start, stop],
  );
  return { active, handlers, clear };
}

/**
 * The original file, muted and looping, over the thumbnail: mounted only while previewing, so nothing of a video
 * downloads until someone rests on it, and leaving unmounts it (which pauses it and ends its download). The grid has
 * no separate low-resolution preview file: the browser reads the original in Range pieces from the start, which for
 * the few-second clips TD makes is a small read, and the same bytes serve the detail view from the cache.
 */
export function PreviewVideo({ src }: { src: string }) {
  const [playing, setPlaying] = useState(false);
  return (
    <video
      src={src}
      muted
      loop
      autoPlay
      playsInline
      disablePictureInPicture
      aria-hidden="true"
      tabIndex={-1}
      onPlaying={() => setPlaying(true)}
      data-testid="gallery-preview"
      className={`pointer-events-none absolute inset-0 size-full object-cover transition-opacity duration-200 ${playing ? "opacity-100" : "opacity-0"}`}
    />
  );
}
