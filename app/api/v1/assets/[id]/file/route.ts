import type { NextRequest } from "next/server";
import { errorResponse, route } from "@/lib/api/handler";
import { serveFile } from "@/lib/api/serve-file";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { verifyAssetSignature } from "@/lib/generations/inputs";

export const dynamic = "force-dynamic";

async function load(id: string, owner?: string) {
  const a = await db().asset.findFirst({ where: { id, ...(owner ? { owner } : {}) } });
  if (!a) throw new AppError("not_found", `asset ${id} does not exist`);
  if (!a.storageKey) throw new AppError("not_found", `asset ${id} is not saved on the studio's storage yet (${a.archiveState})`);
  return a;
}

const authed = route<{ id: string }>(async (req, caller, { id }) => {
  const a = await load(id, caller.owner);
  return serveFile(req, a.storageKey!, a.mime ?? "application/octet-stream", a.sha256);
});

/** GET /api/v1/assets/{id}/file — a signed link (?exp&sig, handed to TD) is enough on its own; otherwise the caller's access. */
export async function GET(req: NextRequest, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  const sp = req.nextUrl.searchParams;
  if (sp.has("sig")) {
    try {
      if (!verifyAssetSignature(id, sp.get("exp"), sp.get("sig"))) throw new AppError("not_found", "this link has expired or is not valid");
      const a = await load(id);
      return await serveFile(req, a.storageKey!, a.mime ?? "application/octet-stream", a.sha256);
    } catch (e) {
      return errorResponse(e);
    }
  }
  return authed(req, ctx);
}
export const HEAD = GET;
