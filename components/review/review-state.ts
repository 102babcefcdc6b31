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
  /**
   * The player knows its duration: note it, and apply a deep link's time (it cannot seek before). Called on
   * `loadedmetadata` and when the element is (re)attached, whichever comes last: an element created while a lazily
   * loaded part of the detail was still suspended can load its metadata before React has mounted it, and React
   * drops events of elements it has not mounted yet.
   */
  const ready = useCallback((m: HTMLVideoElement | HTMLAudioElement) => {
    if (m.readyState < HTMLMediaElement.HAVE_METADATA) return;
    setDuration(Number.isFinite(m.duration) ? m.duration : 0);
    if (pendingSeek.current === null) return;
    m.currentTime = pendingSeek.current;
    setTime(m.currentTime);
    pendingSeek.current = null;
  }, []);
  const attach = useCallback(
    (el: HTMLVideoElement | HTMLAudioElement | null) => {
      media.current = el;
      if (el) ready(el);
    },
    [ready],
  );
  const currentTime = useCallback(() => media.current?.currentTime ?? 0, []);
  const setRate = useCallback((r: number) => {
    if (media.current) media.current.playbackRate = r;
  }, []);

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
    // The event's own element: the ref may be detached at this moment (see `ready`).
    (e: { currentTarget: HTMLMediaElement }) => ready(e.currentTarget as HTMLVideoElement | HTMLAudioElement),
    [ready],
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
    setRate,
  };
}
export type ReviewState = ReturnType<typeof useReviewState>;
