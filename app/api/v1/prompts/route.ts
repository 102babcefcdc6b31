import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/api/handler";
import { createPrompt, listPrompts } from "@/lib/prompts/library";
import { createPromptRequest, listPromptsQuery } from "@/lib/prompts/schema";

export const dynamic = "force-dynamic";

/** GET ?q=&tag=&cursor=&limit= → {items, nextCursor}, most recently changed first. */
export const GET = route("team:read", async (req, caller) => {
  const q = listPromptsQuery.parse(Object.fromEntries(req.nextUrl.searchParams));
  return NextResponse.json(await listPrompts(caller, q));
});

/** POST {name, body, variables?, tags?, notes?} → 201 the prompt with its version 1. */
export const POST = route("generation:create", async (req, caller) => {
  const body = createPromptRequest.parse(await readJson(req));
  const p = await createPrompt(caller, body);
  return NextResponse.json(p, { status: 201, headers: { Location: `/api/v1/prompts/${p.id}` } });
});
