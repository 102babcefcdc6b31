import { NextResponse } from "next/server";
import { route } from "@/lib/api/handler";
import { galleryQuery, listGallery } from "@/lib/gallery/list";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/gallery?kind=&model=&mode=&creator=&tag=&board=&favorite=&q=&from=&to=&archive=&sort=&origin=&trashed=&cursor=&limit=
 * → {items, nextCursor}: the team's outputs (uploads with origin=upload|all), newest first, keyset pages.
 */
export const GET = route("team:read", async (req, caller) => {
  const q = galleryQuery.parse(Object.fromEntries(req.nextUrl.searchParams));
  return NextResponse.json(await listGallery(caller, q));
});
