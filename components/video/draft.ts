import type { MediaItem, StudioAsset } from "@/components/inputs/types";
import { itemFromAsset, itemFromUrl } from "@/components/inputs/use-media-inputs";
import type { InputRole, MediaKind } from "@/lib/catalog/types";
import { api } from "@/lib/client/api";
import type { GenerationView } from "@/lib/client/api";

export const ROLE_KIND: Record<string, MediaKind> = {
  first_frame: "image",
  last_frame: "image",
  reference_image: "image",
  reference_video: "video",
  reference_audio: "audio",
  video: "video",
  clone_audio: "audio",
};

/**
 * A finished generation's inputs as form items again (re-run / remix), in their recorded order. `assets`
 * are the studio assets already known (the server passes them with `?from=`); others are fetched.
 * An asset that no longer exists is left out rather than failing the whole draft.
 */
export async function inputsOf(g: GenerationView, assets: StudioAsset[] = []): Promise<MediaItem[]> {
  const missing = g.inputs.flatMap((i) => (i.assetId && !assets.some((a) => a.id === i.assetId) ? [i.assetId] : []));
  const fetched = await Promise.all(
    missing.map((id) => api<StudioAsset>(`/api/v1/assets/${id}`).catch(() => undefined)),
  );
  return inputsOfSync(g, [...assets, ...fetched.filter((a): a is StudioAsset => !!a)]);
}

/** Same, synchronously, when every asset is known (the first render of `?from=`). */
export function inputsOfSync(g: GenerationView, assets: StudioAsset[]): MediaItem[] {
  return [...g.inputs]
    .sort((a, b) => a.position - b.position)
    .flatMap((i): MediaItem[] => {
      const role = i.role as InputRole;
      const a = i.assetId ? assets.find((x) => x.id === i.assetId) : undefined;
      if (a) return [itemFromAsset(a, role)];
      if (i.url)
        return [
          itemFromUrl(
            i.url,
            role,
            ROLE_KIND[role] ?? "image",
            i.url.startsWith("asset://") ? i.url : (i.url.split("/").pop()?.split("?")[0] ?? i.url),
          ),
        ];
      return [];
    });
}

/**
 * `/video?mode=first-frame&first_frame=<asset id>` ("use as input" from the gallery or a result card): the named
 * studio assets as form items in their roles; one of the wrong kind for its role is left out.
 */
export function presetItems(preset: { role: string; asset: StudioAsset }[]): MediaItem[] {
  return preset
    .filter((p) => ROLE_KIND[p.role] === p.asset.kind)
    .map((p) => itemFromAsset(p.asset, p.role as InputRole));
}
