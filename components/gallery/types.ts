import type { GalleryItem, GalleryPage } from "@/lib/gallery/list";
import type { BoardView } from "@/lib/gallery/boards";

export type { GalleryItem, GalleryPage, BoardView };

export interface GalleryModel {
  name: { zh: string; en: string };
  kind: string;
  modes: string[];
}

export interface GalleryMember {
  id: string;
  name: string;
}

/** The filters the URL carries (the same names as GET /api/v1/gallery). */
export const FILTER_KEYS = [
  "kind",
  "model",
  "mode",
  "creator",
  "tag",
  "board",
  "favorite",
  "q",
  "from",
  "to",
  "archive",
  "review",
  "rating_gte",
  "sort",
  "versions",
  "origin",
  "trashed",
  /** One experiment's outputs as a group (issue 15). */
  "experiment",
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

/** The studio page a generation of this model kind reopens in (`?from=<generationId>`). */
export const STUDIO_FOR_KIND: Record<string, string> = { video: "/video", image: "/image", speech: "/speech" };
