import type { NextRequest } from "next/server";
import { errorResponse, route } from "@/lib/api/handler";
import { serveFile } from "@/lib/api/serve-file";
import { getAsset } from "@/lib/assets/list";
import { assetForSignedLink } from "@/lib/assets/signed-links";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

type StoredAsset = {
  id: string;
  storageKey: string | null;
  archiveState: string;
  mime: string | null;
  sha256: string | null;
};

function stored(a: StoredAsset) {
  if (!a.storageKey)
    throw new AppError("not_found", `asset ${a.id} is not saved on the studio's storage yet (${a.archiveState})`);
  return { key: a.storageKey, mime: a.mime ?? "application/octet-stream", sha256: a.sha256 };
}

const authed = route<{ id: string }>("team:read", async (req, caller, { id }) => {
  const f = stored(await getAsset(caller, id));
  return serveFile(req, f.key, f.mime, f.sha256);
});

/** GET /api/v1/assets/{id}/file — a signed link (?exp&sig, handed to TD) is enough on its own; otherwise the caller's access. */
export async function GET(req: NextRequest, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  const sp = req.nextUrl.searchParams;
  if (sp.has("sig")) {
    try {
      const f = stored(await assetForSignedLink(id, sp.get("exp"), sp.get("sig")));
      return await serveFile(req, f.key, f.mime, f.sha256);
    } catch (e) {
      return errorResponse(e);
    }
  }
  return authed(req, ctx);
}
export const HEAD = GET;
