"use client";

import { ArrowRightToLineIcon, BrainIcon, CheckIcon, CopyIcon, PencilIcon, RefreshCwIcon } from "lucide-react";
import { Suspense, useState, type ReactNode } from "react";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui";
import { lazyPart } from "@/lib/client/lazy";
import type { MessageView } from "@/lib/chat/types";
import { copyText } from "./copy";
import { LazyMarkdown } from "./lazy-markdown";
import { UsageLine } from "./usage-line";

// The editors (a question, an answer to continue) load when someone first edits; the page preloads them when idle.
export const Editor = lazyPart(() => import("./message-editor").then((m) => m.MessageEditor));
// How an answer ended (stopped, cut, failed) and a question's media: shown for few messages, loaded then.
export const OutcomePart = lazyPart(() => import("./message-outcome").then((m) => m.Outcome));
export const Attachments = lazyPart(() => import("./message-attachments").then((m) => m.MessageAttachments));

export interface MessageActions {
  /** Replace a question and answer it again (later messages go). */
  onEdit: (m: MessageView, content: string) => void;
  onRegenerate: (m: MessageView) => void;
  /** Let the model go on from `prefix` (the answer so far, possibly trimmed). */
  onContinue: (m: MessageView, prefix: string) => void;
}

export interface MessageItemProps extends MessageActions {
  m: MessageView;
  isLast: boolean;
  /** A turn is running: actions that start another one wait. */
  busy: boolean;
  canContinue: boolean;
  modelName?: string;
}

export function MessageItem(props: MessageItemProps) {
  return props.m.role === "user" ? <UserMessage {...props} /> : <AssistantMessage {...props} />;
}

function UserMessage({ m, busy, onEdit }: MessageItemProps) {
  const t = useTranslations("chat.message");
  const [editing, setEditing] = useState(false);
  return (
    <article
      className="group flex flex-col items-end gap-1.5"
      data-testid="message"
      data-role="user"
      data-message-id={m.id}
      aria-label={t("you")}
    >
      {m.attachments.length > 0 && (
        <Suspense fallback={null}>
          <Attachments.Part m={m} />
        </Suspense>
      )}
      {editing ? (
        <Suspense fallback={null}>
          <Editor.Part
            className="flex w-full max-w-2xl flex-col gap-2"
            initial={m.content}
            rows={4}
            label={t("editLabel")}
            hint={t("editHint")}
            cancelText={t("cancel")}
            submitText={t("saveAndSend")}
            busy={busy}
            allowEmpty={m.attachments.length > 0}
            onCancel={() => setEditing(false)}
            onSubmit={(text) => {
              setEditing(false);
              onEdit(m, text);
            }}
          />
        </Suspense>
      ) : (
        m.content && (
          <div
            className="max-w-[min(100%,42rem)] rounded-2xl rounded-ee-md bg-accent/10 px-4 py-2.5 text-[15px] leading-7 break-words whitespace-pre-wrap text-fg"
            data-testid="message-content"
          >
            {m.content}
          </div>
        )
      )}
      {!editing && (
        <div className="flex gap-0.5 opacity-0 transition-opacity group-hover:opacity-100 focus-within:opacity-100 max-md:opacity-100">
          <CopyButton text={m.content} />
          <Action label={t("edit")} onClick={() => setEditing(true)} disabled={busy}>
            <PencilIcon />
          </Action>
        </div>
      )}
    </article>
  );
}

