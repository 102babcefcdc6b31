import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { Scope } from "@/lib/auth/scope";
import { decodeCursor, encodeCursor } from "@/lib/gallery/cursor";
import { db } from "@/lib/db";
import { publishTeamChange } from "@/lib/events/team-events";
import { readNotifySettings, type NotificationType } from "./notify-settings";
import type { listNotificationsQuery, markReadRequest } from "./schema";

export interface NotifyInput {
  teamId: string;
  type: NotificationType;
  /** Who it is for; the actor never notifies themself. */
  userIds: (string | null | undefined)[];
  actorId?: string | null;
  assetId?: string;
  commentId?: string;
  generationId?: string;
  reviewId?: string;
  timeSeconds?: number | null;
  excerpt?: string | null;
}

/** Write one notification per recipient who is in the team and has not switched this event off. */
export async function notify(n: NotifyInput): Promise<number> {
  const ids = [...new Set(n.userIds.filter((u): u is string => !!u && u !== n.actorId))];
  if (!ids.length) return 0;
  const members = await db().membership.findMany({
    where: { teamId: n.teamId, userId: { in: ids } },
    select: { user: { select: { id: true, notifySettings: true } } },
  });
  const to = members.map((m) => m.user).filter((u) => readNotifySettings(u.notifySettings)[n.type].inbox);
  if (!to.length) return 0;
  await db().notification.createMany({
    data: to.map((u) => ({
      id: randomUUID(),
      userId: u.id,
      teamId: n.teamId,
      type: n.type,
      actorId: n.actorId ?? null,
      assetId: n.assetId ?? null,
      commentId: n.commentId ?? null,
      generationId: n.generationId ?? null,
      reviewId: n.reviewId ?? null,
      timeSeconds: n.timeSeconds ?? null,
      excerpt: n.excerpt ? n.excerpt.slice(0, 200) : null,
    })),
  });
  // The bells of the team's open tabs refetch (each its own person's list) instead of polling.
  void publishTeamChange(n.teamId, "notifications").catch((e) => console.error("[notify] publishing failed", e));
  return to.length;
}

export interface NotificationView {
  id: string;
  type: string;
  actor: { id: string; name: string } | null;
  assetId?: string;
  commentId?: string;
  generationId?: string;
  reviewId?: string;
  timeSeconds?: number;
  excerpt?: string;
  /** Where it leads in the studio (the gallery detail, seeked to the comment's time). */
  link: string;
  read: boolean;
  createdAt: string;
}

export function notificationLink(n: {
  type?: string;
  assetId?: string | null;
  commentId?: string | null;
  timeSeconds?: number | null;
  reviewId?: string | null;
  generationId?: string | null;
}): string {
  if (n.assetId) {
    const sp = new URLSearchParams({ asset: n.assetId });
    if (n.commentId) sp.set("comment", n.commentId);
    if (n.timeSeconds != null) sp.set("t", String(n.timeSeconds));
    return `/gallery?${sp}`;
  }
  if (n.reviewId) return `/reviews?${new URLSearchParams({ id: n.reviewId })}`;
  if (n.type === "budget_threshold") return "/settings/usage";
  if (n.generationId) return "/history";
  return "/gallery";
}

type ListQuery = z.output<typeof listNotificationsQuery>;

/** The caller's notifications in their current team, newest first, keyset pages. */
export async function listNotifications(scope: Scope, q: ListQuery) {
  const c = q.cursor ? decodeCursor(q.cursor) : undefined;
  const rows = await db().notification.findMany({
    where: {
      userId: scope.userId,
      teamId: scope.teamId,
      ...(q.unread === true ? { readAt: null } : q.unread === false ? { readAt: { not: null } } : {}),
      ...(c
        ? {
            OR: [{ createdAt: { lt: new Date(c.createdAt) } }, { createdAt: new Date(c.createdAt), id: { lt: c.id } }],
          }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    include: { actor: { select: { id: true, name: true } } },
  });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map((n): NotificationView => ({
      id: n.id,
      type: n.type,
      actor: n.actor,
      ...(n.assetId ? { assetId: n.assetId } : {}),
      ...(n.commentId ? { commentId: n.commentId } : {}),
      ...(n.generationId ? { generationId: n.generationId } : {}),
      ...(n.reviewId ? { reviewId: n.reviewId } : {}),
      ...(n.timeSeconds != null ? { timeSeconds: n.timeSeconds } : {}),
      ...(n.excerpt ? { excerpt: n.excerpt } : {}),
      link: notificationLink(n),
      read: n.readAt !== null,
      createdAt: n.createdAt.toISOString(),
    })),
    unreadCount: await unreadCount(scope),
    ...(rows.length > q.limit && last
      ? { nextCursor: encodeCursor({ createdAt: last.createdAt.toISOString(), id: last.id }) }
      : {}),
  };
}

export function unreadCount(scope: Scope): Promise<number> {
  return db().notification.count({ where: { userId: scope.userId, teamId: scope.teamId, readAt: null } });
}

/** Mark some (only the caller's own — others' ids are ignored) or all as read. */
export async function markRead(scope: Scope, r: z.output<typeof markReadRequest>) {
  const res = await db().notification.updateMany({
    where: {
      userId: scope.userId,
      teamId: scope.teamId,
      readAt: null,
      ...("ids" in r ? { id: { in: r.ids } } : {}),
    },
    data: { readAt: new Date() },
  });
  return { marked: res.count, unreadCount: await unreadCount(scope) };
}
