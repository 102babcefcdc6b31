import { NextResponse } from "next/server";
import { publicRoute, readJson } from "@/lib/api/handler";
import { signIn } from "@/lib/auth/sessions";
import { acceptInvite, acceptInviteRequest, describeInvite } from "@/lib/auth/team";

export const dynamic = "force-dynamic";

/** GET /api/v1/invites/{token} → {teamName, role, expiresAt}, or 404 when the link is not valid any more. */
export const GET = publicRoute<{ token: string }>(async (_req, _caller, { token }) =>
  NextResponse.json(await describeInvite(token)),
);

/**
 * POST /api/v1/invites/{token} — signed in: join the team with the invite's role. Otherwise {name, email,
 * password}: create the account, join, and sign in.
 */
export const POST = publicRoute<{ token: string }>(async (req, caller, { token }) => {
  const body = acceptInviteRequest.parse(await readJson(req));
  const r = await acceptInvite(token, caller?.userId ?? null, body);
  if (caller) return NextResponse.json({ ok: true, teamId: r.teamId });
  return signIn(req.headers, { email: body.email!, password: body.password! }, { ok: true, teamId: r.teamId });
});
