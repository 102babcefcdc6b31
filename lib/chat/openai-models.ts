import { CATALOG } from "@/lib/catalog";

// GET /api/openai/v1/models: OpenAI's list shape, so that tools which list models before chatting (the openai
// SDK's models.list(), Open WebUI, LobeChat, Cherry Studio) find the chat models. The ids are the TD model
// codes the gateway takes as `model`.

/** When the chat models entered the studio's catalog (OpenAI's `created`: Unix seconds). */
const CATALOG_CREATED = Date.UTC(2026, 0, 1) / 1000;

export interface OpenAiModel {
  id: string;
  object: "model";
  created: number;
  owned_by: string;
}

export function openAiModelList(): { object: "list"; data: OpenAiModel[] } {
  return {
    object: "list",
    data: CATALOG.filter((m) => m.family === "chat").map((m) => ({
      id: m.id,
      object: "model",
      created: CATALOG_CREATED,
      // The vendor's name ("OpenAI GPT-5.4" → "openai"), as OpenAI fills it with the owning organisation.
      owned_by: m.vendorName.split(" ")[0].toLowerCase(),
    })),
  };
}
