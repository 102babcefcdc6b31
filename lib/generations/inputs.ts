import "server-only";
import { fetchableAssetUrl } from "@/lib/assets/signed-links";
import type { InputSpec } from "@/lib/catalog";
import type { Asset } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { readBuffer } from "@/lib/storage";

/** The reference the upstream gets for an input: inline base64 where accepted, else a public URL. */
export async function referenceFor(
  spec: InputSpec,
  input: { assetId?: string | null; url?: string | null },
  asset?: Asset | null,
): Promise<string> {
  if (input.url) return input.url;
  if (!asset || !asset.storageKey)
    throw new AppError("validation_failed", `inputs: asset ${input.assetId} has no stored file yet`, "inputs");
  if (spec.transport.inline) {
    const bytes = await readBuffer(asset.storageKey);
    return `data:${asset.mime ?? "application/octet-stream"};base64,${bytes.toString("base64")}`;
  }
  return fetchableAssetUrl(asset);
}
