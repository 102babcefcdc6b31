"use client";

import type { ReactNode } from "react";
import { CallerProvider, type CallerInfo } from "@/components/auth/caller-context";
import type { GalleryItem } from "@/components/gallery/types";
import type { SharedItem } from "@/lib/gallery/share-content";
import { useDetailReview } from "./detail-review";

/** What review needs of a shared item: the share's own file URLs, and nothing the share did not show. */
function asGalleryItem(item: SharedItem): GalleryItem {
  return {
    ...item,
    creator: null,
    tags: [],
    favorite: false,
    origin: "output",
    archiveState: "archived",
    reviewState: "none",
    rating: { average: null, count: 0 },
  };
}

/**
 * The share page for a signed-in member of the team that owns it: the same review as in the gallery (comments at a
 * time or a region, threads, decisions) next to the shared asset. Signed-out viewers never get this component.
 */
export function ShareReview({ item, caller, facts }: { item: SharedItem; caller: CallerInfo; facts: ReactNode }) {
  return (
    <CallerProvider value={caller}>
      <Inner item={item} facts={facts} />
    </CallerProvider>
  );
}

function Inner({ item, facts }: { item: SharedItem; facts: ReactNode }) {
  const review = useDetailReview(asGalleryItem(item));
  return (
    <div
      className="grid gap-6 lg:grid-cols-[1fr_22rem]"
      data-testid="share-asset"
      onKeyDown={(e) => {
        const typing = (e.target as HTMLElement).closest("input,textarea,select");
        if (!typing && !e.metaKey && !e.ctrlKey && review.onKey(e.key)) e.preventDefault();
      }}
    >
      <div className="min-w-0 overflow-hidden rounded-xl">{review.media}</div>
      <div className="flex flex-col gap-6">
        {facts}
        {review.panel}
      </div>
    </div>
  );
}
