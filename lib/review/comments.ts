import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { getAsset } from "@/lib/assets/list";
import type { Scope } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { decodeCursor, encodeCursor } from "@/lib/gallery/cursor";
import { parseMentions } from "./mentions";
import { notify } from "./notifications";
import type { createCommentRequest, listCommentsQuery, Shape, updateCommentRequest } from "./schema";

export interface CommentView {
  id: string;
  assetId: string;
  parentId: string | null;
  body: string;
  author: { id: string; name: string } | null;
  timeSeconds?: number;
  endSeconds?: number;
  shapes?: Shape[];
  mentions: { id: string; name: string }[];
  resolved: boolean;
  resolvedAt?: string;
  resolvedBy?: { id: string; name: string };
  editedAt?: string;
  createdAt: string;
}

type Row = Awaited<ReturnType<typeof loadRows>>[number];

function loadRows(where: { id?: string; assetId?: string; teamId: string; createdAt?: unknown }, take?: number) {
  return db().comment.findMany({
    where: where as never,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take,
    include: { author: { select: { id: true, name: true } } },
  });
}

async function views(rows: Row[]): Promise<CommentView[]> {
  const ids = new Set<string>();
  for (const r of rows) {
    for (const m of JSON.parse(r.mentions) as string[]) ids.add(m);
    if (r.resolvedById) ids.add(r.resolvedById);
  }
  const users = ids.size
    ? await db().user.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true } })
    : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  return rows.map((r) => ({
    id: r.id,
    assetId: r.assetId,
    parentId: r.parentId,
    body: r.body,
    author: r.author,
    ...(r.timeSeconds != null ? { timeSeconds: r.timeSeconds } : {}),
    ...(r.endSeconds != null ? { endSeconds: r.endSeconds } : {}),
    ...(r.shapes ? { shapes: JSON.parse(r.shapes) as Shape[] } : {}),
    mentions: (JSON.parse(r.mentions) as string[]).flatMap((id) => (byId.get(id) ? [byId.get(id)!] : [])),
    resolved: r.resolvedAt !== null,
    ...(r.resolvedAt ? { resolvedAt: r.resolvedAt.toISOString() } : {}),
    ...(r.resolvedById && byId.get(r.resolvedById) ? { resolvedBy: byId.get(r.resolvedById) } : {}),
    ...(r.editedAt ? { editedAt: r.editedAt.toISOString() } : {}),
    createdAt: r.createdAt.toISOString(),
  }));
}

/** An asset's comments, oldest first (threads are rebuilt from `parentId`), keyset pages. */
export async function listComments(scope: Scope, assetId: string, q: z.output<typeof listCommentsQuery>) {
  await getAsset(scope, assetId);
  const c = q.cursor ? decodeCursor(q.cursor) : undefined;
  const rows = await loadRows(
    {
      assetId,
      teamId: scope.teamId,
      ...(c
        ? {
            OR: [{ createdAt: { gt: new Date(c.createdAt) } }, { createdAt: new Date(c.createdAt), id: { gt: c.id } }],
          }
        : {}),
    } as never,
    q.limit + 1,
  );
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: await views(page),
    ...(rows.length > q.limit && last
      ? { nextCursor: encodeCursor({ createdAt: last.createdAt.toISOString(), id: last.id }) }
      : {}),
  };
}

async function teamMembers(teamId: string) {
  const ms = await db().membership.findMany({
    where: { teamId },
    select: { user: { select: { id: true, name: true } } },
  });
  return ms.map((m) => m.user);
}

