import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/api/handler";
import { getPrompt, ownedPrompt, updatePrompt } from "@/lib/prompts/library";
import { updatePromptRequest } from "@/lib/prompts/schema";

export const dynamic = "force-dynamic";

/** The prompt, every version, and which generations used which version. */
export const GET = route<{ id: string }>("team:read", async (_req, caller, { id }) => {
  return NextResponse.json(await getPrompt(caller, id));
});

/** Name, tags, notes (the text changes by a new version). */
export const PATCH = route<{ id: string }>("generation:create", async (req, caller, { id }) => {
  await ownedPrompt(caller, id);
  const body = updatePromptRequest.parse(await readJson(req));
  return NextResponse.json(await updatePrompt(caller, id, body));
});