function AssistantMessage({ m, isLast, busy, canContinue, modelName, onRegenerate, onContinue }: MessageItemProps) {
  const t = useTranslations("chat.message");
  const [continuing, setContinuing] = useState(false);
  const streaming = m.state === "streaming";
  const thinkingNow = streaming && !!m.reasoning && !m.content;
  return (
    <article
      className="flex flex-col gap-2"
      data-testid="message"
      data-role="assistant"
      data-message-id={m.id}
      data-state={m.state}
      data-finish={m.finishReason ?? ""}
      data-error-kind={m.error?.kind ?? ""}
      aria-label={t("assistant", { model: modelName ?? "" })}
      aria-busy={streaming || undefined}
    >
      <div className="flex items-center gap-2 text-xs text-muted">
        <span className="font-medium text-fg">{modelName}</span>
        {streaming && (
          <span className="inline-flex items-center gap-1.5" role="status">
            <span className="size-1.5 animate-pulse rounded-full bg-accent" />
            {thinkingNow ? t("thinking") : t("writing")}
          </span>
        )}
      </div>
      {m.reasoning && (
        <details className="group/r rounded-lg border border-border bg-surface-2/60 text-sm" data-testid="reasoning">
          <summary className="flex items-center gap-2 px-3 py-1.5 text-xs font-medium text-muted select-none hover:text-fg">
            <BrainIcon className="size-3.5" />
            {thinkingNow
              ? t("thinkingLive")
              : m.usage?.reasoningTokens
                ? t("thoughtTokens", { n: m.usage.reasoningTokens })
                : t("thought")}
            <span className="ms-auto text-[11px] group-open/r:hidden">{t("show")}</span>
            <span className="ms-auto hidden text-[11px] group-open/r:inline">{t("hide")}</span>
          </summary>
          <div
            className="border-t border-border px-3 py-2 text-[13px] leading-6 whitespace-pre-wrap text-muted"
            data-testid="reasoning-text"
          >
            {m.reasoning}
          </div>
        </details>
      )}
      {(m.content || streaming) && (
        <div data-testid="message-content">
          {m.content ? <LazyMarkdown text={m.content} /> : !m.reasoning && <span className="text-muted">…</span>}
          {streaming && m.content && (
            <span
              aria-hidden="true"
              className="ms-0.5 inline-block h-4 w-1.5 translate-y-0.5 animate-pulse rounded-sm bg-accent/70"
            />
          )}
        </div>
      )}
      {(m.error || m.state === "interrupted" || (m.finishReason && m.finishReason !== "stop")) && (
        <Suspense fallback={null}>
          <OutcomePart.Part m={m} />
        </Suspense>
      )}
      {continuing ? (
        <Suspense fallback={null}>
          <Editor.Part
            className="flex flex-col gap-2"
            initial={m.content}
            rows={5}
            label={t("continueLabel")}
            hint={t("continueHint")}
            cancelText={t("cancel")}
            submitText={
              <>
                <ArrowRightToLineIcon />
                {t("continueGo")}
              </>
            }
            busy={busy}
            disableWhenEmpty
            onCancel={() => setContinuing(false)}
            onSubmit={(text) => {
              setContinuing(false);
              onContinue(m, text);
            }}
          />
        </Suspense>
      ) : (
        !streaming && (
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <div className="flex gap-0.5">
              {m.content && <CopyButton text={m.content} />}
              {isLast && (
                <Action label={t("regenerate")} onClick={() => onRegenerate(m)} disabled={busy}>
                  <RefreshCwIcon />
                </Action>
              )}
              {isLast && m.content && (
                <Action
                  label={canContinue ? t("continue") : t("continueUnavailable")}
                  onClick={() => setContinuing(true)}
                  disabled={busy || !canContinue}
                >
                  <ArrowRightToLineIcon />
                </Action>
              )}
            </div>
            {m.usage && <UsageLine u={m.usage} />}
          </div>
        )
      )}
    </article>
  );
}

function Action({
  label,
  onClick,
  disabled,
  children,
}: {
  label: string;
  onClick: () => void;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <Button
      size="icon"
      variant="ghost"
      className="size-7 [&_svg]:size-3.5"
      aria-label={label}
      title={label}
      onClick={onClick}
      disabled={disabled}
    >
      {children}
    </Button>
  );
}

function CopyButton({ text }: { text: string }) {
  const t = useTranslations("chat.message");
  const [done, setDone] = useState(false);
  return (
    <Action
      label={done ? t("copied") : t("copy")}
      onClick={async () => {
        if (!(await copyText(text))) return;
        setDone(true);
        setTimeout(() => setDone(false), 1500);
      }}
    >
      {done ? <CheckIcon /> : <CopyIcon />}
    </Action>
  );
}
