import { NextResponse } from "next/server";
import { z } from "zod";
import { readJson, route } from "@/lib/api/handler";
import {
  GROUP_MISSING,
  listSeedanceAssets,
  registerSeedanceAsset,
  registerSeedanceAssetRequest,
  seedanceGroup,
} from "@/lib/seedance/library";

export const dynamic = "force-dynamic";

const listQuery = z.object({ status: z.enum(["Processing", "Active", "Failed"]).optional() });

/**
 * GET /api/v1/seedance/assets?status= — the Seedance asset library (statuses checked upstream by the studio)
 * → {group: {groupId, demo} | null, setup?: how to configure it, items: [...]}.
 */
export const GET = route("team:read", async (req, caller) => {
  const q = listQuery.parse(Object.fromEntries(req.nextUrl.searchParams));
  const group = seedanceGroup() ?? null;
  return NextResponse.json({
    group,
    ...(group ? {} : { setup: GROUP_MISSING }),
    items: await listSeedanceAssets(caller, q),
  });
});

/** POST /api/v1/seedance/assets {url, assetType, name?} | {assetId, name?} → 201, the new item (status Processing, or Failed with the reason). */
export const POST = route("asset:upload", async (req, caller) => {
  const body = registerSeedanceAssetRequest.parse(await readJson(req));
  return NextResponse.json(await registerSeedanceAsset(caller, body), { status: 201 });
});
