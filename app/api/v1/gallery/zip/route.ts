import type { NextRequest } from "next/server";
import { readJson, route } from "@/lib/api/handler";
import { readBodyText } from "@/lib/api/request-guards";
import { boardItemsRequest } from "@/lib/gallery/schema";
import { selectionZip } from "@/lib/gallery/zip";

export const dynamic = "force-dynamic";

/** JSON {assetIds: []}, or a plain form post (assetIds=a,b,c) so the browser streams the download to disk itself. */
async function readIds(req: NextRequest): Promise<unknown> {
  if ((req.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded")) {
    const ids = new URLSearchParams(await readBodyText(req, 64 * 1024)).get("assetIds") ?? "";
    return { assetIds: ids.split(",").filter(Boolean) };
  }
  return readJson(req);
}

/** POST /api/v1/gallery/zip {assetIds} — the selection's files and manifest.json as one streamed ZIP. */
export const POST = route("team:read", async (req, caller) =>
  selectionZip(caller, boardItemsRequest.parse(await readIds(req)).assetIds),
);
