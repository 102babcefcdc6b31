import "server-only";
import type { Scope } from "@/lib/auth/scope";
import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { getModeSpec } from "@/lib/catalog";
import { checkPrompt } from "@/lib/catalog/prompt";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Message, Prisma } from "@/lib/generated/prisma/client";
import { td, TdError } from "@/lib/td";
import { beginTurn, endTurn } from "./active";
import { AttachmentResolver, checkAttachments } from "./attachments";
import { attachmentsOf, findConversation, messageView, settingsOf, type StoredUsage } from "./conversations";
import { messageErrorFromTd } from "./errors";
import { TurnRecorder } from "./recorder";
import { relay, sseEvent, SSE_HEADERS } from "./relay";
import { turnBody } from "./schema";
import { CONTINUATION_MODELS, titleFrom, type AttachmentRef, type MessageView } from "./types";
import { checkParams, wireBody, type HistoryMessage } from "./wire";

// One turn of a stored conversation: check everything, write the turn, then stream TD's answer to the
// browser byte for byte while the recorder keeps the assistant message current in the database.

const asHistory = (m: Message): HistoryMessage => ({
  role: m.role === "assistant" ? "assistant" : "user",
  content: m.content,
  attachments: attachmentsOf(m),
});

interface Plan {
  history: HistoryMessage[];
  /** Database writes, run in one transaction once everything is checked. */
  writes: (assistantId: string, userId: string) => Prisma.PrismaPromise<unknown>[];
  assistantId?: string;
  userMessage: boolean;
  prefix?: string;
  continued?: Message;
}

const busy = () =>
  new AppError("conflict", "this conversation is already being answered; stop that answer or wait for it", undefined, {
    reason: "conversation_busy",
  });

