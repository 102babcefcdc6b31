import "server-only";
import { APIError } from "better-auth/api";
import { NextResponse } from "next/server";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { emailField, passwordField } from "./accounts";
import { auth } from "./better-auth";
import { assertNotLimited, consume, resetLimit } from "./rate-limit";

export const signInRequest = z.object({
  email: emailField,
  password: z.string().min(1, "enter your password").max(1024),
});

/** The client's address as the nearest proxy (or Next itself) saw it; the key of the per-IP limits. */
export function clientIp(headers: Headers): string {
  const fwd = headers.get("x-forwarded-for");
  return fwd?.split(",")[0]?.trim() || headers.get("x-real-ip") || "unknown";
}

/** Copy better-auth's Set-Cookie headers onto our answer. */
function withCookies(res: NextResponse, from: Headers): NextResponse {
  for (const c of from.getSetCookie()) res.headers.append("Set-Cookie", c);
  return res;
}

/**
 * Sign in with e-mail + password: limited per IP (every attempt) and per account (failed attempts), so
 * guessing is slow from one place and against one person; the answer says how long to wait.
 */
export async function signIn(
  headers: Headers,
  input: z.infer<typeof signInRequest>,
  body: unknown = { ok: true },
): Promise<NextResponse> {
  await consume("signin-ip", clientIp(headers));
  await assertNotLimited("signin-account", input.email);
  try {
    const r = await auth().api.signInEmail({
      body: { email: input.email, password: input.password, rememberMe: true },
      headers,
      returnHeaders: true,
    });
    await resetLimit("signin-account", input.email);
    return withCookies(NextResponse.json(body), r.headers);
  } catch (e) {
    if (e instanceof APIError && (e.statusCode === 401 || e.statusCode === 400)) {
      await consume("signin-account", input.email); // over the limit, this answers 429 with the wait
      throw new AppError("unauthorized", "The e-mail or password is not right.", "password", {
        reason: "wrong_password",
      });
    }
    throw e;
  }
}

export async function signOut(headers: Headers): Promise<NextResponse> {
  try {
    const r = await auth().api.signOut({ headers, returnHeaders: true });
    return withCookies(NextResponse.json({ ok: true }), r.headers);
  } catch {
    return NextResponse.json({ ok: true }); // already signed out
  }
}

export interface SessionView {
  id: string;
  current: boolean;
  userAgent: string | null;
  ipAddress: string | null;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
}

export async function listSessions(userId: string, currentToken: string | undefined): Promise<SessionView[]> {
  const rows = await db().session.findMany({
    where: { userId, expiresAt: { gt: new Date() } },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
  });
  return rows.map((s) => ({
    id: s.id,
    current: s.token === currentToken,
    userAgent: s.userAgent,
    ipAddress: s.ipAddress,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
  }));
}

/** "Sign out everywhere": every session of this person ends, this one too (the answer clears its cookie). */
export async function signOutEverywhere(headers: Headers, userId: string): Promise<NextResponse> {
  await db().session.deleteMany({ where: { userId } });
  return signOut(headers);
}

export async function revokeSession(userId: string, id: string): Promise<void> {
  const r = await db().session.deleteMany({ where: { id, userId } });
  if (r.count === 0) throw new AppError("not_found", `session ${id} does not exist`);
}

export const changePasswordRequest = z.object({
  currentPassword: z.string().min(1, "enter your current password").max(1024),
  newPassword: passwordField,
});

/** A new password (checked against the current one); every other session of the person ends. */
export async function changePassword(
  headers: Headers,
  body: z.infer<typeof changePasswordRequest>,
): Promise<NextResponse> {
  try {
    const r = await auth().api.changePassword({
      body: { ...body, revokeOtherSessions: true },
      headers,
      returnHeaders: true,
    });
    return withCookies(NextResponse.json({ ok: true }), r.headers);
  } catch (e) {
    if (e instanceof APIError && e.statusCode === 400) {
      throw new AppError("validation_failed", "The current password is not right.", "currentPassword");
    }
    throw e;
  }
}

/** The team switcher: this session now works in another of the person's teams. */
export async function switchTeam(sessionToken: string, userId: string, teamId: string): Promise<void> {
  const m = await db().membership.findUnique({ where: { teamId_userId: { teamId, userId } } });
  if (!m) throw new AppError("not_found", `team ${teamId} does not exist`);
  await db().session.updateMany({ where: { token: sessionToken, userId }, data: { teamId } });
}
