import type { InputRole, InputSpec } from "@/lib/catalog/types";
import type { MediaItem } from "./types";

export type GenerationInput = { role: InputRole; assetId: string } | { role: InputRole; url: string };

/**
 * The `inputs` of POST /api/v1/generations, in order: the studio asset when there is one (lineage), the
 * `asset://` or public URL otherwise. A URL-only role on a studio with no public address sends the URL a
 * file was imported from instead (TD can fetch that one). Items not ready are left out: the caller blocks
 * sending while any is pending or refused. Items of roles the mode does not take are left out.
 */
export function toGenerationInputs(
  items: MediaItem[],
  specs: InputSpec[],
  opts: { publicUrl: boolean },
): GenerationInput[] {
  // The mode's roles in their documented order (e.g. the video before its reference images); within a role, the user's order.
  const rank = (i: MediaItem) => specs.findIndex((s) => s.role === i.role);
  const ordered = items.filter((i) => rank(i) >= 0).sort((a, b) => rank(a) - rank(b));
  return ordered.flatMap((i): GenerationInput[] => {
    const spec = specs.find((s) => s.role === i.role);
    if (!spec || i.state !== "ready") return [];
    if (i.url) return [{ role: i.role, url: i.url }];
    if (!spec.transport.inline && !opts.publicUrl && i.sourceUrl) return [{ role: i.role, url: i.sourceUrl }];
    return i.assetId ? [{ role: i.role, assetId: i.assetId }] : [];
  });
}
