import "server-only";
import * as nodeCrypto from "node:crypto";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { AfterFirstByte } from "@/lib/api/server-timing";
import type { Scope } from "./scope";

/** `tds_` + 32 random bytes: long enough that a plain SHA-256 at rest is safe (no salt needed, like GitHub's). */
const TOKEN_PREFIX = "tds_";

export const createTokenRequest = z.object({
  name: z.string().trim().min(1, "a token needs a name").max(80, "at most 80 characters"),
});

// One-shot hashing (Node ≥ 20.12) makes no Hash object: every token request hashes its token to find its caller,
// and on the chat gateway's hot path that took ~90 µs through createHash against ~11 µs (a cold process, bench:chat).
const oneShot = (nodeCrypto as { hash?: (algorithm: string, data: string) => string }).hash;

export function hashToken(token: string): string {
  return oneShot ? oneShot("sha256", token) : createHash("sha256").update(token).digest("hex");
}

export interface TokenView {
  id: string;
  name: string;
  prefix: string;
  teamId: string;
  createdAt: string;
  lastUsedAt: string | null;
}

type Row = { id: string; name: string; prefix: string; teamId: string; createdAt: Date; lastUsedAt: Date | null };
const view = (t: Row): TokenView => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  teamId: t.teamId,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
});

/** A new token for the caller in their current team; the secret is returned here and never again. */
export async function createToken(scope: Scope, name: string): Promise<TokenView & { token: string }> {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const row = await db().apiToken.create({
    data: {
      id: randomUUID(),
      name,
      tokenHash: hashToken(token),
      prefix: token.slice(0, 10),
      userId: scope.userId,
      teamId: scope.teamId,
    },
  });
  return { ...view(row), token };
}

export async function listTokens(scope: Scope): Promise<TokenView[]> {
  const rows = await db().apiToken.findMany({
    where: { userId: scope.userId, teamId: scope.teamId, revokedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return rows.map(view);
}

/** Revoke one of the caller's own tokens (another person's token, or another team's, is a 404). */
export async function revokeToken(scope: Scope, id: string): Promise<void> {
  const r = await db().apiToken.updateMany({
    where: { id, userId: scope.userId, teamId: scope.teamId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (r.count === 0) throw new AppError("not_found", `token ${id} does not exist`);
}

export type TokenOwner = { tokenId: string; userId: string; teamId: string };

/**
 * The token's owner and team, or null when it is unknown or revoked. Touches `lastUsedAt` at most once a minute
 * (on a hot path, after the answer's first byte: `later`).
 */
export async function verifyToken(token: string, later?: AfterFirstByte): Promise<TokenOwner | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await db().apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, userId: true, teamId: true, revokedAt: true, lastUsedAt: true },
  });
  if (!row || row.revokedAt) return null;
  const now = Date.now();
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > 60_000) {
    const touch = () => db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
    if (later) later.add(touch);
    else await touch();
  }
  return { tokenId: row.id, userId: row.userId, teamId: row.teamId };
}
