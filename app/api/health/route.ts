import { NextResponse } from "next/server";
import { publicRoute } from "@/lib/api/handler";

export const dynamic = "force-dynamic";

/** GET /api/health — liveness: the process answers. Checks nothing else, so a slow database never restarts it. */
export const GET = publicRoute(async () =>
  NextResponse.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } }),
);
