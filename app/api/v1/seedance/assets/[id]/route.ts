import { NextResponse } from "next/server";
import { route } from "@/lib/api/handler";
import { getSeedanceAsset } from "@/lib/seedance/library";

export const dynamic = "force-dynamic";

/** GET /api/v1/seedance/assets/{id} — one library item, its status checked upstream when still Processing. */
export const GET = route<{ id: string }>("team:read", async (_req, caller, { id }) =>
  NextResponse.json(await getSeedanceAsset(caller, id)),
);
