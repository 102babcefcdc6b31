import type { NextRequest } from "next/server";
import { authorize, withRequestLog } from "@/lib/api/handler";
import { gatewayRequest, handleChatCompletions } from "@/lib/chat/completions";

export const dynamic = "force-dynamic";

/**
 * POST /api/openai/v1/chat/completions — the OpenAI-compatible base's chat endpoint: the very handler of
 * /api/v1/chat/completions (same checks, same stream, same OpenAI-shaped errors), and like it served in production
 * through the server's fast lane (lib/chat/fast-lane.ts) when the caller sends a bearer token.
 */
export async function POST(req: NextRequest): Promise<Response> {
  return withRequestLog(req, () =>
    handleChatCompletions(gatewayRequest(req), (later) => authorize(req, "chat:use", later)),
  );
}
