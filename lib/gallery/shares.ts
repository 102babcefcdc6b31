import "server-only";
import { createHash, createHmac, randomBytes, randomUUID, scrypt, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";
import type { z } from "zod";
import { assertNotLimited, consume, resetLimit } from "@/lib/auth/rate-limit";
import type { Scope } from "@/lib/auth/scope";
import { config } from "@/lib/config";
import { studioSecret } from "@/lib/config/secrets";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createShareRequest, listSharesQuery, unlockShareRequest } from "./share-schema";

export { createShareRequest, listSharesQuery, unlockShareRequest };

const scryptAsync = promisify(scrypt) as (pw: string, salt: Buffer, len: number) => Promise<Buffer>;

/** 192 random bits: unguessable, and only its SHA-256 is stored (a database leak does not leak working links). */
const newToken = () => randomBytes(24).toString("base64url");
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password.normalize("NFC"), salt, 32);
  return `${salt.toString("hex")}:${hash.toString("hex")}`;
}

async function passwordMatches(password: string, stored: string): Promise<boolean> {
  const [salt, hash] = stored.split(":");
  const got = await scryptAsync(password.normalize("NFC"), Buffer.from(salt, "hex"), 32);
  const want = Buffer.from(hash, "hex");
  return got.length === want.length && timingSafeEqual(got, want);
}

export type ShareState = "active" | "expired" | "revoked";

export interface ShareView {
  id: string;
  target: { kind: "asset"; assetId: string } | { kind: "board"; boardId: string };
  state: ShareState;
  expiresAt?: string;
  hasPassword: boolean;
  showPrompt: boolean;
  allowDownload: boolean;
  viewCount: number;
  lastViewedAt?: string;
  revokedAt?: string;
  createdAt: string;
  createdBy: { id: string; name: string } | null;
}

type Row = NonNullable<Awaited<ReturnType<typeof findRow>>>;
const findRow = (where: { id: string; teamId: string }) =>
  db().share.findFirst({ where, include: { createdBy: { select: { id: true, name: true } } } });

function stateOf(s: { revokedAt: Date | null; expiresAt: Date | null }): ShareState {
  if (s.revokedAt) return "revoked";
  if (s.expiresAt && s.expiresAt.getTime() <= Date.now()) return "expired";
  return "active";
}

function view(s: Row): ShareView {
  return {
    id: s.id,
    target: s.assetId ? { kind: "asset", assetId: s.assetId } : { kind: "board", boardId: s.boardId ?? "" },
    state: stateOf(s),
    ...(s.expiresAt ? { expiresAt: s.expiresAt.toISOString() } : {}),
    hasPassword: !!s.passwordHash,
    showPrompt: s.showPrompt,
    allowDownload: s.allowDownload,
    viewCount: s.viewCount,
    ...(s.lastViewedAt ? { lastViewedAt: s.lastViewedAt.toISOString() } : {}),
    ...(s.revokedAt ? { revokedAt: s.revokedAt.toISOString() } : {}),
    createdAt: s.createdAt.toISOString(),
    createdBy: s.createdBy,
  };
}

/** The address people open: PUBLIC_BASE_URL when set, else the origin the creator's request came to. */
function linkFor(token: string, origin: string): string {
  const base = (config().PUBLIC_BASE_URL ?? origin).replace(/\/+$/, "");
  return `${base}/s/${token}`;
}

/** POST /api/v1/shares → the link (its token is shown this once) and the share's facts. */
export async function createShare(
  scope: Scope,
  body: z.infer<typeof createShareRequest>,
  origin: string,
): Promise<ShareView & { url: string }> {
  if (body.assetId) {
    const a = await db().asset.findFirst({
      where: { id: body.assetId, teamId: scope.teamId, trashedAt: null },
      select: { id: true },
    });
    if (!a) throw new AppError("not_found", `asset ${body.assetId} does not exist`);
  } else {
    const b = await db().board.findFirst({ where: { id: body.boardId, teamId: scope.teamId }, select: { id: true } });
    if (!b) throw new AppError("not_found", `board ${body.boardId} does not exist`);
  }
  const token = newToken();
  const id = randomUUID();
  await db().share.create({
    data: {
      id,
      teamId: scope.teamId,
      createdById: scope.userId,
      tokenHash: hashToken(token),
      assetId: body.assetId ?? null,
      boardId: body.boardId ?? null,
      passwordHash: body.password ? await hashPassword(body.password) : null,
      showPrompt: body.showPrompt,
      allowDownload: body.allowDownload,
      expiresAt: body.expiresAt ? new Date(body.expiresAt) : null,
    },
  });
  const row = await findRow({ id, teamId: scope.teamId });
  if (!row) throw new AppError("internal", "the share was not recorded");
  return { ...view(row), url: linkFor(token, origin) };
}

