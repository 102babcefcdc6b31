import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/api/handler";
import { bulkAction, bulkRequest } from "@/lib/gallery/organize";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/gallery/bulk {action, assetIds, tags?} → {changed}. favorite/unfavorite need "team:read"
 * (a person's own stars); trash, restore, addTags and removeTags need "gallery:organize".
 */
export const POST = route("team:read", async (req, caller) =>
  NextResponse.json(await bulkAction(caller, bulkRequest.parse(await readJson(req)))),
);
