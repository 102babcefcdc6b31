import path from "node:path";
import { publicRoute } from "@/lib/api/handler";
import { serveFile } from "@/lib/api/serve-file";
import { AppError } from "@/lib/errors";
import { sharedAsset } from "@/lib/gallery/share-content";
import { requireOpenShare } from "@/lib/gallery/shares";

export const dynamic = "force-dynamic";

/** GET /api/v1/s/{token}/assets/{assetId}/file[?download=1] — a shared file (Range supported), no caller needed. */
export const GET = publicRoute<{ token: string; assetId: string }>(async (req, _caller, { token, assetId }) => {
  const share = await requireOpenShare(token, (n) => req.cookies.get(n)?.value);
  const a = await sharedAsset(share, assetId);
  if (!a.storageKey || (a.origin !== "upload" && a.archiveState !== "archived"))
    throw new AppError("not_found", `asset ${assetId} is not saved on the studio's storage yet`);
  const download = req.nextUrl.searchParams.get("download") === "1";
  if (download && !share.allowDownload) throw new AppError("forbidden", "this link does not allow downloads");
  return serveFile(req, a.storageKey, a.mime ?? "application/octet-stream", a.sha256, {
    revalidate: true,
    ...(download ? { downloadName: `${a.title?.slice(0, 80) || a.id}${path.extname(a.storageKey)}` } : {}),
  });
});
export const HEAD = GET;