/** The team's links, newest first (a team has hundreds at most), optionally of one asset or board. */
export async function listShares(scope: Scope, q: z.infer<typeof listSharesQuery>): Promise<ShareView[]> {
  const rows = await db().share.findMany({
    where: {
      teamId: scope.teamId,
      ...(q.assetId ? { assetId: q.assetId } : {}),
      ...(q.boardId ? { boardId: q.boardId } : {}),
    },
    include: { createdBy: { select: { id: true, name: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 500,
  });
  return rows.map(view);
}

/** DELETE /api/v1/shares/{id}: the link stops working at once (the record stays, with its view count). */
export async function revokeShare(scope: Scope, id: string): Promise<ShareView> {
  const row = await findRow({ id, teamId: scope.teamId });
  if (!row) throw new AppError("not_found", `share ${id} does not exist`);
  if (!row.revokedAt) await db().share.update({ where: { id }, data: { revokedAt: new Date() } });
  return view((await findRow({ id, teamId: scope.teamId }))!);
}

// ───────────── the public side: whoever holds the token ─────────────

export type OpenShare = NonNullable<Awaited<ReturnType<typeof findByToken>>>;
const findByToken = (token: string) =>
  db().share.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { asset: { select: { trashedAt: true } }, board: { select: { name: true } } },
  });

/**
 * The share a token opens, or one 404 for every reason (unknown, revoked, expired, its asset in the trash): the
 * answer tells a guesser nothing.
 */
export async function openShare(token: string): Promise<OpenShare> {
  const s = token.length >= 16 && token.length <= 64 ? await findByToken(token) : null;
  if (!s || stateOf(s) !== "active" || (s.assetId && s.asset?.trashedAt))
    throw new AppError("not_found", "this link does not exist, has expired or was revoked");
  return s;
}

export const unlockCookieName = (share: { id: string }) => `td_share_${share.id}`;

/** The unlock cookie's value: bound to the share and its password hash (a new password locks old cookies out). */
function unlockValue(share: { id: string; passwordHash: string | null }): string {
  const secret = studioSecret("signing-secret", config().STUDIO_SIGNING_SECRET);
  return createHmac("sha256", secret).update(`share.${share.id}.${share.passwordHash}`).digest("base64url");
}

export function isUnlocked(share: OpenShare, cookieValue: string | undefined): boolean {
  if (!share.passwordHash) return true;
  if (!cookieValue) return false;
  const want = Buffer.from(unlockValue(share));
  const got = Buffer.from(cookieValue);
  return got.length === want.length && timingSafeEqual(got, want);
}

/** Throws 404 (not open) or 401 (locked): what the public file routes check before a byte is sent. */
export async function requireOpenShare(token: string, cookie: (name: string) => string | undefined) {
  const share = await openShare(token);
  if (!isUnlocked(share, cookie(unlockCookieName(share))))
    throw new AppError("unauthorized", "this link needs its password", undefined, { reason: "share_password" });
  return share;
}

/**
 * A password attempt, limited per share and address (wrong answers count; a right one clears the count).
 * → the cookie to set.
 */
export async function unlockShare(
  token: string,
  password: string,
  ip: string,
): Promise<{ name: string; value: string; expires?: Date }> {
  const share = await openShare(token);
  if (!share.passwordHash) return { name: unlockCookieName(share), value: unlockValue(share) };
  const key = `${share.id}:${ip}`;
  await assertNotLimited("share-password", key);
  if (!(await passwordMatches(password, share.passwordHash))) {
    await consume("share-password", key);
    throw new AppError("forbidden", "the password is not right", "password", { reason: "share_password_wrong" });
  }
  await resetLimit("share-password", key);
  return { name: unlockCookieName(share), value: unlockValue(share), expires: share.expiresAt ?? undefined };
}

/** One more view (a page shown to someone who may see it; file requests do not count). */
export async function countView(share: OpenShare): Promise<void> {
  await db().share.update({
    where: { id: share.id },
    data: { viewCount: { increment: 1 }, lastViewedAt: new Date() },
  });
}
