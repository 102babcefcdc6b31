"use client";

import { compareHref } from "./compare-href";
import { useQuery } from "@tanstack/react-query";
import { GitCompareArrowsIcon, MessageSquareIcon } from "lucide-react";
import Link from "next/link";
import { useLocale, useTranslations } from "use-intl";
import { buttonClasses, cn } from "@/components/ui";
import { api } from "@/lib/client/api";
import type { StackSummary, VersionItem } from "@/lib/versions/stacks";
import { useSettingText } from "./setting-text";

export type { StackSummary, VersionItem };

export function useVersions(assetId: string) {
  return useQuery({
    queryKey: ["asset-versions", assetId],
    queryFn: () => api<{ stack: StackSummary | null; versions: VersionItem[] }>(`/api/v1/assets/${assetId}/versions`),
  });
}

export { compareHref };

/**
 * The detail view's version stack: v3, v2, v1 with the latest on top, what each changed from the one before, and
 * each version's comment count (comments are per version). Opening a version shows its own detail and comments.
 */
export function VersionStack({
  assetId,
  kind,
  models,
  onOpen,
}: {
  assetId: string;
  kind: string;
  models: Record<string, { name: { zh: string; en: string } }>;
  onOpen: (assetId: string) => void;
}) {
  const t = useTranslations("gallery.versions");
  const locale = useLocale();
  const q = useVersions(assetId);
  const text = useSettingText(kind, models);
  const versions = q.data?.versions ?? [];
  if (versions.length < 2) return null;
  const here = versions.findIndex((v) => v.assetId === assetId);
  const previous = versions[here + 1] ?? versions[here - 1];
  return (
    <section className="flex flex-col gap-2" aria-labelledby="version-stack-title" data-testid="version-stack">
      <div className="flex items-center justify-between gap-2">
        <h3 id="version-stack-title" className="text-xs font-medium text-muted">
          {t("title", { n: versions.length })}
        </h3>
        {previous && (
          <Link
            href={compareHref([previous.assetId, assetId].sort((a, b) => order(versions, a) - order(versions, b)))}
            className={buttonClasses({ variant: "secondary", size: "sm" })}
            data-testid="compare-previous"
          >
            <GitCompareArrowsIcon />
            {t("compareWith", { version: previous.version })}
          </Link>
        )}
      </div>
      <ol className="flex flex-col gap-1.5">
        {versions.map((v, i) => {
          const current = v.assetId === assetId;
          return (
            <li
              key={v.assetId}
              className={cn(
                "flex items-start gap-2.5 rounded-lg border p-2",
                current ? "border-accent/50 bg-accent/5" : "border-border",
              )}
              data-testid="version-row"
              data-version={v.version}
            >
              <button
                type="button"
                onClick={() => onOpen(v.assetId)}
                disabled={current}
                aria-current={current ? "true" : undefined}
                aria-label={t("open", { version: v.version })}
                className="shrink-0 rounded-md focus-visible:ring-2 focus-visible:ring-accent focus-visible:outline-none enabled:cursor-pointer"
              >
                {/* eslint-disable-next-line @next/next/no-img-element -- the studio's own small thumbnail */}
                <img
                  src={v.thumbnailUrl}
                  alt=""
                  onError={(e) => (e.currentTarget.style.visibility = "hidden")}
                  className="size-12 rounded-md bg-surface-2 object-cover"
                />
              </button>
              <div className="min-w-0 flex-1 text-xs leading-5">
                <p className="flex flex-wrap items-center gap-x-2 text-fg">
                  <span className="font-semibold">v{v.version}</span>
                  {i === 0 && <span className="text-accent-text">{t("latest")}</span>}
                  {current && <span className="text-muted">{t("viewing")}</span>}
                  <span
                    className="inline-flex items-center gap-0.5 text-muted"
                    title={t("comments", { n: v.commentCount })}
                  >
                    <MessageSquareIcon aria-hidden="true" className="size-3" />
                    <span className="sr-only">{t("comments", { n: v.commentCount })}</span>
                    <span aria-hidden="true">{v.commentCount}</span>
                  </span>
                </p>
                <p className="text-muted">
                  <time dateTime={v.createdAt}>
                    {new Date(v.createdAt).toLocaleString(locale === "zh" ? "zh-CN" : "en-US", {
                      dateStyle: "short",
                      timeStyle: "short",
                    })}
                  </time>
                  {v.creator && ` · ${v.creator.name}`}
                </p>
                {v.changes ? (
                  v.changes.length ? (
                    <ul className="mt-0.5 text-fg" data-testid="version-changes">
                      {v.changes.slice(0, 3).map((c) => (
                        <li key={c.field} className="truncate">
                          <span className="text-muted">{text.label(c.field)}:</span> {text.value(c.field, c.from)} →{" "}
                          {text.value(c.field, c.to)}
                        </li>
                      ))}
                      {v.changes.length > 3 && <li className="text-muted">{t("more", { n: v.changes.length - 3 })}</li>}
                    </ul>
                  ) : (
                    <p className="text-muted">{t("noChanges")}</p>
                  )
                ) : (
                  <p className="text-muted">{t("first")}</p>
                )}
              </div>
              {!current && (
                <Link
                  href={compareHref([v.assetId, assetId].sort((a, b) => order(versions, a) - order(versions, b)))}
                  className={buttonClasses({ variant: "ghost", size: "icon" })}
                  aria-label={t("compareThis", { version: v.version })}
                  title={t("compareThis", { version: v.version })}
                >
                  <GitCompareArrowsIcon />
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** Older versions first in a compare (left to right). */
const order = (versions: VersionItem[], id: string) => versions.find((v) => v.assetId === id)?.version ?? 0;
