import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/api/handler";
import { createInvite, createInviteRequest, listInvites } from "@/lib/auth/team";

export const dynamic = "force-dynamic";

export const GET = route("team:manage", async (_req, caller) =>
  NextResponse.json({ items: await listInvites(caller) }),
);

/** POST /api/v1/team/invites {role, expiresInHours} → 201 {id, role, expiresAt, token, path}: the link is shown once. */
export const POST = route("team:manage", async (req, caller) =>
  NextResponse.json(await createInvite(caller, createInviteRequest.parse(await readJson(req))), { status: 201 }),
);
