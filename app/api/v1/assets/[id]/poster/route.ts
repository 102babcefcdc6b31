import { route } from "@/lib/api/handler";
import { serveFile } from "@/lib/api/serve-file";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** The poster frame of a video, or the thumbnail of an image. */
export const GET = route<{ id: string }>(async (req, caller, { id }) => {
  const a = await db().asset.findFirst({ where: { id, owner: caller.owner } });
  if (!a?.posterKey) throw new AppError("not_found", `asset ${id} has no poster`);
  return serveFile(req, a.posterKey, a.posterKey.endsWith(".webp") ? "image/webp" : "image/jpeg");
});
