"use client";

import { useCallback, useRef, useState } from "react";
import type { CommentView, Shape } from "./use-review";

export type Tool = "none" | "point" | "rect" | "path";

/** Frame steps (`,` / `.`) assume 24 fps: the studio's outputs do not carry a frame rate. */
export const FRAME_SECONDS = 1 / 24;

/**
 * What the preview and the comment panel share: the media element, the open comment (its shapes drawn over the
 * picture), the shapes being drawn for a new comment and the drawing tool.
 */
export function useReviewState(initial: { commentId?: string; time?: number } = {}) {
  const media = useRef<HTMLVideoElement | HTMLAudioElement | null>(null);
  const [activeId, setActiveId] = useState<string | null>(initial.commentId ?? null);
  const [draft, setDraft] = useState<Shape[]>([]);
  const [tool, setTool] = useState<Tool>("none");
  const [time, setTime] = useState(initial.time ?? 0);
  const [duration, setDuration] = useState(0);
  const pendingSeek = useRef<number | null>(initial.time ?? null);

  const seek = useCallback((s: number) => {
    const m = media.current;
    if (!m) return;
    m.pause();
    m.currentTime = Math.max(0, Math.min(s, Number.isFinite(m.duration) ? m.duration : s));
    setTime(m.currentTime);
  }, []);

  const open = useCallback(
    (c: CommentView) => {
      setActiveId(c.id);
      if (c.timeSeconds !== undefined) seek(c.timeSeconds);
    },
    [seek],
  );

  const pause = useCallback(() => media.current?.pause(), []);
  /** A deep link's time, applied once the player knows its duration (it cannot seek before). */
  const applyPendingSeek = useCallback((m: HTMLVideoElement | HTMLAudioElement) => {
    if (pendingSeek.current === null || m.readyState < HTMLMediaElement.HAVE_METADATA) return;
    m.currentTime = pendingSeek.current;
    setTime(m.currentTime);
    pendingSeek.current = null;
  }, []);
  // The ref comes and goes with the element: a Suspense boundary that re-suspends (a lazily loaded part of the
  // detail) detaches it while the media keeps loading. So the seek is applied on whichever comes last, the
  // metadata or the (re)attached element.
  const attach = useCallback(
    (el: HTMLVideoElement | HTMLAudioElement | null) => {
      media.current = el;
      if (el) applyPendingSeek(el);
    },
    [applyPendingSeek],
  );
  const currentTime = useCallback(() => media.current?.currentTime ?? 0, []);

  /** J/K/L and ,/. on the media; true when the key was one of them. */
  const onKey = useCallback((key: string): boolean => {
    const m = media.current;
    if (!m) return false;
    if (key === "k" || key === "K") {
      m.pause();
      m.playbackRate = 1;
    } else if (key === "l" || key === "L") {
      m.playbackRate = m.paused ? 1 : Math.min(4, m.playbackRate * 2);
      void m.play().catch(() => undefined);
    } else if (key === "j" || key === "J") {
      m.pause();
      m.currentTime = Math.max(0, m.currentTime - 1);
    } else if (key === "," || key === ".") {
      m.pause();
      m.currentTime = Math.max(0, m.currentTime + (key === "," ? -FRAME_SECONDS : FRAME_SECONDS));
    } else return false;
    setTime(m.currentTime);
    return true;
  }, []);

  const onLoaded = useCallback(
    (e: { currentTarget: HTMLMediaElement }) => {
      // The event's own element: the ref may be detached at this moment (see `attach`).
      const m = e.currentTarget as HTMLVideoElement | HTMLAudioElement;
      setDuration(Number.isFinite(m.duration) ? m.duration : 0);
      applyPendingSeek(m);
    },
    [applyPendingSeek],
  );

  return {
    attach,
    currentTime,
    activeId,
    setActiveId,
    draft,
    setDraft,
    tool,
    setTool,
    time,
    setTime,
    duration,
    seek,
    open,
    pause,
    onKey,
    onLoaded,
  };
}
export type ReviewState = ReturnType<typeof useReviewState>;
