"use client";

import { useState } from "react";
import { useLocale, useTranslations } from "use-intl";
import { useCan } from "@/components/auth/caller-context";
import { Badge, Button, Select, Textarea, type BadgeTone } from "@/components/ui";
import { ApiError } from "@/lib/client/api";
import { useErrorText } from "@/lib/client/error-text";
import { CommentComposer } from "./comment-composer";
import { CommentThread } from "./comment-thread";
import type { ReviewState } from "./review-state";
import { useAssetReview, useCommentActions, useMembers, type CommentView } from "./use-review";

const TONE: Record<string, BadgeTone> = {
  none: "neutral",
  in_review: "accent",
  approved: "success",
  changes_requested: "warning",
  rejected: "danger",
};

/** The detail view's review: stars, the decision with its history, and the comment threads with a composer. */
export function ReviewPanel({
  assetId,
  kind,
  state,
  comments,
}: {
  assetId: string;
  kind: string;
  state: ReviewState;
  comments: CommentView[];
}) {
  const t = useTranslations("review");
  const canComment = useCan("review:comment");
  const members = useMembers().data ?? [];
  const actions = useCommentActions(assetId);
  const [showResolved, setShowResolved] = useState(true);
  const roots = comments.filter((c) => !c.parentId && (showResolved || !c.resolved));
  const open = comments.filter((c) => !c.parentId && !c.resolved).length;

  return (
    <section className="flex flex-col gap-4" aria-label={t("title")} data-testid="review-panel">
      <RatingAndDecision assetId={assetId} actions={actions} />
      <div className="flex items-center justify-between">
        <h3 className="text-xs font-medium text-muted">{t("comments", { n: open })}</h3>
        <label className="flex items-center gap-1.5 text-xs text-muted">
          <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} />
          {t("showResolved")}
        </label>
      </div>
      {canComment && <CommentComposer kind={kind} state={state} members={members} actions={actions} />}
      {roots.length === 0 ? (
        <p className="text-sm text-muted">{t("noComments")}</p>
      ) : (
        <ul className="flex flex-col gap-2" data-testid="review-comments">
          {roots.map((c) => (
            <CommentThread
              key={c.id}
              root={c}
              replies={comments.filter((r) => r.parentId === c.id)}
              state={state}
              members={members}
              actions={actions}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function RatingAndDecision({ assetId, actions }: { assetId: string; actions: ReturnType<typeof useCommentActions> }) {
  const t = useTranslations("review");
  const locale = useLocale();
  const errorText = useErrorText();
  const canRate = useCan("review:comment");
  const canDecide = useCan("review:decide");
  const q = useAssetReview(assetId);
  const [decision, setDecision] = useState("");
  const [note, setNote] = useState("");
  const [showHistory, setShowHistory] = useState(false);
  if (!q.data) return null;
  const { rating, review } = q.data;
  const stars = rating.mine ?? 0;
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-3">
        <div role="radiogroup" aria-label={t("rating")} className="flex" data-testid="review-stars">
          {[1, 2, 3, 4, 5].map((n) => (
            <button
              key={n}
              type="button"
              role="radio"
              aria-checked={stars === n}
              aria-label={t("stars", { n })}
              disabled={!canRate}
              onClick={() => actions.rate.mutate(n)}
              className={`px-0.5 text-xl leading-none ${n <= stars ? "text-amber-400" : "text-muted/40"} disabled:cursor-default`}
            >
              ★
            </button>
          ))}
        </div>
        <span className="text-xs text-muted" data-testid="review-rating">
          {rating.count ? t("average", { average: (rating.average ?? 0).toFixed(1), n: rating.count }) : t("noRatings")}
        </span>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={TONE[review.state]} data-testid="review-state">
          {t(`states.${review.state}`)}
        </Badge>
        {review.decidedBy && review.decidedAt && (
          <span className="text-xs text-muted">
            {t("decidedBy", {
              name: review.decidedBy.name,
              at: new Date(review.decidedAt).toLocaleString(locale === "zh" ? "zh-CN" : "en-US"),
            })}
          </span>
        )}
      </div>
      {canDecide && (
        <form
          className="flex flex-col gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (!decision) return;
            actions.decide.mutate(
              { decision, ...(note.trim() ? { note: note.trim() } : {}) },
              { onSuccess: () => (setDecision(""), setNote("")) },
            );
          }}
        >
          <div className="flex gap-2">
            <Select
              aria-label={t("decision")}
              value={decision}
              onChange={(e) => setDecision(e.target.value)}
              data-testid="review-decision"
              className="h-9"
            >
              <option value="">{t("decide")}…</option>
              {(["in_review", "approved", "changes_requested", "rejected"] as const).map((d) => (
                <option key={d} value={d}>
                  {t(`states.${d}`)}
                </option>
              ))}
            </Select>
            <Button type="submit" size="sm" disabled={!decision} loading={actions.decide.isPending}>
              {t("record")}
            </Button>
          </div>
          {decision && (
            <Textarea
              rows={2}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              placeholder={t("notePlaceholder")}
              aria-label={t("note")}
              maxLength={2000}
            />
          )}
          {actions.decide.error && (
            <p role="alert" className="text-sm text-danger">
              {actions.decide.error instanceof ApiError && actions.decide.error.details.reason === "decided"
                ? t("errors.decided", {
                    by: String(actions.decide.error.details.by),
                    state: t(`states.${String(actions.decide.error.details.state) as "approved"}`),
                  })
                : errorText(actions.decide.error)}
            </p>
          )}
        </form>
      )}
      {review.history.length > 0 && (
        <div>
          <Button
            size="sm"
            variant="ghost"
            className="-ml-3"
            onClick={() => setShowHistory((v) => !v)}
            aria-expanded={showHistory}
          >
            {t("history", { n: review.history.length })}
          </Button>
          {showHistory && (
            <ol className="mt-1 flex flex-col gap-1.5 text-xs" data-testid="review-history">
              {review.history.map((h) => (
                <li key={h.id} className="text-muted">
                  <span className="font-medium text-fg">{h.by?.name ?? t("someone")}</span>{" "}
                  {t("historyLine", { from: t(`states.${h.from as "none"}`), to: t(`states.${h.state as "none"}`) })}
                  {h.override && (
                    <Badge tone="warning" className="ms-1">
                      {t("override")}
                    </Badge>
                  )}
                  {" · "}
                  <time dateTime={h.at}>{new Date(h.at).toLocaleString(locale === "zh" ? "zh-CN" : "en-US")}</time>
                  {h.note && <span className="block text-fg">“{h.note}”</span>}
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </div>
  );
}
