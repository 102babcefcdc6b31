import { NextResponse } from "next/server";
import { publicRoute, readJson } from "@/lib/api/handler";
import { acceptCallback } from "@/lib/generations/callback";

export const dynamic = "force-dynamic";

// TD's callback_url (Seedance): the signature in the URL is the access; the body (the task, as the status
// query answers it) only says whether a poll is worth making now.
export const POST = publicRoute<{ id: string }>(async (req, _caller, { id }) => {
  const body = (await readJson(req, 256 * 1024).catch(() => ({}))) as { status?: unknown };
  const woke = await acceptCallback(id, req.nextUrl.searchParams.get("sig"), body?.status);
  return NextResponse.json({ ok: true, woke });
});
