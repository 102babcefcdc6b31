import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/api/handler";
import { getAsset } from "@/lib/assets/list";
import { trashAsset, updateAsset, updateAssetRequest } from "@/lib/gallery/organize";
import { assetView } from "@/lib/assets/view";
import { reviewOf } from "@/lib/review/decisions";
import { versionsOf } from "@/lib/versions/stacks";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/assets/{id} — the asset's facts with `rating: {mine?, average, count}`, `review: {state, …, history}`
 * and its version stack: `stack: {id, version, count, latestAssetId} | null`, `versions: [...]` newest first.
 */
export const GET = route<{ id: string }>("team:read", async (_req, caller, { id }) =>
  NextResponse.json({
    ...assetView(await getAsset(caller, id)),
    ...(await reviewOf(caller, id)),
    ...(await versionsOf(caller, id)),
  }),
);

/**
 * PATCH /api/v1/assets/{id} {title?, tags?, favorite?} → the gallery item. `favorite` is the caller's own star
 * ("team:read" is enough); `title` and `tags` change what the team sees and need "gallery:organize".
 */
export const PATCH = route<{ id: string }>("team:read", async (req, caller, { id }) => {
  const body = updateAssetRequest.parse(await readJson(req));
  return NextResponse.json(await updateAsset(caller, id, body));
});

/** DELETE /api/v1/assets/{id} — to the trash (POST …/restore brings it back). */
export const DELETE = route<{ id: string }>("gallery:organize", async (_req, caller, { id }) =>
  NextResponse.json(await trashAsset(caller, id)),
);
