import type { NextRequest } from "next/server";
import { metricsRoute } from "@/lib/api/handler";
import { metricsResponse } from "@/lib/metrics/scrape";

export const dynamic = "force-dynamic";

/**
 * GET /api/metrics — Prometheus text format for this process: TD calls and errors by family and code, poll lag,
 * queue depth, archive backlog, chat TTFT, Node's own. Needs `Authorization: Bearer <STUDIO_METRICS_TOKEN>`
 * (401 without it); with no token configured the endpoint answers 404.
 */
export const GET = metricsRoute((req: NextRequest) => metricsResponse(req.headers));
