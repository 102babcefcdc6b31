"use client";

import { MinusIcon, PlusIcon, StepBackIcon, StepForwardIcon } from "lucide-react";
import { useRef, useState, type ReactNode } from "react";
import { useTranslations } from "use-intl";
import type { ReviewState } from "./review-state";

const SPEEDS = [0.25, 0.5, 1, 1.5, 2];
const ctl =
  "inline-flex h-7 items-center gap-1 rounded px-1.5 text-xs text-white/80 hover:bg-white/10 focus-visible:ring-2 focus-visible:ring-white focus-visible:outline-none [&_svg]:size-3.5";

/** Frame step and speed under a video (the same as `,` `.` and J/K/L, for a pointer or a touch screen). */
export function PlayerControls({ state }: { state: ReviewState }) {
  const t = useTranslations("review.player");
  const [rate, setRate] = useState(1);
  return (
    <div className="flex items-center gap-1" data-testid="review-player-controls">
      <button type="button" className={ctl} onClick={() => state.onKey(",")} aria-label={t("frameBack")}>
        <StepBackIcon aria-hidden="true" />
      </button>
      <button type="button" className={ctl} onClick={() => state.onKey(".")} aria-label={t("frameForward")}>
        <StepForwardIcon aria-hidden="true" />
      </button>
      <label className="ms-1 flex items-center gap-1 text-xs text-white/70">
        {t("speed")}
        <select
          value={rate}
          onChange={(e) => {
            const r = Number(e.target.value);
            setRate(r);
            state.setRate(r);
          }}
          className="h-7 rounded bg-white/10 px-1 text-xs text-white"
          data-testid="review-speed"
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s} className="text-black">
              {s}×
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/**
 * An image at any zoom: the wheel or the buttons zoom about the pointer (or the centre), a double click toggles 2.5×,
 * a drag pans while zoomed and no drawing tool is on. The drawings' plane is inside, so shapes stay on their spot.
 */
export function ZoomPan({ children, panning }: { children: ReactNode; panning: boolean }) {
  const t = useTranslations("review.player");
  const box = useRef<HTMLDivElement>(null);
  const [z, setZ] = useState({ s: 1, x: 0, y: 0 });
  const drag = useRef<{ px: number; py: number; x: number; y: number } | null>(null);
  const zoomAt = (factor: number, cx = 0, cy = 0) =>
    setZ(({ s, x, y }) => {
      const ns = Math.min(8, Math.max(1, s * factor));
      if (ns === 1) return { s: 1, x: 0, y: 0 };
      // The point under the pointer stays put: screen = offset + scale × content.
      const k = ns / s;
      return { s: ns, x: cx - (cx - x) * k, y: cy - (cy - y) * k };
    });
  const fromCentre = (e: { clientX: number; clientY: number }) => {
    const r = box.current!.getBoundingClientRect();
    return [e.clientX - (r.left + r.width / 2), e.clientY - (r.top + r.height / 2)] as const;
  };
  return (
    <div
      ref={box}
      className="relative max-w-full overflow-hidden"
      onWheel={(e) => zoomAt(e.deltaY < 0 ? 1.2 : 1 / 1.2, ...fromCentre(e))}
      onDoubleClick={(e) => {
        if (!panning) return;
        if (z.s > 1) setZ({ s: 1, x: 0, y: 0 });
        else zoomAt(2.5, ...fromCentre(e));
      }}
      onPointerDown={(e) => {
        // The zoom buttons keep their clicks (a capture would take them), and at 1× there is nothing to pan.
        if (!panning || z.s === 1 || (e.target as HTMLElement).closest("button")) return;
        drag.current = { px: e.clientX, py: e.clientY, x: z.x, y: z.y };
        e.currentTarget.setPointerCapture(e.pointerId);
      }}
      onPointerMove={(e) => {
        const d = drag.current;
        if (d) setZ((v) => ({ ...v, x: d.x + e.clientX - d.px, y: d.y + e.clientY - d.py }));
      }}
      onPointerUp={() => (drag.current = null)}
      data-testid="review-zoom"
      data-scale={z.s.toFixed(2)}
      style={{ cursor: panning && z.s > 1 ? "grab" : undefined }}
    >
      <div
        className="relative inline-block max-w-full origin-center"
        style={{ transform: `translate(${z.x}px, ${z.y}px) scale(${z.s})` }}
      >
        {children}
      </div>
      <div className="absolute end-1 top-1 flex gap-0.5 rounded bg-black/60 p-0.5">
        <button type="button" className={ctl} onClick={() => zoomAt(1 / 1.5)} aria-label={t("zoomOut")}>
          <MinusIcon aria-hidden="true" />
        </button>
        <button
          type="button"
          className={ctl}
          onClick={() => setZ({ s: 1, x: 0, y: 0 })}
          aria-label={t("zoomReset")}
          data-testid="review-zoom-reset"
        >
          {Math.round(z.s * 100)}%
        </button>
        <button type="button" className={ctl} onClick={() => zoomAt(1.5)} aria-label={t("zoomIn")}>
          <PlusIcon aria-hidden="true" />
        </button>
      </div>
    </div>
  );
}
