import { NextResponse } from "next/server";
import { route } from "@/lib/api/handler";
import { restoreAsset } from "@/lib/gallery/organize";

export const dynamic = "force-dynamic";

/** POST /api/v1/assets/{id}/restore — out of the trash. */
export const POST = route<{ id: string }>("gallery:organize", async (_req, caller, { id }) =>
  NextResponse.json(await restoreAsset(caller, id)),
);
