import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/api/handler";
import { addPromptVersion, ownedPrompt } from "@/lib/prompts/library";
import { createPromptVersionRequest } from "@/lib/prompts/schema";

export const dynamic = "force-dynamic";

/** POST {body, variables?, note?, source?: "manual" | "improve"} → 201 the prompt with its new version. */
export const POST = route<{ id: string }>("generation:create", async (req, caller, { id }) => {
  await ownedPrompt(caller, id);
  const body = createPromptVersionRequest.parse(await readJson(req));
  return NextResponse.json(await addPromptVersion(caller, id, body), { status: 201 });
});
