import { NextResponse } from "next/server";
import { publicRoute } from "@/lib/api/handler";
import { sharedItems } from "@/lib/gallery/share-content";
import { requireOpenShare } from "@/lib/gallery/shares";

export const dynamic = "force-dynamic";

/** GET /api/v1/s/{token}[?cursor] → what the link shares: one asset, or a page of the board's items. No caller needed. */
export const GET = publicRoute<{ token: string }>(async (req, _caller, { token }) => {
  const share = await requireOpenShare(token, (n) => req.cookies.get(n)?.value);
  const page = await sharedItems(share, token, req.nextUrl.searchParams.get("cursor") ?? undefined);
  return NextResponse.json(
    { kind: share.assetId ? "asset" : "board", ...(share.board ? { name: share.board.name } : {}), ...page },
    { headers: { "Cache-Control": "private, no-store" } },
  );
});
