import { NextResponse } from "next/server";
import { publicRoute } from "@/lib/api/handler";
import { readiness } from "@/lib/health/ready";

export const dynamic = "force-dynamic";

/**
 * GET /api/health/ready — readiness for a load balancer: the database, the storage and TD answer (200), or 503
 * naming each part that does not (`failed`). A process that is shutting down answers 503 (`shutting_down`).
 */
export const GET = publicRoute(async () => {
  const r = await readiness();
  return NextResponse.json(r, { status: r.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
});
