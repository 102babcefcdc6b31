import type { NextRequest } from "next/server";
import { authorize, withRequestLog } from "@/lib/api/handler";
import { gatewayRequest, handleChatCompletions } from "@/lib/chat/completions";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/chat/completions — OpenAI-compatible gateway to TD's chat models (`model`: T0310001 GPT-5.4,
 * T0106004 DeepSeek-v3.2). Each model's documented options pass through after the wire schema checks them;
 * undocumented ones are dropped and named in `X-Studio-Ignored-Params`. `stream: true` forwards TD's SSE
 * bytes as they arrive. Errors use OpenAI's shape {error:{message,type,code,param}} (see lib/chat/gateway.ts).
 * The same handler answers /api/openai/v1/chat/completions, and in production both paths' bearer-token requests
 * through the server's fast lane (lib/chat/fast-lane.ts), with the same check: `chat:use`.
 */
export async function POST(req: NextRequest): Promise<Response> {
  return withRequestLog(req, () =>
    handleChatCompletions(gatewayRequest(req), (later) => authorize(req, "chat:use", later)),
  );
}
