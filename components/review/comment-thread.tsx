"use client";

import { useState } from "react";
import { useLocale, useTranslations } from "use-intl";
import { useCaller, useCan } from "@/components/auth/caller-context";
import { Button } from "@/components/ui";
import { CommentText } from "./comment-text";
import { MentionTextarea } from "./mention-textarea";
import type { ReviewState } from "./review-state";
import { timecode, type CommentView, type Member, type useCommentActions } from "./use-review";

/** One thread: the comment (pinned time, shapes, resolve) and its replies, with reply / edit / delete. */
export function CommentThread({
  root,
  replies,
  state,
  members,
  actions,
}: {
  root: CommentView;
  replies: CommentView[];
  state: ReviewState;
  members: Member[];
  actions: ReturnType<typeof useCommentActions>;
}) {
  const t = useTranslations("review");
  const canComment = useCan("review:comment");
  const [replying, setReplying] = useState(false);
  const [reply, setReply] = useState("");
  const active = state.activeId === root.id;
  const send = () => {
    if (!reply.trim()) return;
    actions.create.mutate(
      { body: reply.trim(), parentId: root.id },
      { onSuccess: () => (setReply(""), setReplying(false)) },
    );
  };
  return (
    <li
      data-testid="review-comment"
      data-comment-id={root.id}
      data-active={active || undefined}
      className={`rounded-xl border p-3 ${active ? "border-accent bg-accent/5" : "border-border"} ${root.resolved ? "opacity-75" : ""}`}
    >
      <CommentBody c={root} state={state} members={members} actions={actions} />
      {replies.length > 0 && (
        <ul className="mt-2 flex flex-col gap-2 border-s-2 border-border ps-3">
          {replies.map((r) => (
            <li key={r.id} data-testid="review-reply" data-comment-id={r.id}>
              <CommentBody c={r} state={state} members={members} actions={actions} />
            </li>
          ))}
        </ul>
      )}
      {canComment && (
        <div className="mt-2 flex flex-wrap gap-1">
          {!replying && (
            <Button size="sm" variant="ghost" onClick={() => setReplying(true)}>
              {t("reply")}
            </Button>
          )}
          <Button
            size="sm"
            variant="ghost"
            data-testid="review-resolve"
            onClick={() => actions.update.mutate({ id: root.id, resolved: !root.resolved })}
          >
            {root.resolved ? t("reopen") : t("resolve")}
          </Button>
        </div>
      )}
      {replying && (
        <div className="mt-2 flex flex-col gap-2">
          <MentionTextarea
            value={reply}
            onChange={setReply}
            members={members}
            onSubmit={send}
            onFocus={state.pause}
            label={t("replyLabel")}
            testId="review-reply-input"
            autoFocus
          />
          <div className="flex gap-2">
            <Button size="sm" onClick={send} disabled={!reply.trim()} loading={actions.create.isPending}>
              {t("send")}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setReplying(false)}>
              {t("cancel")}
            </Button>
          </div>
        </div>
      )}
    </li>
  );
}

function CommentBody({
  c,
  state,
  members,
  actions,
}: {
  c: CommentView;
  state: ReviewState;
  members: Member[];
  actions: ReturnType<typeof useCommentActions>;
}) {
  const t = useTranslations("review");
  const locale = useLocale();
  const me = useCaller();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(c.body);
  const mine = me?.user.id === c.author?.id;
  const mayDelete = mine || me?.role === "admin";
  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap items-center gap-x-2 text-xs text-muted">
        <span className="font-medium text-fg">{c.author?.name ?? t("someone")}</span>
        <time dateTime={c.createdAt}>{new Date(c.createdAt).toLocaleString(locale === "zh" ? "zh-CN" : "en-US")}</time>
        {c.editedAt && <span>{t("edited")}</span>}
        {c.resolved && <span className="text-success">{t("resolved")}</span>}
      </div>
      {(c.timeSeconds !== undefined || c.shapes?.length) && (
        <button
          type="button"
          onClick={() => state.open(c)}
          data-testid="review-seek"
          className="self-start rounded bg-surface-2 px-1.5 py-0.5 font-mono text-xs text-accent-text hover:underline"
        >
          {c.timeSeconds !== undefined
            ? c.endSeconds !== undefined
              ? `${timecode(c.timeSeconds)} – ${timecode(c.endSeconds)}`
              : timecode(c.timeSeconds)
            : t("showDrawing")}
          {c.shapes?.length ? ` · ${t("shapes", { n: c.shapes.length })}` : ""}
        </button>
      )}
      {editing ? (
        <div className="flex flex-col gap-2">
          <MentionTextarea
            value={text}
            onChange={setText}
            members={members}
            onSubmit={() =>
              actions.update.mutate({ id: c.id, body: text.trim() }, { onSuccess: () => setEditing(false) })
            }
            label={t("editLabel")}
            autoFocus
          />
          <div className="flex gap-2">
            <Button
              size="sm"
              disabled={!text.trim()}
              onClick={() =>
                actions.update.mutate({ id: c.id, body: text.trim() }, { onSuccess: () => setEditing(false) })
              }
            >
              {t("save")}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setEditing(false)}>
              {t("cancel")}
            </Button>
          </div>
        </div>
      ) : (
        <button type="button" className="text-start" onClick={() => state.open(c)}>
          <CommentText body={c.body} mentions={c.mentions} />
        </button>
      )}
      {!editing && (mine || mayDelete) && (
        <div className="flex gap-1">
          {mine && (
            <Button
              size="sm"
              variant="ghost"
              className="h-7 px-2 text-xs"
              onClick={() => (setText(c.body), setEditing(true))}
            >
              {t("edit")}
            </Button>
          )}
          <Button
            size="sm"
            variant="ghost"
            className="h-7 px-2 text-xs"
            onClick={() => {
              if (window.confirm(t("deleteConfirm"))) actions.remove.mutate(c.id);
            }}
          >
            {t("delete")}
          </Button>
        </div>
      )}
    </div>
  );
}
