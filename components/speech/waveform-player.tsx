"use client";

import { PauseIcon, PlayIcon } from "lucide-react";
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import { useTranslations } from "use-intl";
import { cn } from "@/components/ui";
import { clock, decodeAudio, peaks } from "./audio";

const BARS = 96;

/**
 * An audio player drawn as a waveform: the file is decoded with the Web Audio API and its peaks painted
 * on a canvas; click or arrow keys seek. The studio's own file is played (never TD's link).
 */
export function WaveformPlayer({
  src,
  className,
  compact = false,
}: {
  src: string;
  className?: string;
  compact?: boolean;
}) {
  const t = useTranslations("speech");
  const audioRef = useRef<HTMLAudioElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  // Keyed by src, so a new file shows "loading" without resetting state inside the effect.
  const [wave, setWave] = useState<{ src: string; bars?: number[]; failed?: boolean }>({ src: "" });
  const bars = wave.src === src ? (wave.bars ?? null) : null;
  const failed = wave.src === src && !!wave.failed;
  const [playing, setPlaying] = useState(false);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(0);

  useEffect(() => {
    let gone = false;
    fetch(src)
      .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((buf) => decodeAudio(buf))
      .then((a) => {
        if (gone) return;
        setWave({ src, bars: peaks(a.samples, BARS) });
        setDuration((d) => d || a.duration);
      })
      .catch(() => !gone && setWave({ src, failed: true }));
    return () => {
      gone = true;
    };
  }, [src]);

  // Repaint on every position change, in the theme's colours (read from its CSS variables).
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !bars) return;
    const dpr = window.devicePixelRatio || 1;
    const w = canvas.clientWidth;
    const h = canvas.clientHeight;
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
    const ctx = canvas.getContext("2d");
    if (!ctx) return;
    ctx.scale(dpr, dpr);
    const style = getComputedStyle(canvas);
    const played = style.getPropertyValue("--accent").trim() || "#5b5bd6";
    const rest = style.getPropertyValue("--muted").trim() || "#6b6b76";
    const step = w / bars.length;
    const at = duration ? time / duration : 0;
    bars.forEach((p, i) => {
      const bh = Math.max(2, p * (h - 4));
      const done = (i + 0.5) / bars.length <= at;
      ctx.fillStyle = done ? played : rest;
      ctx.globalAlpha = done ? 1 : 0.45;
      ctx.beginPath();
      ctx.roundRect(i * step + step * 0.2, (h - bh) / 2, Math.max(1, step * 0.6), bh, 1);
      ctx.fill();
    });
  }, [bars, time, duration]);

  // Smooth progress while playing (timeupdate fires only ~4 times a second).
  useEffect(() => {
    if (!playing) return;
    let raf = 0;
    const tick = () => {
      setTime(audioRef.current?.currentTime ?? 0);
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [playing]);

  const toggle = () => {
    const a = audioRef.current;
    if (!a) return;
    if (a.paused) void a.play().catch(() => setPlaying(false));
    else a.pause();
  };
  const seek = (seconds: number) => {
    const a = audioRef.current;
    if (!a || !duration) return;
    a.currentTime = Math.max(0, Math.min(duration, seconds));
    setTime(a.currentTime);
  };
  const onPointer = (e: PointerEvent<HTMLDivElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    seek(((e.clientX - r.left) / r.width) * duration);
  };
  const onKey = (e: KeyboardEvent) => {
    const by = { ArrowLeft: -2, ArrowRight: 2, PageDown: -10, PageUp: 10 }[e.key];
    if (by !== undefined) seek(time + by);
    else if (e.key === "Home") seek(0);
    else if (e.key === "End") seek(duration);
    else if (e.key === " " || e.key === "Enter") toggle();
    else return;
    e.preventDefault();
  };

  return (
    <div
      className={cn("flex items-center gap-3", className)}
      data-testid="waveform-player"
      data-ready={bars ? "true" : "false"}
    >
      <audio
        ref={audioRef}
        src={src}
        preload="metadata"
        onLoadedMetadata={(e) => Number.isFinite(e.currentTarget.duration) && setDuration(e.currentTarget.duration)}
        onPlay={() => setPlaying(true)}
        onPause={() => setPlaying(false)}
        onEnded={() => {
          setPlaying(false);
          setTime(0);
        }}
        onTimeUpdate={(e) => setTime(e.currentTarget.currentTime)}
      />
      <button
        type="button"
        onClick={toggle}
        aria-label={playing ? t("player.pause") : t("player.play")}
        className={cn(
          "flex shrink-0 items-center justify-center rounded-full bg-accent text-accent-fg shadow-sm transition-colors hover:bg-accent/90 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent",
          compact ? "size-8 [&_svg]:size-3.5" : "size-10 [&_svg]:size-4",
        )}
      >
        {playing ? <PauseIcon fill="currentColor" /> : <PlayIcon fill="currentColor" className="translate-x-px" />}
      </button>
      <div
        role="slider"
        tabIndex={0}
        aria-label={t("player.position")}
        aria-valuemin={0}
        aria-valuemax={Math.round(duration)}
        aria-valuenow={Math.round(time)}
        aria-valuetext={`${clock(time)} / ${clock(duration)}`}
        onPointerDown={onPointer}
        onKeyDown={onKey}
        className="relative min-w-0 flex-1 cursor-pointer rounded-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
      >
        <canvas
          ref={canvasRef}
          className={cn("block w-full", compact ? "h-8" : "h-12", !bars && "hidden")}
          data-testid="waveform"
          aria-hidden="true"
        />
        {!bars && (
          <div
            className={cn(
              "flex items-center rounded-md bg-surface-2 px-2 text-xs text-muted",
              compact ? "h-8" : "h-12",
            )}
          >
            {failed ? t("player.noWaveform") : t("player.loading")}
          </div>
        )}
      </div>
      <span className="shrink-0 text-xs text-muted tabular-nums">
        {clock(time)} / {clock(duration)}
      </span>
    </div>
  );
}
