"use client";

import { GitCompareArrowsIcon, LayoutGridIcon } from "lucide-react";
import Link from "next/link";
import { Suspense, useCallback, useEffect, useMemo, useState } from "react";
import { useTranslations } from "use-intl";
import { useCan } from "@/components/auth/caller-context";
import { Button, buttonClasses, EmptyState, Input, Select } from "@/components/ui";
import type { ReviewTarget } from "@/components/review/request-review-dialog";
import { useDeepLink } from "@/components/review/use-deep-link";
import { compareHref } from "@/components/versions/compare-href";
import { lazyPart, usePreloadWhenIdle } from "@/lib/client/lazy";
import { GalleryFilters } from "./gallery-filters";
import type { GalleryItem, GalleryMember, GalleryModel } from "./types";
import { useBoards, useGalleryActions, useGalleryFilters, useGalleryItems } from "./use-gallery";

// What opens on a choice loads when the page is idle, not with the grid: the detail view (its player and
// review), the share dialog and the review request dialog. A deep link renders the detail as soon as it arrives.
// The grid (with its virtualizer, thumbnails and hover preview) loads beside the first page of items, which the
// browser asks for at the same moment: until both are there the page shows "loading" either way.
const Grid = lazyPart(() => import("./gallery-grid").then((m) => m.GalleryGrid));
const Detail = lazyPart(() => import("./gallery-detail").then((m) => m.GalleryDetail));
const Bar = lazyPart(() => import("./board-bar").then((m) => m.BoardBar));
const Share = lazyPart(() => import("./share-dialog").then((m) => m.ShareDialog));
const RequestReview = lazyPart(() =>
  import("@/components/review/request-review-dialog").then((m) => m.RequestReviewDialog),
);

export interface GalleryBrowserProps {
  models: Record<string, GalleryModel>;
  members: GalleryMember[];
  /** Days an item stays in the trash (STUDIO_TRASH_DAYS). */
  trashDays: number;
}

