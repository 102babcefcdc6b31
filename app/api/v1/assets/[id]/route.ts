import { NextResponse } from "next/server";
import { route } from "@/lib/api/handler";
import { getAsset } from "@/lib/assets/list";
import { assetView } from "@/lib/assets/view";

export const dynamic = "force-dynamic";

export const GET = route<{ id: string }>("team:read", async (_req, caller, { id }) => NextResponse.json(assetView(await getAsset(caller, id))));
