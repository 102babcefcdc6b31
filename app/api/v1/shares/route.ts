import { NextResponse, type NextRequest } from "next/server";
import { readJson, route } from "@/lib/api/handler";
import { createShare, createShareRequest, listShares, listSharesQuery } from "@/lib/gallery/shares";

export const dynamic = "force-dynamic";

/** The origin the creator's browser used (behind a proxy: X-Forwarded-*), for the link when PUBLIC_BASE_URL is unset. */
function requestOrigin(req: NextRequest): string {
  const host = (req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? req.nextUrl.host).split(",")[0];
  const proto = (req.headers.get("x-forwarded-proto") ?? req.nextUrl.protocol.replace(":", "")).split(",")[0];
  return `${proto.trim()}://${host.trim()}`;
}

/** GET /api/v1/shares[?assetId|boardId] → {items}: the team's share links (never their tokens). */
export const GET = route("team:read", async (req, caller) =>
  NextResponse.json({
    items: await listShares(caller, listSharesQuery.parse(Object.fromEntries(req.nextUrl.searchParams))),
  }),
);

/** POST /api/v1/shares {assetId | boardId, expiresAt?, password?, showPrompt?, allowDownload?} → 201 {id, url, …}. */
export const POST = route("share:create", async (req, caller) =>
  NextResponse.json(await createShare(caller, createShareRequest.parse(await readJson(req)), requestOrigin(req)), {
    status: 201,
  }),
);
