import "server-only";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { addMember, createAccount, roleField, signUpRequest, teamNameField } from "./accounts";
import type { Caller } from "./caller";
import type { Role } from "./permissions";
import type { Scope } from "./scope";

// A team's members, roles and invite links. Callers are checked for `team:manage` by the routes; these
// functions keep the rules that hold whoever asks (the last admin stays, an invite is used once).

export const updateTeamRequest = z.object({ name: teamNameField.optional(), openSignup: z.boolean().optional() });
export const updateMemberRequest = z.object({ role: roleField });
export const createInviteRequest = z.object({
  role: roleField.default("member"),
  expiresInHours: z
    .number()
    .int()
    .min(1, "at least 1 hour")
    .max(24 * 30, "at most 30 days (720 hours)")
    .default(72),
});

export interface MemberView {
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: string;
}

export async function listMembers(scope: Scope): Promise<MemberView[]> {
  const rows = await db().membership.findMany({
    where: { teamId: scope.teamId },
    include: { user: { select: { id: true, name: true, email: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((m) => ({
    userId: m.user.id,
    name: m.user.name,
    email: m.user.email,
    role: m.role as Role,
    joinedAt: m.createdAt.toISOString(),
  }));
}

export async function getTeam(scope: Scope) {
  const t = await db().team.findUniqueOrThrow({ where: { id: scope.teamId } });
  return { id: t.id, name: t.name, openSignup: t.openSignup, createdAt: t.createdAt.toISOString() };
}

export async function updateTeam(scope: Scope, body: z.infer<typeof updateTeamRequest>) {
  if (body.name) {
    const clash = await db().team.findFirst({ where: { name: body.name, id: { not: scope.teamId } } });
    if (clash)
      throw new AppError("conflict", `a team named "${body.name}" already exists`, "name", {
        reason: "team_exists",
        name: body.name,
      });
  }
  await db().team.update({
    where: { id: scope.teamId },
    data: {
      ...(body.name ? { name: body.name } : {}),
      ...(body.openSignup !== undefined ? { openSignup: body.openSignup } : {}),
    },
  });
  return getTeam(scope);
}

async function assertAnotherAdmin(teamId: string, userId: string) {
  const admins = await db().membership.count({ where: { teamId, role: "admin", userId: { not: userId } } });
  if (admins === 0)
    throw new AppError("conflict", "A team needs at least one admin: make someone else admin first.", "role", {
      reason: "last_admin",
    });
}

export async function setMemberRole(caller: Caller, userId: string, role: Role) {
  const m = await db().membership.findUnique({ where: { teamId_userId: { teamId: caller.teamId, userId } } });
  if (!m) throw new AppError("not_found", `member ${userId} does not exist`);
  if (m.role === "admin" && role !== "admin") await assertAnotherAdmin(caller.teamId, userId);
  await db().membership.update({ where: { id: m.id }, data: { role } });
}

/** Remove a person from the team; their API tokens for it stop working at once. Their work stays with the team. */
export async function removeMember(caller: Caller, userId: string) {
  const m = await db().membership.findUnique({ where: { teamId_userId: { teamId: caller.teamId, userId } } });
  if (!m) throw new AppError("not_found", `member ${userId} does not exist`);
  if (m.role === "admin") await assertAnotherAdmin(caller.teamId, userId);
  await db().$transaction([
    db().membership.delete({ where: { id: m.id } }),
    db().apiToken.updateMany({
      where: { userId, teamId: caller.teamId, revokedAt: null },
      data: { revokedAt: new Date() },
    }),
    db().session.updateMany({ where: { userId, teamId: caller.teamId }, data: { teamId: null } }),
  ]);
}

const hashInvite = (token: string) => createHash("sha256").update(token).digest("hex");

export interface InviteView {
  id: string;
  role: Role;
  expiresAt: string;
  createdAt: string;
  createdBy: string;
  state: "open" | "used" | "expired" | "revoked";
}

export async function createInvite(caller: Caller, body: z.infer<typeof createInviteRequest>) {
  const token = randomBytes(24).toString("base64url");
  const row = await db().invite.create({
    data: {
      id: randomUUID(),
      teamId: caller.teamId,
      role: body.role,
      tokenHash: hashInvite(token),
      expiresAt: new Date(Date.now() + body.expiresInHours * 3600_000),
      createdById: caller.userId,
    },
  });
  return {
    id: row.id,
    role: row.role as Role,
    expiresAt: row.expiresAt.toISOString(),
    token,
    path: `/invite/${token}`,
  };
}

export async function listInvites(scope: Scope): Promise<InviteView[]> {
  const rows = await db().invite.findMany({
    where: { teamId: scope.teamId },
    include: { createdBy: { select: { name: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
  });
  const now = Date.now();
  return rows.map((r) => ({
    id: r.id,
    role: r.role as Role,
    expiresAt: r.expiresAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
    createdBy: r.createdBy.name,
    state: r.revokedAt ? "revoked" : r.usedAt ? "used" : r.expiresAt.getTime() < now ? "expired" : "open",
  }));
}

export async function revokeInvite(scope: Scope, id: string) {
  const r = await db().invite.updateMany({
    where: { id, teamId: scope.teamId, usedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (r.count === 0) throw new AppError("not_found", `invite ${id} does not exist or is no longer open`);
}

/** What an invite link offers (for its page), or a 404 when it is unknown, used, revoked or expired. */
export async function describeInvite(token: string) {
  const inv = await db().invite.findUnique({
    where: { tokenHash: hashInvite(token) },
    include: { team: { select: { name: true } } },
  });
  if (!inv || inv.usedAt || inv.revokedAt || inv.expiresAt.getTime() < Date.now())
    throw new AppError(
      "not_found",
      "This invite link is not valid any more: it was used, revoked or has expired. Ask a team admin for a new one.",
    );
  return { teamName: inv.team.name, role: inv.role as Role, expiresAt: inv.expiresAt.toISOString() };
}

export const acceptInviteRequest = signUpRequest.partial();

/**
 * Use an invite once: a signed-in person joins with the invite's role; anyone else creates an account
 * with it. The claim is one conditional update, so two people cannot both use one link.
 */
export async function acceptInvite(
  token: string,
  signedInUserId: string | null,
  body: z.infer<typeof acceptInviteRequest>,
) {
  const inv = await db().invite.findUnique({ where: { tokenHash: hashInvite(token) } });
  if (!inv) throw new AppError("not_found", "This invite link is not valid.");
  const input = signedInUserId ? null : signUpRequest.parse(body);
  const claimed = await db().invite.updateMany({
    where: { id: inv.id, usedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  if (claimed.count === 0)
    throw new AppError(
      "not_found",
      "This invite link is not valid any more: it was used, revoked or has expired. Ask a team admin for a new one.",
    );
  try {
    const userId = signedInUserId ?? (await createAccount(input!)).id;
    await addMember(inv.teamId, userId, inv.role as Role);
    await db().invite.update({ where: { id: inv.id }, data: { usedById: userId } });
    return { userId, teamId: inv.teamId, email: input?.email };
  } catch (e) {
    await db().invite.update({ where: { id: inv.id }, data: { usedAt: null } }); // e.g. the e-mail is taken: the link stays usable
    throw e;
  }
}

/** Open sign-up: allowed only while some team has it switched on; the person joins the oldest such team as a member. */
export async function openSignupTeam() {
  return db().team.findFirst({
    where: { openSignup: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}

export async function listAllTeams() {
  const rows = await db().team.findMany({
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { _count: { select: { memberships: true } } },
  });
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    members: t._count.memberships,
    createdAt: t.createdAt.toISOString(),
  }));
}
