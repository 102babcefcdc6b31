import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/api/handler";
import { currentPrices, putPrices } from "@/lib/spend/prices";
import { putPricesRequest } from "@/lib/spend/schema";

export const dynamic = "force-dynamic";

/** GET /api/v1/prices → {currency, items, version, updatedAt}: everyone signed in sees them (estimates). */
export const GET = route("signed-in", async () => NextResponse.json(await currentPrices()));

/** PUT /api/v1/prices — the whole table, as a new version; operators only. */
export const PUT = route("operator", async (req, caller) => {
  const body = putPricesRequest.parse(await readJson(req));
  return NextResponse.json(await putPrices(body, caller.userId));
});
