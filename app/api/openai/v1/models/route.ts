import type { NextRequest } from "next/server";
import { authorize } from "@/lib/api/handler";
import { gatewayErrorResponse } from "@/lib/chat/completions";
import { openAiModelList } from "@/lib/chat/openai-models";

export const dynamic = "force-dynamic";

/** GET /api/openai/v1/models — the chat models in OpenAI's `{object: "list", data: [...]}` shape. */
export async function GET(req: NextRequest): Promise<Response> {
  try {
    await authorize(req, "chat:use");
    return Response.json(openAiModelList());
  } catch (e) {
    return gatewayErrorResponse(e);
  }
}
