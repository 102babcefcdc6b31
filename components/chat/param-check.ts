import { chatModels } from "@/lib/catalog/chat-models";
import { describeIssue } from "@/lib/catalog/validate";

// The chat models' parameter check, with the catalog's own schemas (zod). It loads with the settings panel, or
// when a message is sent with settings changed — not with the chat page: untouched settings are the defaults.

export type Params = Record<string, unknown>;

/** Problems with the params, by name, in the catalog's words (the server checks the same schema). */
export function paramErrors(model: string, params: Params): Record<string, string> {
  const schema = chatModels.find((m) => m.id === model)?.modes[0].params ?? chatModels[0].modes[0].params;
  const r = schema.strict().safeParse(params);
  if (r.success) return {};
  return Object.fromEntries(r.error.issues.map((i) => [String(i.path[0] ?? ""), describeIssue(i).message]));
}
