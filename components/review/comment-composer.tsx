"use client";

import { useState } from "react";
import { useTranslations } from "use-intl";
import { Button, Segmented } from "@/components/ui";
import { useErrorText } from "@/lib/client/error-text";
import { MentionTextarea } from "./mention-textarea";
import type { ReviewState, Tool } from "./review-state";
import { timecode, type Member, type useCommentActions } from "./use-review";

/** A new comment: pinned to the player's time (or a range), with shapes drawn on the picture. */
export function CommentComposer({
  kind,
  state,
  members,
  actions,
}: {
  kind: string;
  state: ReviewState;
  members: Member[];
  actions: ReturnType<typeof useCommentActions>;
}) {
  const t = useTranslations("review");
  const errorText = useErrorText();
  const [body, setBody] = useState("");
  const timed = kind === "video" || kind === "audio";
  const [pin, setPin] = useState(timed);
  const [start, setStart] = useState<number | null>(null);
  const [end, setEnd] = useState<number | null>(null);
  const at = start ?? state.time;
  const drawable = kind === "video" || kind === "image";

  const send = () => {
    if (!body.trim()) return;
    actions.create.mutate(
      {
        body: body.trim(),
        ...(timed && pin ? { timeSeconds: Math.round(at * 1000) / 1000 } : {}),
        ...(timed && pin && end !== null && end > at ? { endSeconds: Math.round(end * 1000) / 1000 } : {}),
        ...(state.draft.length ? { shapes: state.draft } : {}),
      },
      {
        onSuccess: (c) => {
          setBody("");
          setStart(null);
          setEnd(null);
          state.setDraft([]);
          state.setTool("none");
          state.setActiveId(c.id);
        },
      },
    );
  };

  return (
    <div className="flex flex-col gap-2 rounded-xl border border-border p-3" data-testid="review-composer">
      <MentionTextarea
        value={body}
        onChange={setBody}
        members={members}
        onSubmit={send}
        // Typing pauses playback, and the comment takes the frame it was paused on.
        onFocus={() => {
          state.pause();
          if (start === null && timed) setStart(state.currentTime());
        }}
        label={t("commentLabel")}
        placeholder={t("commentPlaceholder")}
        testId="review-comment-input"
      />
      {timed && (
        <div className="flex flex-wrap items-center gap-2 text-xs text-muted">
          <label className="flex items-center gap-1.5">
            <input type="checkbox" checked={pin} onChange={(e) => setPin(e.target.checked)} />
            {t("pinAt", { time: timecode(at) })}
          </label>
          {pin && (
            <Button
              size="sm"
              variant="ghost"
              className="h-7 px-2 text-xs"
              data-testid="review-range-end"
              onClick={() => setEnd(end === null ? state.time : null)}
              disabled={end === null && state.time <= at}
            >
              {end === null ? t("setEnd") : t("clearEnd", { time: timecode(end) })}
            </Button>
          )}
          {start !== null && (
            <Button size="sm" variant="ghost" className="h-7 px-2 text-xs" onClick={() => setStart(state.time)}>
              {t("useCurrent")}
            </Button>
          )}
        </div>
      )}
      {drawable && (
        <div className="flex flex-wrap items-center gap-2">
          <Segmented<Tool>
            legend={t("draw")}
            value={state.tool}
            onChange={(v) => {
              state.pause();
              state.setTool(v);
            }}
            options={[
              { value: "none", label: t("tools.none") },
              { value: "point", label: t("tools.point") },
              { value: "rect", label: t("tools.rect") },
              { value: "path", label: t("tools.path") },
            ]}
          />
          {state.draft.length > 0 && (
            <Button size="sm" variant="ghost" className="h-7 px-2 text-xs" onClick={() => state.setDraft([])}>
              {t("clearShapes", { n: state.draft.length })}
            </Button>
          )}
        </div>
      )}
      <div className="flex items-center justify-between gap-2">
        <span className="text-xs text-muted">{t("mentionHint")}</span>
        <Button
          size="sm"
          onClick={send}
          disabled={!body.trim()}
          loading={actions.create.isPending}
          data-testid="review-send"
        >
          {t("send")}
        </Button>
      </div>
      {actions.create.error && (
        <p role="alert" className="text-sm text-danger">
          {errorText(actions.create.error)}
        </p>
      )}
    </div>
  );
}
