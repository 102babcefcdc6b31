import type { NextRequest } from "next/server";
import { authorize, withRequestLog } from "@/lib/api/handler";
import { handleChatCompletions } from "@/lib/chat/completions";

export const dynamic = "force-dynamic";

/**
 * POST /api/openai/v1/chat/completions — the OpenAI-compatible base's chat endpoint: the very handler of
 * /api/v1/chat/completions (same checks, same stream, same OpenAI-shaped errors).
 */
export async function POST(req: NextRequest): Promise<Response> {
  return withRequestLog(req, () => handleChatCompletions(req, (later) => authorize(req, "chat:use", later)));
}
