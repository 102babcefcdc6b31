import "server-only";
import type { Scope } from "@/lib/auth/scope";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Asset, Conversation, Message } from "@/lib/generated/prisma/client";
import { isStreaming, activeTurn } from "./active";
import {
  addUsage,
  emptyUsage,
  type AttachmentRef,
  type AttachmentView,
  type ChatSettings,
  type ConversationSummary,
  type ConversationView,
  type MessageError,
  type MessageView,
  type UsageView,
} from "./types";
import { chatSettings, type createConversationBody, type patchConversationBody } from "./schema";

// Conversations and their messages, always scoped by team.

export interface StoredUsage extends UsageView {
  /** The requestId sent to TD with this answer (what TD support asks for). */
  requestId?: string;
}

function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export function settingsOf(c: Conversation): ChatSettings {
  const r = chatSettings.safeParse(parseJson(c.settings, {}));
  return r.success ? r.data : { system: "", params: {} };
}

export function summaryOf(c: Conversation, snippet?: string): ConversationSummary {
  return {
    id: c.id,
    title: c.title,
    model: c.model,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    ...(snippet ? { snippet } : {}),
  };
}

export function attachmentsOf(m: Message): AttachmentRef[] {
  return parseJson<AttachmentRef[]>(m.attachments, []);
}

export function messageView(m: Message, assets: Map<string, Asset>): MessageView {
  const stored = parseJson<StoredUsage | null>(m.usage, null);
  const error = parseJson<MessageError | null>(m.error, null);
  const attachments: AttachmentView[] = attachmentsOf(m).map((a) => {
    const asset = assets.get(a.assetId);
    if (!asset) return { ...a, fileUrl: "", missing: true };
    return {
      ...a,
      fileUrl: `/api/v1/assets/${a.assetId}/file`,
      ...(asset.posterKey ? { posterUrl: `/api/v1/assets/${a.assetId}/poster` } : {}),
      ...(asset.mime ? { mime: asset.mime } : {}),
    };
  });
  const unfinished = m.role === "assistant" && !m.finishReason && !error;
  const { requestId, ...usage } = stored ?? ({} as StoredUsage);
  return {
    id: m.id,
    position: m.position,
    role: m.role === "assistant" ? "assistant" : "user",
    content: m.content,
    attachments,
    ...(m.reasoning ? { reasoning: m.reasoning } : {}),
    ...(m.model ? { model: m.model } : {}),
    ...(typeof stored?.promptTokens === "number" ? { usage: usage as UsageView } : {}),
    ...(m.finishReason ? { finishReason: m.finishReason } : {}),
    ...(error ? { error } : {}),
    ...(requestId ? { requestId } : {}),
    state: !unfinished ? "done" : isStreaming(m.id) ? "streaming" : "interrupted",
    createdAt: m.createdAt.toISOString(),
  };
}

async function assetsFor(scope: Scope, messages: Message[]): Promise<Map<string, Asset>> {
  const ids = [...new Set(messages.flatMap((m) => attachmentsOf(m).map((a) => a.assetId)))];
  if (!ids.length) return new Map();
  const rows = await db().asset.findMany({ where: { id: { in: ids }, teamId: scope.teamId } });
  return new Map(rows.map((a) => [a.id, a]));
}

export async function findConversation(scope: Scope, id: string): Promise<Conversation> {
  const c = await db().conversation.findFirst({ where: { id, teamId: scope.teamId } });
  if (!c) throw new AppError("not_found", `conversation ${id} does not exist`);
  return c;
}

export async function getConversation(scope: Scope, id: string): Promise<ConversationView> {
  const c = await findConversation(scope, id);
  const messages = await db().message.findMany({ where: { conversationId: id }, orderBy: { position: "asc" } });
  const assets = await assetsFor(scope, messages);
  const views = messages.map((m) => messageView(m, assets));
  return {
    ...summaryOf(c),
    settings: settingsOf(c),
    messages: views,
    usage: views.reduce((u, m) => addUsage(u, m.usage), emptyUsage()),
    busy: !!activeTurn(id),
  };
}

export async function listMessages(scope: Scope, id: string): Promise<MessageView[]> {
  return (await getConversation(scope, id)).messages;
}

const PAGE = 30;

/** Newest first; `q` matches the title or any message's text. */
export async function listConversations(scope: Scope, opts: { q?: string; cursor?: string; limit?: number } = {}) {
  const q = opts.q?.trim();
  const limit = Math.min(Math.max(opts.limit ?? PAGE, 1), 100);
  const rows = await db().conversation.findMany({
    where: {
      teamId: scope.teamId,
      ...(q ? { OR: [{ title: { contains: q } }, { messages: { some: { content: { contains: q } } } }] } : {}),
    },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(opts.cursor ? { cursor: { id: opts.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, limit);
  const items = await Promise.all(
    page.map(async (c) => {
      if (!q || c.title.toLowerCase().includes(q.toLowerCase())) return summaryOf(c);
      const hit = await db().message.findFirst({
        where: { conversationId: c.id, content: { contains: q } },
        orderBy: { position: "asc" },
      });
      return summaryOf(c, hit ? snippetAround(hit.content, q) : undefined);
    }),
  );
  return { items, nextCursor: rows.length > limit ? page[page.length - 1].id : null };
}

function snippetAround(text: string, q: string): string {
  const at = text.toLowerCase().indexOf(q.toLowerCase());
  const start = Math.max(0, at - 30);
  const s = text
    .slice(start, start + 90)
    .replace(/\s+/g, " ")
    .trim();
  return `${start > 0 ? "…" : ""}${s}${start + 90 < text.length ? "…" : ""}`;
}

export async function createConversation(
  scope: Scope,
  body: z.output<typeof createConversationBody>,
): Promise<ConversationView> {
  const c = await db().conversation.create({
    data: {
      id: randomUUID(),
      teamId: scope.teamId,
      createdById: scope.userId,
      title: body.title ?? "",
      model: body.model,
      settings: JSON.stringify(body.settings ?? { system: "", params: {} }),
    },
  });
  return { ...summaryOf(c), settings: settingsOf(c), messages: [], usage: emptyUsage(), busy: false };
}

export async function updateConversation(
  scope: Scope,
  id: string,
  body: z.output<typeof patchConversationBody>,
): Promise<ConversationView> {
  await findConversation(scope, id);
  await db().conversation.update({
    where: { id },
    data: {
      ...(body.title !== undefined ? { title: body.title } : {}),
      ...(body.model ? { model: body.model } : {}),
      ...(body.settings ? { settings: JSON.stringify(body.settings) } : {}),
    },
  });
  return getConversation(scope, id);
}

export async function deleteConversation(scope: Scope, id: string): Promise<void> {
  await findConversation(scope, id);
  if (activeTurn(id))
    throw new AppError(
      "conflict",
      "this conversation is being answered right now; stop it first, then delete it",
      undefined,
      { reason: "conversation_busy" },
    );
  await db().conversation.delete({ where: { id } });
}
