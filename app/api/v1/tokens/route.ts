import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/api/handler";
import { createToken, createTokenRequest, listTokens } from "@/lib/auth/tokens";

export const dynamic = "force-dynamic";

/** GET /api/v1/tokens → {items}: the caller's tokens in the current team (never the secrets). */
export const GET = route("token:manage", async (_req, caller) =>
  NextResponse.json({ items: await listTokens(caller) }),
);

/** POST /api/v1/tokens {name} → 201 {id, name, token}: the token appears in this answer only. */
export const POST = route("token:manage", async (req, caller) => {
  const { name } = createTokenRequest.parse(await readJson(req));
  return NextResponse.json(await createToken(caller, name), { status: 201 });
});
