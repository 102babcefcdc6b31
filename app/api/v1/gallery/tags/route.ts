import { NextResponse } from "next/server";
import { route } from "@/lib/api/handler";
import { listTags } from "@/lib/gallery/organize";

export const dynamic = "force-dynamic";

/** GET /api/v1/gallery/tags?prefix= → {items: [{tag, count}]}: the team's tags, most used first (autocomplete). */
export const GET = route("team:read", async (req, caller) => {
  const prefix = (req.nextUrl.searchParams.get("prefix") ?? "").slice(0, 40);
  return NextResponse.json({ items: await listTags(caller, prefix) });
});