export async function runTurn(
  scope: Scope,
  conversationId: string,
  raw: unknown,
  clientSignal: AbortSignal,
): Promise<Response> {
  const b = turnBody.parse(raw);
  const conv = await findConversation(scope, conversationId);
  const params = checkParams(b.model, b.params);
  const settings = settingsOf(conv);
  const system = b.system ?? settings.system;
  const messages = await db().message.findMany({ where: { conversationId }, orderBy: { position: "asc" } });
  const last = messages[messages.length - 1];
  const spec = getModeSpec(b.model, "chat")!;
  const checkText = (text: string) => {
    const c = checkPrompt(spec.prompt, text);
    if (c.over)
      throw new AppError("validation_failed", `content is longer than the model accepts (${c.limit})`, "content");
  };
  // Only the messages read above are replaced: a turn another process wrote meanwhile stays, and this one's rows then
  // collide with it on (conversationId, position), unique — the loser is answered conversation_busy.
  const seenFrom = (position: number) => messages.filter((m) => m.position >= position).map((m) => m.id);
  const newAssistant = (position: number, id: string) =>
    db().message.create({ data: { id, conversationId, position, role: "assistant", model: b.model } });
  let plan: Plan;

  if (b.action === "send" || b.action === "edit") {
    const target = b.action === "edit" ? messages.find((m) => m.id === b.messageId && m.role === "user") : undefined;
    if (b.action === "edit" && !target)
      throw new AppError("not_found", `user message ${b.messageId} is not in this conversation`, "messageId");
    const attachments: AttachmentRef[] = b.attachments ?? (target ? attachmentsOf(target) : []);
    if (!b.content.trim() && !attachments.length)
      throw new AppError("validation_failed", "write a message or attach a file", "content");
    checkText(b.content);
    await checkAttachments(scope, b.model, attachments);
    const before = target ? messages.filter((m) => m.position < target.position) : messages;
    const position = target ? target.position : (last?.position ?? -1) + 1;
    const user = { role: "user" as const, content: b.content, attachments };
    plan = {
      history: [...before.map(asHistory), user],
      userMessage: true,
      writes: (assistantId, userId) => [
        db().message.deleteMany({ where: { conversationId, id: { in: seenFrom(position) } } }),
        db().message.create({
          data: {
            id: userId,
            conversationId,
            position,
            role: "user",
            content: b.content,
            attachments: JSON.stringify(attachments),
          },
        }),
        newAssistant(position + 1, assistantId),
      ],
    };
  } else if (b.action === "regenerate") {
    const target = b.messageId
      ? messages.find((m) => m.id === b.messageId && m.role === "assistant")
      : [...messages].reverse().find((m) => m.role === "assistant");
    if (!target)
      throw new AppError(
        "not_found",
        b.messageId
          ? `assistant message ${b.messageId} is not in this conversation`
          : "there is no answer to regenerate",
        "messageId",
      );
    const before = messages.filter((m) => m.position < target.position);
    if (!before.some((m) => m.role === "user"))
      throw new AppError("validation_failed", "there is no question before this answer", "messageId");
    plan = {
      history: before.map(asHistory),
      userMessage: false,
      writes: (assistantId) => [
        db().message.deleteMany({ where: { conversationId, id: { in: seenFrom(target.position) } } }),
        newAssistant(target.position, assistantId),
      ],
    };
  } else {
    if (!CONTINUATION_MODELS.includes(b.model))
      throw new AppError(
        "validation_failed",
        "only DeepSeek-v3.2 documents continuation; switch the model to continue an answer",
        "model",
      );
    const target = b.messageId ? messages.find((m) => m.id === b.messageId) : last;
    if (!target || target.role !== "assistant" || target.id !== last?.id)
      throw new AppError("validation_failed", "only the last answer can be continued", "messageId");
    if (!b.content.trim())
      throw new AppError("validation_failed", "continuation needs the beginning of the answer", "content");
    checkText(b.content);
    plan = {
      history: [...messages.slice(0, -1).map(asHistory), { role: "assistant", content: b.content, attachments: [] }],
      userMessage: false,
      assistantId: target.id,
      prefix: b.content,
      continued: target,
      writes: (assistantId) => [
        db().message.update({
          where: { id: assistantId },
          data: { content: b.content, finishReason: null, error: null, model: b.model },
        }),
      ],
    };
  }

  // Everything the upstream will see is built (and checked against the wire schema) before anything is written.
  const { body } = await wireBody({
    model: b.model,
    params,
    system,
    history: plan.history,
    resolver: new AttachmentResolver(scope),
  });

  const assistantId = plan.assistantId ?? randomUUID();
  const userId = randomUUID();
  const abort = new AbortController();
  let finished!: () => void;
  const turn = { messageId: assistantId, abort, finished: new Promise<void>((r) => (finished = r)) };
  if (!beginTurn(conversationId, turn)) throw busy();
  let released = false;
  const release = () => {
    if (!released) endTurn(conversationId, assistantId);
    released = true;
    finished();
  };
  try {
    const firstUser = plan.history.find((m) => m.role === "user");
    await db().$transaction([
      ...plan.writes(assistantId, userId),
      db().conversation.update({
        where: { id: conversationId },
        data: {
          model: b.model,
          settings: JSON.stringify({ system, params: { ...settings.params, [b.model]: b.params } }),
          ...(!conv.title && firstUser ? { title: titleFrom(firstUser.content) || "📎" } : {}),
        },
      }),
    ]);
  } catch (e) {
    release();
    if ((e as { code?: string }).code === "P2002") throw busy();
    throw e;
  }

  const onClientGone = () => abort.abort(new DOMException("The client went away.", "AbortError"));
  clientSignal.addEventListener("abort", onClientGone, { once: true });
  const before = plan.continued ? (JSON.parse(plan.continued.usage || "null") as StoredUsage | null) : null;
  const headers = {
    "X-Conversation-Id": conversationId,
    "X-Message-Id": assistantId,
    ...(plan.userMessage ? { "X-User-Message-Id": userId } : {}),
  };

  let upstream: Response;
  let requestId: string;
  try {
    ({ response: upstream, requestId } = await td().chat.streamRaw(body, abort.signal));
    if (!upstream.body || !/text\/event-stream/i.test(upstream.headers.get("content-type") ?? "")) {
      const text = await upstream.text().catch(() => "");
      throw new TdError({
        family: "chat",
        kind: "malformed",
        httpStatus: upstream.status,
        code: "UnexpectedResponse",
        message: `TD answered a stream request with ${upstream.headers.get("content-type") || "no content type"}: ${text.slice(0, 120)}`,
        requestId,
      });
    }
  } catch (e) {
    clientSignal.removeEventListener("abort", onClientGone);
    const stopped = e instanceof TdError && e.kind === "aborted";
    const error =
      e instanceof TdError
        ? messageErrorFromTd(e)
        : { kind: "unknown" as const, code: "Internal", message: "The studio could not send the request." };
    if (!(e instanceof TdError)) console.error("[chat] turn failed before streaming", e);
    await db().message.update({
      where: { id: assistantId },
      data: stopped ? { finishReason: "stopped" } : { error: JSON.stringify(error) },
    });
    release();
    const message = await storedView(scope, assistantId);
    const status = stopped
      ? 499
      : error.kind === "rateLimited"
        ? 429
        : error.kind === "timeout" || error.kind === "network"
          ? 503
          : 502;
    const code = stopped
      ? "canceled"
      : error.kind === "rateLimited"
        ? "rate_limited"
        : status === 503
          ? "upstream_unavailable"
          : "upstream_error";
    return NextResponse.json(
      { error: { code, message: `${error.code}: ${error.message}` }, message },
      { status, headers },
    );
  }

  const recorder = new TurnRecorder({
    messageId: assistantId,
    requestId,
    prefix: plan.prefix,
    usageBefore: before && typeof before.promptTokens === "number" ? before : undefined,
    reasoningBefore: plan.continued?.reasoning ?? undefined,
  });
  const stream = relay(upstream.body, {
    abort,
    idleMs: config().TD_TIMEOUT_MS,
    tap: {
      chunk: (bytes) => recorder.chunk(bytes),
      end: async (outcome) => {
        clientSignal.removeEventListener("abort", onClientGone);
        try {
          await recorder.end(outcome);
        } finally {
          release();
        }
        // After [DONE]: the stored message (finish, usage, error), so the page shows the record, not a guess.
        return sseEvent({ type: "saved", message: await storedView(scope, assistantId) }, "studio");
      },
    },
  });
  return new Response(stream, { headers: { ...SSE_HEADERS, ...headers, "X-Request-Id": requestId } });
}

async function storedView(scope: Scope, messageId: string): Promise<MessageView> {
  const m = await db().message.findUniqueOrThrow({ where: { id: messageId } });
  const ids = attachmentsOf(m).map((a) => a.assetId);
  const assets = ids.length ? await db().asset.findMany({ where: { id: { in: ids }, teamId: scope.teamId } }) : [];
  return messageView(m, new Map(assets.map((a) => [a.id, a])));
}
