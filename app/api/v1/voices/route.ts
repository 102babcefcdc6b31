import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/api/handler";
import { addVoiceRequest } from "@/lib/voices/schema";
import { addVoice, listVoices } from "@/lib/voices/store";

export const dynamic = "force-dynamic";

/** GET /api/v1/voices → {items: team voices (cloned or added by hand), system: MiniMax system voices} */
export const GET = route("team:read", async (_req, caller) => NextResponse.json(await listVoices(caller)));

/** POST /api/v1/voices {voiceId, name, …} → 201 the saved voice (a VoiceId obtained elsewhere, added by hand). */
export const POST = route("voice:manage", async (req, caller) => {
  const v = await addVoice(caller, addVoiceRequest.parse(await readJson(req)));
  return NextResponse.json(v, { status: 201, headers: { Location: `/api/v1/voices/${v.id}` } });
});
