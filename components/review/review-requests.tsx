"use client";

import { ClipboardCheckIcon } from "lucide-react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { useFormatter, useTranslations } from "use-intl";
import { Badge, Button, EmptyState, Segmented, type BadgeTone } from "@/components/ui";
import { cn } from "@/components/ui/cn";
import { useErrorText } from "@/lib/client/error-text";
import { useReviewRequest, useReviewRequests, type ReviewRequestView, type ReviewTab } from "./use-review-requests";

const TONE: Record<ReviewRequestView["state"], BadgeTone> = {
  pending: "accent",
  approved: "success",
  changes_requested: "warning",
  rejected: "danger",
};
const TABS: ReviewTab[] = ["waiting", "requested", "overdue", "all"];
const DECIDED = ["approved", "changes_requested", "rejected"] as const;

function StateBadge({ state }: { state: ReviewRequestView["state"] }) {
  const t = useTranslations("review.requests.states");
  return (
    <Badge tone={TONE[state]} data-testid="review-request-state" data-state={state}>
      {t(state)}
    </Badge>
  );
}

/** One request's full picture: each reviewer (done or not) and each asset with its state and decisions. */
function RequestDetail({ id }: { id: string }) {
  const t = useTranslations("review.requests");
  const ts = useTranslations("review.states");
  const tk = useTranslations("common.media");
  const errorText = useErrorText();
  const q = useReviewRequest(id);
  if (q.isError)
    return (
      <p role="alert" className="text-sm text-danger">
        {t("error", { message: errorText(q.error) })}
      </p>
    );
  const r = q.data;
  if (!r) return null;
  const names = new Map(r.reviewers.map((p) => [p.id, p.name]));
  return (
    <div className="flex flex-col gap-3 border-t border-border pt-3" data-testid="review-request-detail">
      <div className="flex flex-wrap items-center gap-1.5 text-xs text-muted">
        <span className="me-1 font-medium">{t("reviewers")}</span>
        {r.reviewers.map((p) => (
          <Badge key={p.id} tone={p.finished ? "success" : "neutral"}>
            {p.name}
            {p.finished ? ` · ${t("finished")}` : ""}
          </Badge>
        ))}
      </div>
      <ul className="flex flex-col divide-y divide-border">
        {r.assets.map((a) => (
          <li key={a.assetId} className="flex items-start gap-3 py-2" data-testid="review-request-asset">
            {/* eslint-disable-next-line @next/next/no-img-element -- our own thumbnail route */}
            <img
              src={a.thumbnailUrl}
              alt=""
              loading="lazy"
              className="size-14 shrink-0 rounded-md border border-border bg-surface-2 object-cover"
            />
            <div className="min-w-0 flex-1">
              <p className="truncate text-sm text-fg">
                {a.title ?? a.prompt ?? (["image", "video", "audio"].includes(a.kind) ? tk(a.kind as "image") : a.kind)}
              </p>
              <div className="mt-1 flex flex-wrap items-center gap-1.5">
                <StateBadge state={a.state} />
                {a.decisions.length === 0 && <span className="text-xs text-muted">{t("noDecision")}</span>}
                {a.decisions.map((d) => (
                  <span key={d.userId} className="text-xs text-muted">
                    {t("decisionBy", {
                      name: names.get(d.userId) ?? t("someone"),
                      decision: (DECIDED as readonly string[]).includes(d.decision)
                        ? ts(d.decision as "approved")
                        : d.decision,
                    })}
                  </span>
                ))}
              </div>
            </div>
            <Link
              href={`/gallery?asset=${a.assetId}`}
              className="shrink-0 rounded-md px-2 py-1 text-sm font-medium text-accent-text hover:bg-surface-2"
            >
              {t("openAsset")}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

function RequestCard({ r, initiallyOpen = false }: { r: ReviewRequestView; initiallyOpen?: boolean }) {
  const t = useTranslations("review.requests");
  const format = useFormatter();
  const [open, setOpen] = useState(initiallyOpen);
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium" });
  return (
    <li
      className={cn(
        "flex flex-col gap-3 rounded-xl border bg-surface p-3 sm:p-4",
        r.overdue ? "border-danger/40" : "border-border",
      )}
      data-testid="review-request"
      data-id={r.id}
    >
      <div className="flex flex-wrap items-center gap-2">
        <StateBadge state={r.state} />
        {r.overdue && <Badge tone="danger">{t("overdueBadge")}</Badge>}
        {r.myPending > 0 && r.state === "pending" && <Badge tone="accent">{t("myPending", { n: r.myPending })}</Badge>}
        <span className="text-sm text-fg">{t("by", { name: r.requestedBy?.name ?? t("someone") })}</span>
        <time dateTime={r.createdAt} className="text-xs text-muted">
          {date(r.createdAt)}
        </time>
        {r.dueAt && (
          <span className={cn("text-xs", r.overdue ? "font-medium text-danger" : "text-muted")}>
            {t("due", { date: date(r.dueAt) })}
          </span>
        )}
      </div>
      {r.note && <p className="line-clamp-3 text-sm whitespace-pre-line text-fg">{r.note}</p>}
      <div className="flex flex-wrap items-center gap-3">
        <div className="flex -space-x-2">
          {r.assets.map((a) => (
            // eslint-disable-next-line @next/next/no-img-element -- our own thumbnail route
            <img
              key={a.assetId}
              src={a.thumbnailUrl}
              alt=""
              loading="lazy"
              className="size-10 rounded-md border-2 border-surface bg-surface-2 object-cover"
            />
          ))}
        </div>
        <span className="text-xs text-muted">
          {t("assets", { n: r.assetCount })} · {t("progress", r.progress)} ·{" "}
          {r.wholeTeam ? t("wholeTeam") : r.reviewers.map((p) => p.name).join(", ")}
        </span>
        <Button
          size="sm"
          variant="ghost"
          className="ms-auto"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
          data-testid="review-request-toggle"
        >
          {open ? t("close") : t("open")}
        </Button>
      </div>
      {open && <RequestDetail id={r.id} />}
    </li>
  );
}

/** The Reviews page: what waits for me, what I asked for, overdue items, everything; ?id= opens one request. */
export function ReviewRequests() {
  const t = useTranslations("review.requests");
  const errorText = useErrorText();
  const params = useSearchParams();
  const focusId = params.get("id");
  const [tab, setTab] = useState<ReviewTab>("waiting");
  const q = useReviewRequests(tab);
  const focused = useReviewRequest(focusId);
  const items = (q.data?.pages.flatMap((p) => p.items) ?? []).filter((r) => r.id !== focused.data?.id);

  return (
    <div className="flex flex-col gap-4">
      {focused.data && (
        <ul aria-label={t("title")}>
          <RequestCard r={focused.data} initiallyOpen key={focused.data.id} />
        </ul>
      )}
      <Segmented
        legend={t("tabsLegend")}
        value={tab}
        onChange={setTab}
        options={TABS.map((v) => ({ value: v, label: t(`tabs.${v}`) }))}
        className="self-start"
      />
      {q.isError ? (
        <p role="alert" className="text-sm text-danger">
          {t("error", { message: errorText(q.error) })}
        </p>
      ) : q.isPending ? null : items.length === 0 ? (
        <EmptyState icon={<ClipboardCheckIcon />} title={t(`empty.${tab}`)} />
      ) : (
        <ul className="flex flex-col gap-3" data-testid="review-requests" data-tab={tab}>
          {items.map((r) => (
            <RequestCard key={r.id} r={r} />
          ))}
        </ul>
      )}
      {q.hasNextPage && (
        <Button
          variant="secondary"
          onClick={() => q.fetchNextPage()}
          loading={q.isFetchingNextPage}
          className="self-center"
        >
          {t("loadMore")}
        </Button>
      )}
    </div>
  );
}
