"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { api } from "@/lib/client/api";
import { FILTER_KEYS, type BoardView, type Filters, type GalleryItem, type GalleryPage } from "./types";

/** The filters live in the URL: shareable, and the back button steps through them. */
export function useGalleryFilters() {
  const sp = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filters = useMemo(() => {
    const f: Filters = {};
    for (const k of FILTER_KEYS) {
      const v = sp.get(k);
      if (v) f[k] = v;
    }
    return f;
  }, [sp]);
  const setFilters = useCallback(
    (patch: Filters, opts: { replace?: boolean } = {}) => {
      const next = new URLSearchParams(sp.toString());
      for (const [k, v] of Object.entries(patch)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      const url = `${pathname}${next.size ? `?${next}` : ""}`;
      if (opts.replace) router.replace(url, { scroll: false });
      else router.push(url, { scroll: false });
    },
    [sp, router, pathname],
  );
  const clear = useCallback(() => router.push(pathname, { scroll: false }), [router, pathname]);
  return { filters, setFilters, clear };
}

const PAGE = 120;

export function useGalleryItems(filters: Filters) {
  return useInfiniteQuery({
    queryKey: ["gallery", filters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const sp = new URLSearchParams(filters as Record<string, string>);
      sp.set("limit", String(PAGE));
      if (pageParam) sp.set("cursor", pageParam);
      return api<GalleryPage>(`/api/v1/gallery?${sp}`, { signal });
    },
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useBoards() {
  return useQuery({
    queryKey: ["boards"],
    queryFn: () => api<{ items: BoardView[] }>("/api/v1/boards").then((r) => r.items),
  });
}

/** Apply a change to an item in every loaded gallery page (favourites and tags show at once). */
function patchCached(qc: ReturnType<typeof useQueryClient>, ids: Set<string>, patch: (i: GalleryItem) => GalleryItem) {
  qc.setQueriesData<InfiniteData<GalleryPage>>({ queryKey: ["gallery"] }, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((p) => ({ ...p, items: p.items.map((i) => (ids.has(i.assetId) ? patch(i) : i)) })),
        }
      : data,
  );
}

export function useGalleryActions() {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: ["gallery"] });
  const update = useMutation({
    mutationFn: ({ id, ...body }: { id: string; title?: string | null; tags?: string[]; favorite?: boolean }) =>
      api<GalleryItem>(`/api/v1/assets/${id}`, { method: "PATCH", json: body }),
    onMutate: ({ id, ...body }) =>
      patchCached(qc, new Set([id]), (i) => ({
        ...i,
        ...(body.favorite !== undefined ? { favorite: body.favorite } : {}),
        ...(body.tags ? { tags: body.tags } : {}),
      })),
    onSuccess: (item) => patchCached(qc, new Set([item.assetId]), () => item),
    onError: refresh,
  });
  const bulk = useMutation({
    mutationFn: (body: {
      action: "favorite" | "unfavorite" | "trash" | "restore" | "addTags" | "removeTags";
      assetIds: string[];
      tags?: string[];
    }) => api<{ changed: number }>("/api/v1/gallery/bulk", { method: "POST", json: body }),
    onMutate: (b) => {
      if (b.action === "favorite" || b.action === "unfavorite")
        patchCached(qc, new Set(b.assetIds), (i) => ({ ...i, favorite: b.action === "favorite" }));
    },
    onSettled: refresh,
  });
  const trash = useMutation({
    mutationFn: (id: string) => api(`/api/v1/assets/${id}`, { method: "DELETE" }),
    onSettled: refresh,
  });
  const restore = useMutation({
    mutationFn: (id: string) => api(`/api/v1/assets/${id}/restore`, { method: "POST" }),
    onSettled: refresh,
  });
  const createBoard = useMutation({
    mutationFn: (name: string) => api<BoardView>("/api/v1/boards", { method: "POST", json: { name } }),
    onSettled: () => qc.invalidateQueries({ queryKey: ["boards"] }),
  });
  const addToBoard = useMutation({
    mutationFn: ({ boardId, assetIds }: { boardId: string; assetIds: string[] }) =>
      api<{ added: number }>(`/api/v1/boards/${boardId}/items`, { method: "POST", json: { assetIds } }),
    onSettled: () => Promise.all([qc.invalidateQueries({ queryKey: ["boards"] }), refresh()]),
  });
  const emptyTrash = useMutation({
    mutationFn: () => api<{ purged: number }>("/api/v1/gallery/trash", { method: "DELETE" }),
    onSettled: refresh,
  });
  // A board's order: the item moves at once in every loaded list of that board in its own order, then the server's
  // order is read again.
  const reorder = useMutation({
    mutationFn: ({ boardId, assetId, before }: { boardId: string; assetId: string; before: string | null }) =>
      api(`/api/v1/boards/${boardId}/items`, { method: "PATCH", json: { assetId, before } }),
    onMutate: ({ boardId, assetId, before }) =>
      qc.setQueriesData<InfiniteData<GalleryPage>>(
        {
          queryKey: ["gallery"],
          predicate: (query) => {
            const f = query.queryKey[1] as Filters | undefined;
            return f?.board === boardId && (!f.sort || f.sort === "position");
          },
        },
        (data) => (data ? moveInPages(data, assetId, before) : data),
      ),
    onSettled: refresh,
  });
  return { update, bulk, trash, restore, createBoard, addToBoard, emptyTrash, reorder };
}

/** `assetId` moved before `before` (or last) across the loaded pages, each page keeping its length. */
export function moveInPages(
  data: InfiniteData<GalleryPage>,
  assetId: string,
  before: string | null,
): InfiniteData<GalleryPage> {
  const all = data.pages.flatMap((p) => p.items);
  const item = all.find((i) => i.assetId === assetId);
  if (!item) return data;
  const rest = all.filter((i) => i.assetId !== assetId);
  const at = before ? rest.findIndex((i) => i.assetId === before) : -1;
  rest.splice(at < 0 ? rest.length : at, 0, item);
  let n = 0;
  return {
    ...data,
    pages: data.pages.map((p) => {
      const items = rest.slice(n, n + p.items.length);
      n += p.items.length;
      return { ...p, items };
    }),
  };
}
