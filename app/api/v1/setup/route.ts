import { NextResponse } from "next/server";
import { publicRoute, readJson } from "@/lib/api/handler";
import { hasUsers, setupRequest, setupFirstAccount } from "@/lib/auth/accounts";
import { signIn } from "@/lib/auth/sessions";

export const dynamic = "force-dynamic";

/** GET /api/v1/setup → {needed}: whether the studio still waits for its first account. */
export const GET = publicRoute(async () => NextResponse.json({ needed: !(await hasUsers()) }));

/** POST /api/v1/setup {name, email, password, teamName} → the first account (operator, admin of the first team), signed in. */
export const POST = publicRoute(async (req) => {
  const body = setupRequest.parse(await readJson(req));
  const { team } = await setupFirstAccount(body);
  return signIn(req.headers, { email: body.email, password: body.password }, { ok: true, teamId: team.id });
});
