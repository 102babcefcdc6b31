import { route } from "@/lib/api/handler";
import { serveFile } from "@/lib/api/serve-file";
import { getAsset } from "@/lib/assets/list";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/assets/{id}/thumbnail — the gallery's ~400 px WebP. Older rows without one fall back to the
 * video poster, then to an image's own file; anything else (audio, a file not saved yet) is a 404 and the grid
 * shows the kind's icon on the ThumbHash.
 */
export const GET = route<{ id: string }>("team:read", async (req, caller, { id }) => {
  const a = await getAsset(caller, id);
  if (a.thumbKey) return serveFile(req, a.thumbKey, "image/webp");
  if (a.posterKey) return serveFile(req, a.posterKey, a.posterKey.endsWith(".webp") ? "image/webp" : "image/jpeg");
  if (a.kind === "image" && a.storageKey && a.mime) return serveFile(req, a.storageKey, a.mime, a.sha256);
  throw new AppError("not_found", `asset ${id} has no thumbnail`);
});
