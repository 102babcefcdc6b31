"use client";

import { useCallback, useEffect, useRef, useState } from "react";

/** Further apart than this (seconds) while playing, a follower is put back on the leader's time. */
const DRIFT = 0.12;

/** Put an element at `t` (clamped to its length). Outside the hook: the elements are the DOM's, not React state. */
function placeAt(el: HTMLMediaElement, t: number) {
  el.currentTime = Math.max(0, Math.min(t, Number.isFinite(el.duration) ? el.duration : t));
}

/**
 * Several media elements as one player: a play, pause or seek on any of them (the shared controls, the keyboard, or
 * the element itself) is done on all; while playing, followers are kept within DRIFT of the first one still
 * running. Each side keeps its own mute. Every handler compares before it acts, so the mirrored events settle.
 */
export function useSyncedMedia(count: number) {
  const els = useRef<(HTMLMediaElement | null)[]>([]);
  const [playing, setPlaying] = useState(false);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(0);
  // The first side is heard, the others start muted: two soundtracks at once are noise.
  const [muted, setMuted] = useState<boolean[]>(() => Array.from({ length: count }, (_, i) => i > 0));

  const list = () => els.current.filter((e): e is HTMLMediaElement => !!e);
  const leader = () => list().find((e) => !e.ended && !e.paused) ?? list()[0];

  useEffect(() => {
    const all = els.current.filter((e): e is HTMLMediaElement => !!e);
    const others = (e: HTMLMediaElement) => all.filter((o) => o !== e);
    const onPlay = (e: Event) => {
      const el = e.target as HTMLMediaElement;
      for (const o of others(el))
        if (o.paused && !(o.ended && el.currentTime >= o.duration)) void o.play().catch(() => undefined);
      setPlaying(true);
    };
    const onPause = (e: Event) => {
      const el = e.target as HTMLMediaElement;
      // The shorter one ending is not a pause of the pair.
      if (!el.ended) for (const o of others(el)) if (!o.paused) o.pause();
      setPlaying(all.some((o) => !o.paused && !o.ended));
    };
    const onSeeking = (e: Event) => {
      const el = e.target as HTMLMediaElement;
      for (const o of others(el)) {
        const to = Math.min(el.currentTime, Number.isFinite(o.duration) ? o.duration : el.currentTime);
        if (Math.abs(o.currentTime - to) > 0.05) o.currentTime = to;
      }
      setTime(el.currentTime);
    };
    const onTime = () => setTime((leader() ?? all[0])?.currentTime ?? 0);
    const onMeta = () => setDuration(Math.max(0, ...all.map((o) => (Number.isFinite(o.duration) ? o.duration : 0))));
    const onEnded = () => setPlaying(all.some((o) => !o.paused && !o.ended));
    for (const el of all) {
      el.addEventListener("play", onPlay);
      el.addEventListener("pause", onPause);
      el.addEventListener("seeking", onSeeking);
      el.addEventListener("timeupdate", onTime);
      el.addEventListener("loadedmetadata", onMeta);
      el.addEventListener("ended", onEnded);
      if (el.readyState >= 1) onMeta();
    }
    const drift = setInterval(() => {
      const lead = all.find((o) => !o.paused && !o.ended);
      if (!lead) return;
      for (const o of others(lead))
        if (!o.ended && o.currentTime < o.duration && Math.abs(o.currentTime - lead.currentTime) > DRIFT)
          o.currentTime = lead.currentTime;
    }, 200);
    return () => {
      clearInterval(drift);
      for (const el of all) {
        el.removeEventListener("play", onPlay);
        el.removeEventListener("pause", onPause);
        el.removeEventListener("seeking", onSeeking);
        el.removeEventListener("timeupdate", onTime);
        el.removeEventListener("loadedmetadata", onMeta);
        el.removeEventListener("ended", onEnded);
      }
    };
    // The elements are fixed for the page's life (the layout switch keeps them).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [count]);

  useEffect(() => {
    els.current.forEach((e, i) => {
      if (e) e.muted = muted[i] ?? true;
    });
  }, [muted]);

  const seek = useCallback((t: number) => {
    for (const e of els.current) if (e) placeAt(e, t);
    setTime(t);
  }, []);
  const toggle = useCallback(() => {
    const all = els.current.filter((e): e is HTMLMediaElement => !!e);
    if (all.some((e) => !e.paused && !e.ended)) {
      for (const e of all) e.pause();
      return;
    }
    // All ended: start again from the beginning, together.
    if (all.every((e) => e.ended)) for (const e of all) placeAt(e, 0);
    for (const e of all) void e.play().catch(() => undefined);
  }, []);

  return {
    ref: (i: number) => (el: HTMLMediaElement | null) => {
      els.current[i] = el;
    },
    playing,
    time,
    duration,
    muted,
    toggleMute: (i: number) => setMuted((m) => m.map((x, j) => (j === i ? !x : x))),
    seek,
    step: (d: number) => seek(Math.max(0, (els.current[0]?.currentTime ?? 0) + d)),
    toggle,
  };
}
