import type { NextRequest } from "next/server";
import { authorize } from "@/lib/api/handler";
import { readBodyText } from "@/lib/api/request-guards";
import { consume } from "@/lib/auth/rate-limit";
import { completeChat, gatewayErrorResponse } from "@/lib/chat/completions";
import { config } from "@/lib/config";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/chat/completions — OpenAI-compatible gateway to TD's chat models (`model`: T0310001 GPT-5.4,
 * T0106004 DeepSeek-v3.2). Each model's documented options pass through after the wire schema checks them;
 * undocumented ones are dropped and named in `X-Studio-Ignored-Params`. `stream: true` forwards TD's SSE
 * bytes as they arrive. Errors use OpenAI's shape {error:{message,type,code,param}} (see lib/chat/gateway.ts).
 */
export async function POST(req: NextRequest): Promise<Response> {
  const t0 = performance.now();
  try {
    const caller = await authorize(req, "chat:use");
    await consume("chat", caller.userId);
    const text = await readBodyText(req, config().STUDIO_CHAT_BODY_LIMIT);
    return await completeChat(text, req.signal, t0);
  } catch (e) {
    return gatewayErrorResponse(e);
  }
}
