import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auth } from "./better-auth";
import { can, isRole, permissionsOf, type Permission, type Role } from "./permissions";
import type { AfterFirstByte } from "@/lib/api/server-timing";
import { consume, consumeLater } from "./rate-limit";
import type { Scope } from "./scope";
import { cachedCaller, rememberCaller } from "./caller-cache";
import { hashToken, verifyToken } from "./tokens";

/**
 * Who is asking, in which team, with which role. The one answer every route handler, server component
 * and server action works from (resolved here from the session cookie or an API token).
 */
export interface Caller extends Scope {
  user: { id: string; name: string; email: string; operator: boolean };
  team: { id: string; name: string };
  role: Role;
  permissions: Permission[];
  via: "session" | "token";
  /** The better-auth session token (cookie callers) — for the team switcher and sign-out. */
  sessionToken?: string;
  tokenId?: string;
}

/**
 * `Authorization: Bearer <token>` wins over a cookie; a bad token is refused, never silently ignored. A hot path
 * passes `later`: the token's counting and last-use writes then wait until its answer's first byte is out.
 */
export async function resolveCaller(headers: Headers, later?: AfterFirstByte): Promise<Caller | null> {
  const authz = headers.get("authorization");
  if (authz && /^bearer /i.test(authz)) {
    const secret = authz.slice(7).trim();
    // A token's caller is remembered for a moment (lib/auth/caller-cache.ts): no reads per request. Every change
    // that could revoke, narrow or rename it forgets it at once (the list is in caller-cache.ts).
    const key = hashToken(secret);
    const known = cachedCaller<Caller>(key);
    if (known) {
      if (later) await consumeLater("token", known.tokenId!, later);
      else await consume("token", known.tokenId!);
      return known;
    }
    const owner = await verifyToken(secret, later);
    if (!owner)
      throw new AppError("unauthorized", "This API token is not valid or has been revoked.", undefined, {
        reason: "token_invalid",
      });
    if (later) await consumeLater("token", owner.tokenId, later);
    else await consume("token", owner.tokenId);
    const c = await build(owner.userId, owner.teamId, "token");
    if (!c)
      throw new AppError("unauthorized", "This API token's owner is no longer a member of its team.", undefined, {
        reason: "token_orphaned",
      });
    const caller = { ...c, tokenId: owner.tokenId };
    rememberCaller(key, caller);
    return caller;
  }
  if (!headers.get("cookie")) return null;
  const s = await auth().api.getSession({ headers });
  if (!s) return null;
  const sessionTeam = (s.session as { teamId?: string | null }).teamId ?? null;
  let c = sessionTeam ? await build(s.user.id, sessionTeam, "session") : null;
  if (!c) {
    // No team chosen yet, or the person left it: take their oldest membership and keep it in the session.
    const first = await db().membership.findFirst({
      where: { userId: s.user.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    if (!first)
      throw new AppError("no_team", "Your account is not a member of any team. Ask a team admin for an invite link.");
    await db().session.updateMany({ where: { token: s.session.token }, data: { teamId: first.teamId } });
    c = await build(s.user.id, first.teamId, "session");
    if (!c) return null;
  }
  return { ...c, sessionToken: s.session.token };
}

async function build(userId: string, teamId: string, via: Caller["via"]): Promise<Caller | null> {
  const m = await db().membership.findUnique({
    where: { teamId_userId: { teamId, userId } },
    include: {
      team: { select: { id: true, name: true } },
      user: { select: { id: true, name: true, email: true, operator: true } },
    },
  });
  if (!m || !isRole(m.role)) return null;
  return { teamId, userId, user: m.user, team: m.team, role: m.role, permissions: permissionsOf(m.role), via };
}

/** No caller → 401; a caller without the permission → 403 naming it. */
export function requirePermission(caller: Caller | null, permission: Permission | undefined): Caller {
  if (!caller)
    throw new AppError("unauthorized", "Sign in first, or send an API token as `Authorization: Bearer <token>`.");
  if (permission && !can(caller.role, permission)) {
    throw new AppError(
      "forbidden",
      `Your role in ${caller.team.name} (${caller.role}) does not have the permission "${permission}".`,
      undefined,
      { permission, reason: "permission", role: caller.role },
    );
  }
  return caller;
}

export function requireOperator(caller: Caller | null): Caller {
  const c = requirePermission(caller, undefined);
  if (!c.user.operator)
    throw new AppError(
      "forbidden",
      'Only an operator of the studio may do this (permission "studio:operate").',
      undefined,
      { permission: "studio:operate", reason: "operator" },
    );
  return c;
}
