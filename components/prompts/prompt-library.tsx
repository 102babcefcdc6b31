"use client";

import { LibraryBigIcon, PlusIcon, SearchIcon } from "lucide-react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { Badge, Button, cn, EmptyState, Input, Spinner } from "@/components/ui";
import { api } from "@/lib/client/api";
import { useErrorText } from "@/lib/client/error-text";
import { NewPromptForm } from "./new-prompt-form";
import { PromptDetail } from "./prompt-detail";
import type { PromptView } from "./types";

type Page = { items: PromptView[]; nextCursor: string | null };

/** The team's saved prompts (search, tags) beside the chosen one (`?id=`); `?new=1` writes a new one. */
export function PromptLibrary({ canEdit }: { canEdit: boolean }) {
  const t = useTranslations("experiments.prompts");
  const errorText = useErrorText();
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const selected = search.get("id") ?? undefined;
  const creating = search.get("new") === "1";
  const [q, setQ] = useState("");
  const go = (params: Record<string, string>) =>
    router.replace(`${pathname}?${new URLSearchParams(params)}`, { scroll: false });
  const list = useInfiniteQuery({
    queryKey: ["prompts", q.trim()],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const sp = new URLSearchParams();
      if (q.trim()) sp.set("q", q.trim());
      if (pageParam) sp.set("cursor", pageParam);
      return api<Page>(`/api/v1/prompts?${sp}`);
    },
    getNextPageParam: (p) => p.nextCursor,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(260px,360px)_1fr]">
      <div className={cn("flex min-w-0 flex-col gap-3", (selected || creating) && "max-lg:hidden")}>
        <div className="flex gap-2">
          <div className="relative flex-1">
            <SearchIcon className="pointer-events-none absolute start-2.5 top-1/2 size-4 -translate-y-1/2 text-muted" />
            <Input
              value={q}
              onChange={(e) => setQ(e.target.value)}
              placeholder={t("search")}
              aria-label={t("search")}
              className="ps-8"
            />
          </div>
          {canEdit && (
            <Button variant="primary" onClick={() => go({ new: "1" })} data-testid="prompt-new">
              <PlusIcon />
              <span className="sr-only sm:not-sr-only">{t("new")}</span>
            </Button>
          )}
        </div>
        {list.isPending ? (
          <Spinner className="mx-auto my-8" />
        ) : list.isError ? (
          <p role="alert" className="text-sm text-danger">
            {errorText(list.error)}
          </p>
        ) : items.length === 0 ? (
          <EmptyState
            icon={<LibraryBigIcon />}
            title={t("empty")}
            description={t("emptyHint")}
            className="rounded-xl border border-dashed border-border"
          />
        ) : (
          <ul className="flex flex-col gap-2" data-testid="prompt-list">
            {items.map((p) => (
              <li key={p.id}>
                <button
                  type="button"
                  onClick={() => go({ id: p.id })}
                  aria-current={p.id === selected ? "true" : undefined}
                  className={cn(
                    "flex w-full flex-col gap-1 rounded-xl border bg-surface px-4 py-3 text-start hover:border-border-strong",
                    p.id === selected ? "border-accent ring-2 ring-accent/20" : "border-border",
                  )}
                >
                  <span className="flex items-center gap-2">
                    <span className="min-w-0 flex-1 truncate font-medium text-fg">{p.name}</span>
                    <Badge className="h-5 px-2">v{p.latest.version}</Badge>
                  </span>
                  <span className="line-clamp-2 text-sm text-muted">{p.latest.body}</span>
                  {p.tags.length > 0 && (
                    <span className="flex flex-wrap gap-1">
                      {p.tags.map((tag) => (
                        <span key={tag} className="rounded bg-surface-2 px-1.5 py-0.5 text-xs text-muted">
                          #{tag}
                        </span>
                      ))}
                    </span>
                  )}
                </button>
              </li>
            ))}
          </ul>
        )}
        {list.hasNextPage && (
          <Button variant="ghost" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t("more")}
          </Button>
        )}
      </div>
      <div className="min-w-0">
        {(selected || creating) && (
          <Button variant="ghost" size="sm" className="mb-3 lg:hidden" onClick={() => go({})}>
            {t("back")}
          </Button>
        )}
        {creating ? (
          <NewPromptForm onCreated={(p) => go({ id: p.id })} onCancel={() => go({})} />
        ) : selected ? (
          <PromptDetail key={selected} id={selected} />
        ) : (
          <p className="hidden rounded-xl border border-dashed border-border p-10 text-center text-sm text-muted lg:block">
            {t("pick")}
          </p>
        )}
      </div>
    </div>
  );
}
