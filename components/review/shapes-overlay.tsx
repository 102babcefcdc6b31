"use client";

import { useRef, useState, type PointerEvent } from "react";
import type { Tool } from "./review-state";
import type { Shape } from "./use-review";

const clamp = (v: number) => Math.max(0, Math.min(1, v));
const round = (v: number) => Math.round(v * 10_000) / 10_000;

/** Shapes on a 0–1 plane drawn over the picture; with a tool chosen, the pointer draws a new one. */
export function ShapesOverlay({
  shapes,
  draft,
  tool,
  onDraw,
  label,
}: {
  shapes: Shape[];
  draft: Shape[];
  tool: Tool;
  onDraw: (s: Shape) => void;
  label: string;
}) {
  const svg = useRef<SVGSVGElement>(null);
  const [live, setLive] = useState<Shape | null>(null);
  const start = useRef<[number, number] | null>(null);

  const at = (e: PointerEvent): [number, number] => {
    const r = svg.current!.getBoundingClientRect();
    return [round(clamp((e.clientX - r.left) / r.width)), round(clamp((e.clientY - r.top) / r.height))];
  };
  const down = (e: PointerEvent<SVGSVGElement>) => {
    if (tool === "none") return;
    e.preventDefault();
    svg.current?.setPointerCapture(e.pointerId);
    const [x, y] = at(e);
    if (tool === "point") {
      onDraw({ type: "point", x, y });
      return;
    }
    start.current = [x, y];
    setLive(tool === "rect" ? { type: "rect", x, y, w: 0, h: 0 } : { type: "path", points: [[x, y]] });
  };
  const move = (e: PointerEvent<SVGSVGElement>) => {
    if (!live || !start.current) return;
    const [x, y] = at(e);
    if (live.type === "rect") {
      const [sx, sy] = start.current;
      setLive({
        type: "rect",
        x: Math.min(sx, x),
        y: Math.min(sy, y),
        w: round(Math.abs(x - sx)),
        h: round(Math.abs(y - sy)),
      });
    } else if (live.type === "path" && live.points.length < 500) {
      setLive({ type: "path", points: [...live.points, [x, y]] });
    }
  };
  const up = () => {
    if (
      live &&
      (live.type === "rect" ? live.w > 0.005 && live.h > 0.005 : live.type === "path" && live.points.length > 1)
    )
      onDraw(live);
    setLive(null);
    start.current = null;
  };

  const all = [
    ...shapes.map((s) => ({ s, draft: false })),
    ...[...draft, ...(live ? [live] : [])].map((s) => ({ s, draft: true })),
  ];
  return (
    <svg
      ref={svg}
      viewBox="0 0 1 1"
      preserveAspectRatio="none"
      aria-label={label}
      data-testid="review-shapes"
      data-tool={tool}
      className={`absolute inset-0 h-full w-full ${tool === "none" ? "pointer-events-none" : "cursor-crosshair touch-none"}`}
      onPointerDown={down}
      onPointerMove={move}
      onPointerUp={up}
      onPointerCancel={up}
    >
      {all.map(({ s, draft: d }, i) => {
        const stroke = d ? "#f59e0b" : "#ef4444";
        const common = { stroke, strokeWidth: 3, fill: "none", vectorEffect: "non-scaling-stroke" as const };
        if (s.type === "rect")
          return <rect key={i} data-shape="rect" x={s.x} y={s.y} width={s.w} height={s.h} {...common} />;
        if (s.type === "point")
          return (
            <ellipse key={i} data-shape="point" cx={s.x} cy={s.y} rx={0.012} ry={0.02} {...common} fill={stroke} />
          );
        return <polyline key={i} data-shape="path" points={s.points.map((p) => p.join(",")).join(" ")} {...common} />;
      })}
    </svg>
  );
}
