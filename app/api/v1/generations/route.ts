import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/api/handler";
import { consume } from "@/lib/auth/rate-limit";
import { createGeneration } from "@/lib/generations/create";
import { listGenerations } from "@/lib/generations/queries";
import { createGenerationRequest, listGenerationsQuery } from "@/lib/generations/schema";

export const dynamic = "force-dynamic";

/** POST /api/v1/generations → 201 with the record (already sent upstream, or failed with the reason). */
export const POST = route("generation:create", async (req, caller) => {
  const body = createGenerationRequest.parse(await readJson(req));
  await consume("create", caller.userId);
  const gen = await createGeneration(body, caller);
  return NextResponse.json(gen, { status: 201, headers: { Location: `/api/v1/generations/${gen.id}` } });
});

/** GET /api/v1/generations?status=&model=&mode=&cursor= → {items, nextCursor} */
export const GET = route("team:read", async (req, caller) => {
  const q = listGenerationsQuery.parse(Object.fromEntries(req.nextUrl.searchParams));
  return NextResponse.json(await listGenerations(caller, q));
});
