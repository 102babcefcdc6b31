import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auth, PASSWORD_MAX, PASSWORD_MIN } from "./better-auth";
import { ROLES, type Role } from "./permissions";

// People and their teams: the first run, new accounts (setup, invites, open sign-up, the CLI) and
// memberships. One code path for every way an account is made, so the rules are stated once.

export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("enter a valid e-mail address"))
  .pipe(z.string().max(254));
export const passwordField = z
  .string()
  .min(PASSWORD_MIN, `a password needs at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `a password has at most ${PASSWORD_MAX} characters`);
export const nameField = z.string().trim().min(1, "enter a name").max(80, "at most 80 characters");
export const teamNameField = z.string().trim().min(1, "enter a team name").max(80, "at most 80 characters");
export const roleField = z.enum(ROLES);

export const signUpRequest = z.object({ name: nameField, email: emailField, password: passwordField });
export const setupRequest = signUpRequest.extend({ teamName: teamNameField });

let known = false;
/** Whether anyone has an account yet (once true it stays true, so pages skip the count). */
export async function hasUsers(): Promise<boolean> {
  if (known) return true;
  known = (await db().user.count()) > 0;
  return known;
}

/** A new account with an e-mail + password credential, through better-auth's hashing and tables. */
export async function createAccount(
  input: z.infer<typeof signUpRequest> & { operator?: boolean },
): Promise<{ id: string; email: string; name: string }> {
  const ctx = await auth().$context;
  if (await db().user.findUnique({ where: { email: input.email } }))
    throw new AppError("conflict", `an account for ${input.email} already exists`, "email", {
      reason: "account_exists",
    });
  const hash = await ctx.password.hash(input.password);
  const user = await ctx.internalAdapter.createUser(
    { email: input.email, name: input.name, emailVerified: false },
    { method: "email-password" },
  );
  await ctx.internalAdapter.linkAccount({
    userId: user.id,
    providerId: "credential",
    accountId: user.id,
    password: hash,
  });
  if (input.operator) await db().user.update({ where: { id: user.id }, data: { operator: true } });
  known = true;
  return { id: user.id, email: user.email, name: user.name };
}

export async function setPassword(userId: string, password: string): Promise<void> {
  passwordField.parse(password);
  const ctx = await auth().$context;
  await ctx.internalAdapter.updatePassword(userId, await ctx.password.hash(password));
}

/**
 * The first run: the first account becomes an operator and the admin of the first team, and every record
 * made before accounts existed moves into that team. Refused once anyone has an account.
 */
export async function setupFirstAccount(input: z.infer<typeof setupRequest>) {
  if (await hasUsers())
    throw new AppError("conflict", "The studio is already set up; sign in instead.", undefined, {
      reason: "already_set_up",
    });
  const user = await createAccount({ ...input, operator: true });
  if ((await db().user.count()) > 1) {
    // Two setups raced: the later one gives way.
    await db().user.delete({ where: { id: user.id } });
    throw new AppError("conflict", "The studio was just set up by someone else; sign in instead.", undefined, {
      reason: "already_set_up",
    });
  }
  const team = await createTeam(input.teamName, user.id, "admin");
  await adoptUnownedRecords(team.id, user.id);
  return { user, team };
}

/** Rows from before accounts existed (teamId empty) belong to the first team and its first admin. */
export async function adoptUnownedRecords(teamId: string, userId: string): Promise<void> {
  const data = { teamId, createdById: userId };
  const where = { teamId: null };
  await db().$transaction([
    db().generation.updateMany({ where, data }),
    db().asset.updateMany({ where, data }),
    db().voice.updateMany({ where, data }),
    db().seedanceAsset.updateMany({ where, data }),
    db().conversation.updateMany({ where, data }),
  ]);
}

export async function createTeam(name: string, firstUserId: string, role: Role = "admin") {
  if (await db().team.findUnique({ where: { name } }))
    throw new AppError("conflict", `a team named "${name}" already exists`, "name", { reason: "team_exists", name });
  const team = await db().team.create({ data: { id: randomUUID(), name } });
  await addMember(team.id, firstUserId, role);
  return team;
}

export async function addMember(teamId: string, userId: string, role: Role) {
  return db().membership.upsert({
    where: { teamId_userId: { teamId, userId } },
    create: { id: randomUUID(), teamId, userId, role },
    update: { role },
  });
}

export async function teamsOf(userId: string) {
  const rows = await db().membership.findMany({
    where: { userId },
    include: { team: { select: { id: true, name: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((m) => ({ id: m.team.id, name: m.team.name, role: m.role as Role }));
}