export function GalleryBrowser({ models, members, trashDays }: GalleryBrowserProps) {
  const t = useTranslations("gallery");
  const { filters, setFilters, clear } = useGalleryFilters();
  const q = useGalleryItems(filters);
  const boards = useBoards();
  const actions = useGalleryActions();
  usePreloadWhenIdle(Detail.preload, Share.preload, RequestReview.preload, Bar.preload);
  useEffect(() => void Grid.preload().catch(() => undefined), []);
  const canOrganize = useCan("gallery:organize");
  const [sharingBoard, setSharingBoard] = useState(false);
  const canRequest = useCan("review:request");
  const tr = useTranslations("review.requests.request");
  const [reviewing, setReviewing] = useState<ReviewTarget | null>(null);
  const items = useMemo(() => q.data?.pages.flatMap((p) => p.items) ?? [], [q.data]);
  // A new filter is a new list: the selection and the open item belong to the old one (state keyed by the filters).
  const filterKey = JSON.stringify(filters);
  const [sel, setSel] = useState<{ key: string; ids: Set<string>; open: number | null }>({
    key: filterKey,
    ids: new Set(),
    open: null,
  });
  const current = sel.key === filterKey ? sel : { key: filterKey, ids: new Set<string>(), open: null };
  const selected = current.ids;
  const open = current.open;
  const setSelected = useCallback(
    (ids: Set<string>) => setSel((s) => ({ key: filterKey, ids, open: s.key === filterKey ? s.open : null })),
    [filterKey],
  );
  const setOpen = useCallback(
    (next: number | null | ((i: number | null) => number | null)) =>
      setSel((s) => {
        const base = s.key === filterKey ? s : { key: filterKey, ids: new Set<string>(), open: null };
        return { ...base, open: typeof next === "function" ? next(base.open) : next };
      }),
    [filterKey],
  );
  const [tag, setTag] = useState("");
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    if (!notice) return;
    const h = setTimeout(() => setNotice(null), 2500);
    return () => clearTimeout(h);
  }, [notice]);

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = q;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const favorite = useCallback(
    (list: GalleryItem[], fav: boolean) => {
      if (list.length === 1) actions.update.mutate({ id: list[0].assetId, favorite: fav });
      else actions.bulk.mutate({ action: fav ? "favorite" : "unfavorite", assetIds: list.map((i) => i.assetId) });
    },
    [actions.update, actions.bulk],
  );
  const ids = [...selected];
  const done = {
    onSuccess: (r: { changed?: number; added?: number }) =>
      setNotice(t("selection.done", { n: r.changed ?? r.added ?? 0 })),
  };
  const filtered = Object.keys(filters).some((k) => k !== "sort");
  const openItem = open !== null ? items[open] : undefined;
  const board = filters.board ? boards.data?.find((b) => b.id === filters.board) : undefined;
  // Reordering needs the board in its own order with nothing filtered out.
  const reorderable =
    !!board &&
    canOrganize &&
    (!filters.sort || filters.sort === "position") &&
    !Object.keys(filters).some((k) => k !== "sort" && k !== "board");
  const deepLink = useDeepLink();
  // Compare: 2–4 images, or two videos / audio clips, in the grid's order.
  const chosen = items.filter((i) => selected.has(i.assetId));
  const compareIds =
    chosen.length >= 2 &&
    chosen.length === selected.size &&
    chosen.every((i) => i.kind === chosen[0].kind) &&
    chosen.length <= (chosen[0].kind === "image" ? 4 : 2)
      ? chosen.map((i) => i.assetId)
      : undefined;

  return (
    <div className="flex flex-col gap-4">
      <GalleryFilters
        filters={filters}
        setFilters={setFilters}
        clear={clear}
        models={models}
        members={members}
        boards={boards.data ?? []}
      />

      <Suspense fallback={null}>
        {board && (
          <Bar.Part
            board={board}
            selected={ids}
            onRequestReview={() => setReviewing({ boardId: board.id, name: board.name, count: board.itemCount })}
            onShare={() => setSharingBoard(true)}
            onDeleted={() => setFilters({ board: "" })}
            onChanged={(n) => {
              setSelected(new Set());
              setNotice(n);
            }}
          />
        )}
      </Suspense>
      {filters.trashed === "true" && canOrganize && items.length > 0 && (
        <div className="flex flex-wrap items-center gap-2 rounded-xl border border-border bg-surface p-3">
          <p className="mr-auto text-sm text-muted">{t("trash.hint", { days: trashDays })}</p>
          <Button
            size="sm"
            variant="danger"
            loading={actions.emptyTrash.isPending}
            onClick={() => {
              if (window.confirm(t("trash.confirm")))
                actions.emptyTrash.mutate(undefined, { onSuccess: (r) => setNotice(t("trash.done", { n: r.purged })) });
            }}
          >
            {t("trash.empty")}
          </Button>
        </div>
      )}
      <Suspense fallback={null}>
        {sharingBoard && board && (
          <Share.Part target={{ boardId: board.id, name: board.name }} onClose={() => setSharingBoard(false)} />
        )}
        {reviewing && <RequestReview.Part target={reviewing} onClose={() => setReviewing(null)} />}
      </Suspense>
      {selected.size > 0 && (
        <div
          role="toolbar"
          aria-label={t("selection.count", { n: selected.size })}
          className="sticky top-0 z-10 flex flex-wrap items-center gap-2 rounded-xl border border-accent/30 bg-surface p-2 shadow-sm"
          data-testid="gallery-selection"
        >
          <span className="px-2 text-sm font-medium text-fg">{t("selection.count", { n: selected.size })}</span>
          <Button
            size="sm"
            variant="secondary"
            onClick={() => actions.bulk.mutate({ action: "favorite", assetIds: ids }, done)}
          >
            {t("selection.favorite")}
          </Button>
          {canOrganize && (
            <>
              <form
                className="flex items-center gap-1"
                onSubmit={(e) => {
                  e.preventDefault();
                  if (tag.trim()) actions.bulk.mutate({ action: "addTags", assetIds: ids, tags: [tag.trim()] }, done);
                  setTag("");
                }}
              >
                <Input
                  value={tag}
                  onChange={(e) => setTag(e.target.value)}
                  placeholder={t("selection.tagPrompt")}
                  aria-label={t("selection.tagPrompt")}
                  maxLength={40}
                  className="h-8 w-36"
                />
                <Button size="sm" variant="secondary" type="submit" disabled={!tag.trim()}>
                  {t("selection.tag")}
                </Button>
              </form>
              <Select
                aria-label={t("selection.addToBoard")}
                value=""
                className="h-8 w-44"
                onChange={async (e) => {
                  let boardId = e.target.value;
                  if (boardId === "__new") {
                    const name = window.prompt(t("selection.boardName"))?.trim();
                    if (!name) return;
                    boardId = (await actions.createBoard.mutateAsync(name)).id;
                  }
                  if (boardId) actions.addToBoard.mutate({ boardId, assetIds: ids }, done);
                }}
              >
                <option value="">{t("selection.addToBoard")}…</option>
                {(boards.data ?? []).map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name}
                  </option>
                ))}
                <option value="__new">{t("selection.newBoard")}</option>
              </Select>
              {filters.trashed === "true" ? (
                <Button
                  size="sm"
                  variant="secondary"
                  onClick={() =>
                    actions.bulk.mutate(
                      { action: "restore", assetIds: ids },
                      { onSuccess: (r) => (done.onSuccess(r), setSelected(new Set())) },
                    )
                  }
                >
                  {t("selection.restore")}
                </Button>
              ) : (
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() =>
                    actions.bulk.mutate(
                      { action: "trash", assetIds: ids },
                      { onSuccess: (r) => (done.onSuccess(r), setSelected(new Set())) },
                    )
                  }
                >
                  {t("selection.trash")}
                </Button>
              )}
            </>
          )}
          {canRequest && filters.trashed !== "true" && (
            <Button
              size="sm"
              variant="secondary"
              data-testid="selection-request-review"
              onClick={() => setReviewing({ assetIds: ids })}
            >
              {tr("action")}
            </Button>
          )}
          {compareIds ? (
            <Link
              href={compareHref(compareIds)}
              className={buttonClasses({ variant: "secondary", size: "sm" })}
              data-testid="selection-compare"
            >
              <GitCompareArrowsIcon />
              {t("selection.compare")}
            </Link>
          ) : (
            selected.size > 1 && (
              <Button size="sm" variant="secondary" disabled title={t("selection.compareHint")}>
                <GitCompareArrowsIcon />
                {t("selection.compare")}
              </Button>
            )
          )}
          <form method="post" action="/api/v1/gallery/zip">
            <input type="hidden" name="assetIds" value={ids.join(",")} />
            <Button size="sm" variant="secondary" type="submit">
              {t("selection.zip")}
            </Button>
          </form>
          <Button size="sm" variant="ghost" onClick={() => setSelected(new Set(items.map((i) => i.assetId)))}>
            {t("selection.selectAll")}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setSelected(new Set())} className="ml-auto">
            {t("selection.clear")}
          </Button>
        </div>
      )}
      <p aria-live="polite" className="sr-only">
        {notice}
      </p>
      {notice && <p className="text-sm text-success">{notice}</p>}
      {(actions.bulk.error || actions.addToBoard.error) && (
        <p role="alert" className="text-sm text-danger">
          {t("error", { message: (actions.bulk.error ?? actions.addToBoard.error)?.message ?? "" })}
        </p>
      )}

      {q.isError ? (
        <div role="alert" className="rounded-xl border border-danger/25 bg-danger/5 p-4 text-sm text-danger">
          {t("loadError", { message: q.error.message })}{" "}
          <Button size="sm" variant="secondary" onClick={() => q.refetch()}>
            {t("retry")}
          </Button>
        </div>
      ) : q.isPending ? (
        <p className="py-12 text-center text-sm text-muted">{t("loading")}</p>
      ) : items.length === 0 ? (
        <EmptyState
          icon={<LayoutGridIcon />}
          title={filters.trashed === "true" ? t("emptyTrash") : filtered ? t("emptyFiltered") : t("empty")}
          description={filtered ? undefined : t("emptyHint")}
          actions={
            filtered ? (
              <Button onClick={clear}>{t("filters.clear")}</Button>
            ) : (
              <Link className="text-sm font-medium text-accent-text underline-offset-4 hover:underline" href="/video">
                {t("emptyAction")} →
              </Link>
            )
          }
        />
      ) : (
        <>
          <Suspense fallback={<p className="py-12 text-center text-sm text-muted">{t("loading")}</p>}>
            <Grid.Part
              items={items}
              hasMore={!!hasNextPage}
              loadingMore={isFetchingNextPage}
              onLoadMore={loadMore}
              selected={selected}
              onSelect={setSelected}
              onOpen={setOpen}
              onFavorite={favorite}
              positionKey={filterKey}
              onReorder={
                reorderable && board
                  ? (assetId, before) =>
                      actions.reorder.mutate(
                        { boardId: board.id, assetId, before },
                        { onError: () => setNotice(t("reorder.failed")) },
                      )
                  : undefined
              }
            />
          </Suspense>
          <p className="hidden text-xs text-muted sm:block">
            {t("selection.hint")}
            {reorderable ? ` · ${t("reorder.hint")}` : ""}
          </p>
        </>
      )}

      <Suspense fallback={null}>
        {deepLink.item && !openItem && (
          <Detail.Part
            key={deepLink.key}
            item={items.find((i) => i.assetId === deepLink.item?.assetId) ?? deepLink.item}
            models={models}
            actions={actions}
            initialReview={deepLink.initial}
            onClose={deepLink.close}
            onStep={() => undefined}
            onOpenAsset={deepLink.open}
          />
        )}
        {openItem && (
          <Detail.Part
            key={openItem.assetId}
            item={openItem}
            models={models}
            actions={actions}
            onClose={() => setOpen(null)}
            onOpenAsset={(id) => {
              setOpen(null);
              deepLink.open(id);
            }}
            onStep={(d) => setOpen((i) => (i === null ? i : Math.max(0, Math.min(items.length - 1, i + d))))}
          />
        )}
      </Suspense>
    </div>
  );
}
