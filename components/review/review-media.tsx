"use client";

import { useTranslations } from "use-intl";
import type { GalleryItem } from "@/components/gallery/types";
import type { ReviewState } from "./review-state";
import { PlayerControls, ZoomPan } from "./media-controls";
import { ShapesOverlay } from "./shapes-overlay";
import { timecode, type CommentView } from "./use-review";

/**
 * The detail view's preview with review on it: the open comment's shapes over the picture (or the paused
 * frame), comment markers on a timeline under a video or audio, a click on a marker seeks there.
 */
export function ReviewMedia({
  item,
  state,
  comments,
}: {
  item: GalleryItem;
  state: ReviewState;
  comments: CommentView[];
}) {
  const t = useTranslations("review");
  const { time, duration, activeId, draft, tool, attach, onLoaded, setTime, open, pause, setDraft } = state;
  const active = comments.find((c) => c.id === activeId);
  // A video frame's shapes show while the player stands at (or within) the comment's time.
  const atActive =
    !active ||
    active.timeSeconds === undefined ||
    item.kind === "image" ||
    (active.endSeconds !== undefined
      ? time >= active.timeSeconds - 0.05 && time <= active.endSeconds + 0.05
      : Math.abs(time - active.timeSeconds) < 0.1);
  const shapes = active?.shapes && atActive ? active.shapes : [];
  const overlay = (
    <ShapesOverlay
      shapes={shapes}
      draft={draft}
      tool={tool}
      label={t("overlay")}
      onDraw={(s) => {
        pause();
        setDraft((d) => [...d, s]);
      }}
    />
  );
  const timed = comments.filter((c) => c.timeSeconds !== undefined && !c.parentId);
  const onMediaEvents = {
    onLoadedMetadata: onLoaded,
    onTimeUpdate: (e: React.SyntheticEvent<HTMLMediaElement>) => setTime(e.currentTarget.currentTime),
    onSeeked: (e: React.SyntheticEvent<HTMLMediaElement>) => setTime(e.currentTarget.currentTime),
  };

  return (
    <div className="flex min-h-64 flex-1 flex-col items-center justify-center gap-2 bg-black p-2 md:min-h-[70vh]">
      {!item.fileUrl ? (
        // eslint-disable-next-line @next/next/no-img-element
        <img src={item.thumbnailUrl} alt="" className="max-h-[70vh] w-full object-contain" />
      ) : item.kind === "video" ? (
        <div
          className="relative inline-block max-w-full"
          // Known dimensions: as large as the pane allows, and the box is exactly the picture (the shapes' plane).
          style={
            item.width && item.height
              ? {
                  aspectRatio: `${item.width} / ${item.height}`,
                  width: `min(100%, calc(62vh * ${item.width / item.height}))`,
                }
              : undefined
          }
        >
          <video
            key={item.assetId}
            {...onMediaEvents}
            ref={attach}
            src={item.fileUrl}
            poster={item.thumbnailUrl}
            controls={tool === "none"}
            playsInline
            preload="metadata"
            data-testid="review-video"
            className={item.width && item.height ? "block h-full w-full" : "block max-h-[62vh] max-w-full"}
          />
          {overlay}
        </div>
      ) : item.kind === "audio" ? (
        <>
          {/* The waveform made at archive time, as large as the pane. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={item.thumbnailUrl} alt="" className="max-h-48 w-4/5 object-contain" data-testid="review-waveform" />
          <audio
            key={item.assetId}
            {...onMediaEvents}
            ref={attach}
            src={item.fileUrl}
            controls
            preload="metadata"
            data-testid="review-audio"
            className="w-4/5"
          />
        </>
      ) : (
        <ZoomPan panning={tool === "none"}>
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={item.fileUrl} alt={item.prompt ?? ""} className="block max-h-[66vh] max-w-full" draggable={false} />
          {overlay}
        </ZoomPan>
      )}
      {(item.kind === "video" || item.kind === "audio") && item.fileUrl && (
        <div className="w-full max-w-3xl px-1">
          <div
            className="relative h-6 rounded bg-white/10"
            role="group"
            aria-label={t("markers")}
            data-testid="review-markers"
          >
            {duration > 0 && (
              <div
                className="pointer-events-none absolute top-0 bottom-0 w-px bg-white/70"
                style={{ left: `${(time / duration) * 100}%` }}
              />
            )}
            {duration > 0 &&
              timed.map((c) => {
                const left = (c.timeSeconds! / duration) * 100;
                const width = c.endSeconds !== undefined ? ((c.endSeconds - c.timeSeconds!) / duration) * 100 : 0;
                return (
                  <button
                    key={c.id}
                    type="button"
                    title={`${timecode(c.timeSeconds!)} ${c.author?.name ?? ""}: ${c.body.slice(0, 60)}`}
                    aria-label={t("markerLabel", { time: timecode(c.timeSeconds!), name: c.author?.name ?? "" })}
                    data-testid="review-marker"
                    onClick={() => open(c)}
                    className={`absolute top-1 h-4 rounded-sm ${c.resolved ? "bg-emerald-400/70" : "bg-amber-400"} ${c.id === activeId ? "ring-2 ring-white" : ""}`}
                    style={{ left: `${left}%`, width: width ? `${width}%` : "6px", marginLeft: width ? 0 : "-3px" }}
                  />
                );
              })}
          </div>
          <p className="mt-1 flex justify-between font-mono text-xs text-white/70">
            <span data-testid="review-time">{timecode(time)}</span>
            <span className="hidden sm:inline">{t("keys")}</span>
            <span>{timecode(duration)}</span>
          </p>
          {item.kind === "video" && <PlayerControls state={state} />}
        </div>
      )}
    </div>
  );
}
