import { NextResponse } from "next/server";
import { route } from "@/lib/api/handler";
import { usageQuery } from "@/lib/spend/schema";
import { usageFor } from "@/lib/spend/usage";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/usage?from=&to=&groupBy=model|member|mode|day|week|month → {currency, groups: [{key, units, cost,
 * generations, failed}], total: {units, cost}, top: [the costliest generations]} (week: its Monday, month: YYYY-MM). Members see their own, admins their team's, operators any team's (?teamId=).
 */
export const GET = route("team:read", async (req, caller) => {
  const q = usageQuery.parse(Object.fromEntries(req.nextUrl.searchParams));
  return NextResponse.json(await usageFor(caller, q));
});
