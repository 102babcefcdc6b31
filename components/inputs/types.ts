import type { InputRole, MediaKind } from "@/lib/catalog/types";
import type { MediaFacts } from "@/lib/catalog/validate";

/** One input of a generation being prepared: a file, a studio asset, a pasted URL or a library asset. */
export interface MediaItem {
  /** Stable key for React and for moving/removing. */
  key: string;
  role: InputRole;
  kind: MediaKind;
  source: "upload" | "url" | "studio" | "library";
  /** File name, or a short label (the asset's origin, the library name). */
  name: string;
  /** Something an <img>/<video>/<audio> can show: the studio's copy, or a local object URL before upload. */
  previewUrl?: string;
  /** What is known of the file: read in the browser, then as the studio stored it. */
  facts: MediaFacts;
  /**
   * checking: the browser reads it · uploading: sent to the studio · ready: usable ·
   * rejected: broke a limit in the browser, not uploaded · failed: the studio refused it (see `error`).
   */
  state: "checking" | "uploading" | "ready" | "rejected" | "failed";
  /** The studio asset, once stored (what a generation records as its input: lineage). */
  assetId?: string;
  /** Sent as-is instead of an asset: `asset://<Id>` of the Seedance library, or a public URL. */
  url?: string;
  /** The public URL a pasted-URL file was imported from (sent instead when the studio has no public address). */
  sourceUrl?: string;
  /** The studio's refusal, in its words (it names the limit). */
  error?: string;
  /** The chosen file, kept only while it is not uploaded (to upload it later). */
  file?: File;
}

/** What an upload is meant for: the studio checks that model's limits at once (POST /api/v1/assets). */
export interface IntendedUse {
  model: string;
  mode: string;
}

/** The stored-asset shape the REST API answers with (GET /api/v1/assets, /api/v1/assets/{id}). */
export interface StudioAsset {
  id: string;
  kind: string;
  mime: string | null;
  size: number | null;
  width?: number;
  height?: number;
  durationSeconds?: number;
  fps?: number;
  role?: string;
  origin: string;
  fileUrl?: string;
  posterUrl?: string;
  createdAt: string;
  generation?: { id: string; model: string; mode: string; prompt: string | null };
}
