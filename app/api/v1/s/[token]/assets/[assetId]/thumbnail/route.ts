import { publicRoute } from "@/lib/api/handler";
import { serveFile } from "@/lib/api/serve-file";
import { AppError } from "@/lib/errors";
import { sharedAsset } from "@/lib/gallery/share-content";
import { requireOpenShare } from "@/lib/gallery/shares";

export const dynamic = "force-dynamic";

/** GET /api/v1/s/{token}/assets/{assetId}/thumbnail — a shared asset's grid thumbnail or poster. */
export const GET = publicRoute<{ token: string; assetId: string }>(async (req, _caller, { token, assetId }) => {
  const share = await requireOpenShare(token, (n) => req.cookies.get(n)?.value);
  const a = await sharedAsset(share, assetId);
  const opts = { revalidate: true };
  if (a.thumbKey) return serveFile(req, a.thumbKey, "image/webp", undefined, opts);
  if (a.posterKey)
    return serveFile(req, a.posterKey, a.posterKey.endsWith(".webp") ? "image/webp" : "image/jpeg", undefined, opts);
  if (a.kind === "image" && a.storageKey && a.mime) return serveFile(req, a.storageKey, a.mime, a.sha256, opts);
  throw new AppError("not_found", `asset ${assetId} has no thumbnail`);
});
