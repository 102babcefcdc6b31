import { NextResponse } from "next/server";
import { route } from "@/lib/api/handler";
import { assetLineage } from "@/lib/gallery/lineage";

export const dynamic = "force-dynamic";

/** GET /api/v1/assets/{id}/lineage → {madeFrom, usedIn}: generations with their inputs and outputs, depth ≤ 5 each way. */
export const GET = route<{ id: string }>("team:read", async (_req, caller, { id }) =>
  NextResponse.json(await assetLineage(caller, id)),
);
