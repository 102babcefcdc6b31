"use client";

import { AudioLinesIcon, ImageIcon, VideoIcon } from "lucide-react";
import { useMemo, useState } from "react";
import { thumbHashToDataURL } from "thumbhash";
import type { GalleryItem } from "./types";

const KIND_ICON = { image: ImageIcon, video: VideoIcon, audio: AudioLinesIcon } as const;

function placeholder(hash?: string): string | undefined {
  if (!hash) return undefined;
  try {
    return thumbHashToDataURL(Uint8Array.from(atob(hash), (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

/**
 * A fixed-size cell: the ThumbHash paints at once (decoded here, ~25 bytes from the list), the WebP fades in over
 * it, so nothing moves when it arrives. Audio's thumbnail is its waveform (made when saved; a ThumbHash says there is
 * one); no thumbnail (older audio, not saved yet) shows the kind's icon.
 */
export function Thumb({ item, className = "" }: { item: GalleryItem; className?: string }) {
  const bg = useMemo(() => placeholder(item.thumbhash), [item.thumbhash]);
  const [state, setState] = useState<"loading" | "loaded" | "failed">(
    item.kind === "audio" && !item.thumbhash ? "failed" : "loading",
  );
  // The thumbnail of a just-saved output is made a moment after it (its ThumbHash arrives with it): try again then.
  const [hashSeen, setHashSeen] = useState(item.thumbhash);
  if (hashSeen !== item.thumbhash) {
    setHashSeen(item.thumbhash);
    setState("loading");
  }
  const Icon = KIND_ICON[item.kind as keyof typeof KIND_ICON] ?? ImageIcon;
  return (
    <div
      className={`relative size-full overflow-hidden bg-surface-2 ${className}`}
      // Gone once the image is in: a waveform is transparent and would show the blur through it.
      style={
        bg && state !== "loaded"
          ? { backgroundImage: `url(${bg})`, backgroundSize: "cover", backgroundPosition: "center" }
          : undefined
      }
    >
      {state !== "failed" && (
        // eslint-disable-next-line @next/next/no-img-element
        <img
          key={item.thumbhash ?? ""}
          src={item.thumbnailUrl}
          alt=""
          loading="lazy"
          decoding="async"
          draggable={false}
          onLoad={() => setState("loaded")}
          onError={() => setState("failed")}
          data-testid={item.kind === "audio" ? "waveform" : undefined}
          className={`size-full object-cover transition-opacity duration-300 ${state === "loaded" ? "opacity-100" : "opacity-0"}`}
        />
      )}
      {state === "failed" && !bg && (
        <div className="absolute inset-0 flex items-center justify-center text-muted [&_svg]:size-7">
          <Icon aria-hidden="true" />
        </div>
      )}
    </div>
  );
}
