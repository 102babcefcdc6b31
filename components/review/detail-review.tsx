"use client";

import type { GalleryItem } from "@/components/gallery/types";
import { ReviewMedia } from "./review-media";
import { ReviewPanel } from "./review-panel";
import { useReviewState } from "./review-state";
import { useComments } from "./use-review";

/** Review inside the gallery's detail view: one state shared by the preview and the panel. */
export function useDetailReview(item: GalleryItem, initial?: { commentId?: string; time?: number }) {
  const state = useReviewState(initial);
  const comments = useComments(item.assetId).data ?? [];
  return {
    state,
    onKey: state.onKey,
    media: <ReviewMedia item={item} state={state} comments={comments} />,
    panel: <ReviewPanel assetId={item.assetId} kind={item.kind} state={state} comments={comments} />,
  };
}
