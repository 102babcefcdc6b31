import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/api/handler";
import { updateVoiceRequest } from "@/lib/voices/schema";
import { deleteVoice, getVoice, updateVoice } from "@/lib/voices/store";

export const dynamic = "force-dynamic";

export const GET = route<{ id: string }>("team:read", async (_req, caller, { id }) =>
  NextResponse.json(await getVoice(caller, id)),
);

/** PATCH {name?, description?, gender?, age?, labels?, scenes?, language?} → the voice. */
export const PATCH = route<{ id: string }>("voice:manage", async (req, caller, { id }) =>
  NextResponse.json(await updateVoice(caller, id, updateVoiceRequest.parse(await readJson(req)))),
);

/** DELETE → 204. The sample asset and the generation that cloned it are kept. */
export const DELETE = route<{ id: string }>("voice:manage", async (_req, caller, { id }) => {
  await deleteVoice(caller, id);
  return new NextResponse(null, { status: 204 });
});
