import { route } from "@/lib/api/handler";
import { serveFile } from "@/lib/api/serve-file";
import { getAsset } from "@/lib/assets/list";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** The poster frame of a video, or the thumbnail of an image. */
export const GET = route<{ id: string }>("team:read", async (req, caller, { id }) => {
  const a = await getAsset(caller, id);
  if (!a.posterKey) throw new AppError("not_found", `asset ${id} has no poster`);
  return serveFile(req, a.posterKey, a.posterKey.endsWith(".webp") ? "image/webp" : "image/jpeg");
});
