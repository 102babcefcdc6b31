"use client";

import { PauseIcon, PlayIcon, Volume2Icon, VolumeXIcon } from "lucide-react";
import Link from "next/link";
import { useEffect, useRef, useState, type CSSProperties } from "react";
import { useTranslations } from "use-intl";
import { Button, cn, Segmented, Select } from "@/components/ui";
import type { CompareItem } from "@/lib/versions/compare";
import { settingTable } from "@/lib/versions/diff";
import { useSettingText } from "./setting-text";
import { useSyncedMedia } from "./use-synced-media";

export type { CompareItem };
type Layout = "side" | "slider";

const LETTERS = ["A", "B", "C", "D"];
/** A side's name: its letter, and its version number when it has one. */
const labelOf = (item: CompareItem, i: number) => (item.stack ? `${LETTERS[i]} · v${item.stack.version}` : LETTERS[i]);
const clock = (s: number) =>
  `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, "0")}.${Math.floor((s % 1) * 10)}`;

/**
 * Two to four assets compared: side by side (stacked on a phone) or with a slider over two of them; videos and
 * audio play, pause and seek together with a mute per side; the settings that differ listed below.
 * S toggles the layout, Space plays or pauses, ←/→ seek a second.
 */
export function CompareView({
  items,
  models,
}: {
  items: CompareItem[];
  models: Record<string, { name: { zh: string; en: string } }>;
}) {
  const t = useTranslations("gallery.compare");
  const kind = items[0].kind;
  const timed = kind === "video" || kind === "audio";
  const [layout, setLayout] = useState<Layout>("side");
  const [pair, setPair] = useState<[number, number]>([0, 1]);
  const [split, setSplit] = useState(50);
  const media = useSyncedMedia(items.length);
  const text = useSettingText(kind, models);
  const table = settingTable(items);
  const root = useRef<HTMLDivElement>(null);
  const slider = layout === "slider" && kind !== "audio";

  useEffect(() => root.current?.focus({ preventScroll: true }), []);
  const onKey = (e: React.KeyboardEvent) => {
    const el = e.target as HTMLElement;
    const range = !!el.closest("input[type=range]");
    if ((el.closest("input,select,textarea") && !range) || e.metaKey || e.ctrlKey || e.altKey) return;
    if (e.key === "s" || e.key === "S") setLayout((l) => (l === "side" ? "slider" : "side"));
    // A slider or a button keeps its own Space and arrows.
    else if (range || el.closest("button,a")) return;
    else if (timed && (e.key === " " || e.key === "k" || e.key === "K")) media.toggle();
    else if (timed && e.key === "ArrowRight") media.step(1);
    else if (timed && e.key === "ArrowLeft") media.step(-1);
    else return;
    e.preventDefault();
  };

  const first = items[pair[0]];
  const ratio = first.width && first.height ? `${first.width} / ${first.height}` : "16 / 9";

  return (
    <div
      ref={root}
      tabIndex={-1}
      onKeyDown={onKey}
      className="flex flex-col gap-4 outline-none"
      data-testid="compare-view"
      data-layout={slider ? "slider" : "side"}
    >
      <div className="flex flex-wrap items-center gap-3">
        {kind !== "audio" && (
          <Segmented
            legend={t("layout")}
            value={layout}
            onChange={setLayout}
            options={[
              { value: "side", label: t("sideBySide") },
              { value: "slider", label: t("slider") },
            ]}
          />
        )}
        {slider && items.length > 2 && (
          <div className="flex items-center gap-2 text-sm">
            {([0, 1] as const).map((side) => (
              <Select
                key={side}
                aria-label={side === 0 ? t("leftSide") : t("rightSide")}
                value={String(pair[side])}
                className="h-8 w-28"
                onChange={(e) => {
                  const v = Number(e.target.value);
                  setPair((p) => (side === 0 ? [v, v === p[1] ? p[0] : p[1]] : [v === p[0] ? p[1] : p[0], v]));
                }}
              >
                {items.map((it, i) => (
                  <option key={it.assetId} value={i}>
                    {labelOf(it, i)}
                  </option>
                ))}
              </Select>
            ))}
          </div>
        )}
        <p className="hidden text-xs text-muted sm:block">{t("shortcut")}</p>
      </div>

      <div
        className={cn(
          slider
            ? "relative mx-auto w-full max-w-full overflow-hidden rounded-xl bg-black select-none"
            : cn("grid grid-cols-1 gap-3", items.length === 2 ? "sm:grid-cols-2" : "sm:grid-cols-2 xl:grid-cols-4"),
        )}
        style={slider ? { aspectRatio: ratio, maxHeight: "70vh" } : undefined}
        data-testid="compare-stage"
      >
        {items.map((item, i) => {
          const shown = !slider || pair.includes(i);
          const clip: CSSProperties | undefined =
            slider && i === pair[1] ? { clipPath: `inset(0 0 0 ${split}%)` } : undefined;
          return (
            <figure
              key={item.assetId}
              className={cn(
                slider ? "absolute inset-0" : "flex min-w-0 flex-col gap-1.5",
                !shown && "hidden",
                slider && i === pair[1] && "z-10",
              )}
              style={clip}
              data-testid="compare-side"
              data-asset-id={item.assetId}
            >
              <div
                className={cn(
                  "relative overflow-hidden bg-black",
                  slider ? "size-full" : "max-h-[65vh] w-full rounded-xl",
                )}
                style={
                  slider
                    ? undefined
                    : {
                        aspectRatio:
                          item.width && item.height
                            ? `${item.width} / ${item.height}`
                            : kind === "audio"
                              ? "4 / 1"
                              : "16 / 9",
                      }
                }
              >
                {kind === "image" ? (
                  // eslint-disable-next-line @next/next/no-img-element -- the studio's own file route, full size on purpose
                  <img
                    src={item.fileUrl ?? item.thumbnailUrl}
                    alt={labelOf(item, i)}
                    className="absolute inset-0 size-full object-contain"
                    draggable={false}
                  />
                ) : kind === "video" ? (
                  <video
                    ref={media.ref(i)}
                    src={item.fileUrl}
                    poster={item.posterUrl}
                    playsInline
                    preload="auto"
                    className="absolute inset-0 size-full object-contain"
                    aria-label={labelOf(item, i)}
                    data-testid="compare-video"
                  />
                ) : (
                  <>
                    <audio ref={media.ref(i)} src={item.fileUrl} preload="auto" aria-label={labelOf(item, i)} />
                    <div className="absolute inset-0 flex items-center justify-center text-sm text-white/80">
                      {labelOf(item, i)}
                    </div>
                  </>
                )}
                {slider && (
                  <span
                    className={cn(
                      "absolute top-2 rounded bg-black/60 px-1.5 py-0.5 text-xs font-medium text-white",
                      i === pair[1] ? "right-2" : "left-2",
                    )}
                  >
                    {labelOf(item, i)}
                  </span>
                )}
              </div>
              {!slider && (
                <SideCaption
                  item={item}
                  label={labelOf(item, i)}
                  timed={timed}
                  muted={media.muted[i]}
                  onMute={() => media.toggleMute(i)}
                />
              )}
            </figure>
          );
        })}
        {slider && (
          <>
            <div
              aria-hidden="true"
              className="pointer-events-none absolute inset-y-0 z-20 w-0.5 -translate-x-1/2 bg-white shadow-[0_0_0_1px_rgba(0,0,0,0.4)]"
              style={{ left: `${split}%` }}
            />
            <input
              type="range"
              min={0}
              max={100}
              step={1}
              value={split}
              onChange={(e) => setSplit(Number(e.target.value))}
              aria-label={t("sliderLabel", {
                left: labelOf(items[pair[0]], pair[0]),
                right: labelOf(items[pair[1]], pair[1]),
              })}
              className="absolute inset-0 z-30 size-full cursor-ew-resize opacity-0"
              data-testid="compare-slider"
            />
          </>
        )}
      </div>

      {slider && (
        <div className="grid grid-cols-2 gap-3">
          {pair.map((i) => (
            <SideCaption
              key={items[i].assetId}
              item={items[i]}
              label={labelOf(items[i], i)}
              timed={timed}
              muted={media.muted[i]}
              onMute={() => media.toggleMute(i)}
            />
          ))}
        </div>
      )}

      {timed && (
        <div
          className="flex items-center gap-3 rounded-xl border border-border bg-surface p-2.5"
          data-testid="compare-transport"
        >
          <Button
            size="icon"
            variant="secondary"
            onClick={media.toggle}
            aria-label={media.playing ? t("pause") : t("play")}
            data-testid="compare-play"
          >
            {media.playing ? <PauseIcon /> : <PlayIcon />}
          </Button>
          <input
            type="range"
            min={0}
            max={media.duration || 0}
            step={0.01}
            value={Math.min(media.time, media.duration || 0)}
            onChange={(e) => media.seek(Number(e.target.value))}
            aria-label={t("seek")}
            className="h-2 min-w-0 flex-1 accent-[var(--color-accent)]"
            data-testid="compare-seek"
          />
          <span className="shrink-0 text-xs text-muted tabular-nums">
            {clock(media.time)} / {clock(media.duration)}
          </span>
        </div>
      )}

      <section aria-labelledby="compare-diff-title" className="flex flex-col gap-2">
        <h2 id="compare-diff-title" className="text-sm font-semibold text-fg">
          {t("differences")}
        </h2>
        {table.length === 0 ? (
          <p className="text-sm text-muted">{t("same")}</p>
        ) : (
          <div className="overflow-x-auto rounded-xl border border-border">
            <table className="w-full min-w-[28rem] text-left text-sm" data-testid="compare-diff">
              <thead className="bg-surface-2 text-xs text-muted">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t("setting")}
                  </th>
                  {items.map((it, i) => (
                    <th key={it.assetId} scope="col" className="px-3 py-2 font-medium">
                      {labelOf(it, i)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.map((row) => (
                  <tr key={row.field} className="border-t border-border align-top">
                    <th scope="row" className="px-3 py-2 font-medium text-muted">
                      {text.label(row.field)}
                    </th>
                    {row.values.map((v, i) => (
                      <td key={i} className="px-3 py-2 break-words text-fg">
                        {text.value(row.field, v)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

function SideCaption({
  item,
  label,
  timed,
  muted,
  onMute,
}: {
  item: CompareItem;
  label: string;
  timed: boolean;
  muted?: boolean;
  onMute: () => void;
}) {
  const t = useTranslations("gallery.compare");
  return (
    <figcaption className="flex min-w-0 items-center gap-2 text-xs">
      <Link
        href={`/gallery?asset=${item.assetId}`}
        className="min-w-0 flex-1 truncate text-fg hover:underline"
        title={t("open", { label })}
      >
        <span className="font-semibold">{label}</span>
        <span className="text-muted"> · {item.title ?? item.prompt ?? item.assetId}</span>
      </Link>
      {timed && (
        <Button
          size="sm"
          variant={muted ? "ghost" : "secondary"}
          aria-label={muted ? t("unmute", { label }) : t("mute", { label })}
          onClick={onMute}
          data-testid="compare-mute"
        >
          {muted ? <VolumeXIcon /> : <Volume2Icon />}
        </Button>
      )}
    </figcaption>
  );
}