/** A new comment or reply. Mentions are read from the text here (team members only) and notified. */
export async function createComment(
  scope: Scope,
  assetId: string,
  input: z.output<typeof createCommentRequest>,
): Promise<CommentView> {
  const asset = await getAsset(scope, assetId);
  if (input.timeSeconds !== undefined && asset.kind === "image")
    throw new AppError("invalid_request", "an image has no timeline: leave out timeSeconds", "timeSeconds");
  if (asset.durationSeconds) {
    const end = asset.durationSeconds + 0.001;
    if ((input.timeSeconds ?? 0) > end)
      throw new AppError(
        "invalid_request",
        `timeSeconds must be at most the asset's length (${asset.durationSeconds} s)`,
        "timeSeconds",
        { limit: asset.durationSeconds },
      );
    if ((input.endSeconds ?? 0) > end)
      throw new AppError(
        "invalid_request",
        `endSeconds must be at most the asset's length (${asset.durationSeconds} s)`,
        "endSeconds",
        { limit: asset.durationSeconds },
      );
  }
  if (input.shapes?.length && asset.kind === "audio")
    throw new AppError("invalid_request", "audio has no picture to draw on: leave out shapes", "shapes");
  let parent: { id: string; authorId: string | null } | null = null;
  if (input.parentId) {
    const p = await db().comment.findFirst({
      where: { id: input.parentId, assetId, teamId: scope.teamId },
      select: { id: true, parentId: true, authorId: true },
    });
    if (!p) throw new AppError("not_found", `comment ${input.parentId} is not on this asset`, "parentId");
    // One level of threads: a reply to a reply joins the same thread.
    parent = p.parentId
      ? await db().comment.findFirstOrThrow({ where: { id: p.parentId }, select: { id: true, authorId: true } })
      : { id: p.id, authorId: p.authorId };
  }
  const members = await teamMembers(scope.teamId);
  const mentions = parseMentions(input.body, members);
  const id = randomUUID();
  await db().comment.create({
    data: {
      id,
      teamId: scope.teamId,
      assetId,
      authorId: scope.userId,
      parentId: parent?.id ?? null,
      body: input.body,
      timeSeconds: input.timeSeconds ?? null,
      endSeconds: input.endSeconds ?? null,
      shapes: input.shapes?.length ? JSON.stringify(input.shapes) : null,
      mentions: JSON.stringify(mentions),
    },
  });
  const time = input.timeSeconds ?? null;
  const base = { teamId: scope.teamId, actorId: scope.userId, assetId, commentId: id, excerpt: input.body };
  await notify({ ...base, type: "mention", userIds: mentions, timeSeconds: time });
  // The asset's creator and the thread's author hear of it, unless the mention already told them.
  await notify({
    ...base,
    type: "comment",
    userIds: [asset.createdById, parent?.authorId].filter((u) => u && !mentions.includes(u)),
    timeSeconds: time,
  });
  return (await views(await loadRows({ id, teamId: scope.teamId })))[0];
}

async function ownComment(scope: Scope, id: string) {
  const c = await db().comment.findFirst({ where: { id, teamId: scope.teamId } });
  if (!c) throw new AppError("not_found", `comment ${id} does not exist`);
  // A comment on an asset in the trash is still there; one whose asset left the team is not.
  await getAsset(scope, c.assetId);
  return c;
}

/** Edit the text (its author only) and/or resolve or reopen (anyone who may comment). */
export async function updateComment(
  scope: Scope,
  id: string,
  input: z.output<typeof updateCommentRequest>,
): Promise<CommentView> {
  const c = await ownComment(scope, id);
  const data: Record<string, unknown> = {};
  if (input.body !== undefined && input.body !== c.body) {
    if (c.authorId !== scope.userId)
      throw new AppError("forbidden", "only its author can edit a comment", "body", { reason: "not_author" });
    const before = new Set(JSON.parse(c.mentions) as string[]);
    const mentions = parseMentions(input.body, await teamMembers(scope.teamId));
    Object.assign(data, { body: input.body, mentions: JSON.stringify(mentions), editedAt: new Date() });
    await notify({
      teamId: scope.teamId,
      type: "mention",
      actorId: scope.userId,
      userIds: mentions.filter((m) => !before.has(m)),
      assetId: c.assetId,
      commentId: c.id,
      timeSeconds: c.timeSeconds,
      excerpt: input.body,
    });
  }
  if (input.resolved !== undefined && input.resolved !== (c.resolvedAt !== null)) {
    if (c.parentId) throw new AppError("invalid_request", "resolve the thread, not a reply", "resolved");
    Object.assign(
      data,
      input.resolved
        ? { resolvedAt: new Date(), resolvedById: scope.userId }
        : { resolvedAt: null, resolvedById: null },
    );
  }
  if (Object.keys(data).length) await db().comment.update({ where: { id }, data });
  return (await views(await loadRows({ id, teamId: scope.teamId })))[0];
}

/** Delete one's own comment (its replies go with it); an admin may delete any. */
export async function deleteComment(scope: Scope & { role?: string }, id: string) {
  const c = await ownComment(scope, id);
  if (c.authorId !== scope.userId && scope.role !== "admin")
    throw new AppError("forbidden", "only its author (or a team admin) can delete a comment", undefined, {
      reason: "not_author",
    });
  await db().comment.delete({ where: { id } });
  return { id, deleted: true };
}
