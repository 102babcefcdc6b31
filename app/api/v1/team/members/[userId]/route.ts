import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/api/handler";
import { listMembers, removeMember, setMemberRole, updateMemberRequest } from "@/lib/auth/team";

export const dynamic = "force-dynamic";

/** PATCH /api/v1/team/members/{userId} {role} — the last admin keeps their role. */
export const PATCH = route<{ userId: string }>("team:manage", async (req, caller, { userId }) => {
  await setMemberRole(caller, userId, updateMemberRequest.parse(await readJson(req)).role);
  return NextResponse.json({ items: await listMembers(caller) });
});

/** DELETE /api/v1/team/members/{userId} — removes the person; their tokens for this team stop working. */
export const DELETE = route<{ userId: string }>("team:manage", async (_req, caller, { userId }) => {
  await removeMember(caller, userId);
  return new Response(null, { status: 204 });
});
