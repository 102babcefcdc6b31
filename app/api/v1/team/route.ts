import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/api/handler";
import { can } from "@/lib/auth/permissions";
import { getTeam, listInvites, listMembers, updateTeam, updateTeamRequest } from "@/lib/auth/team";

export const dynamic = "force-dynamic";

/** GET /api/v1/team → the current team and its members (and its invites, for admins). */
export const GET = route("team:read", async (_req, caller) =>
  NextResponse.json({
    team: await getTeam(caller),
    members: await listMembers(caller),
    ...(can(caller.role, "team:manage") ? { invites: await listInvites(caller) } : {}),
  }),
);

/** PATCH /api/v1/team {name?, openSignup?} */
export const PATCH = route("team:manage", async (req, caller) =>
  NextResponse.json(await updateTeam(caller, updateTeamRequest.parse(await readJson(req)))),
);
