"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";
import type { GalleryItem, GalleryPage } from "@/components/gallery/types";
import { api } from "@/lib/client/api";

/**
 * `/gallery?asset=…&comment=…&t=…` (a notification's link): the asset's detail opens whether or not it is on the
 * loaded pages, the player seeks to `t` and the comment is the open one.
 */
export function useDeepLink() {
  const sp = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const assetId = sp.get("asset");
  const t = sp.get("t");
  const q = useQuery({
    queryKey: ["gallery-item", assetId],
    enabled: !!assetId,
    queryFn: () =>
      api<GalleryPage>(`/api/v1/gallery?asset=${encodeURIComponent(assetId!)}&origin=all&limit=1`).then(
        (r) => r.items[0] ?? null,
      ),
  });
  const close = useCallback(() => {
    const next = new URLSearchParams(sp.toString());
    for (const k of ["asset", "comment", "t"]) next.delete(k);
    router.replace(`${pathname}${next.size ? `?${next}` : ""}`, { scroll: false });
  }, [sp, router, pathname]);
  /** Open this asset's detail (replacing any deep link there was). */
  const open = useCallback(
    (id: string) => {
      const next = new URLSearchParams(sp.toString());
      for (const k of ["comment", "t"]) next.delete(k);
      next.set("asset", id);
      router.replace(`${pathname}?${next}`, { scroll: false });
    },
    [sp, router, pathname],
  );
  return {
    open,
    item: (q.data ?? null) as GalleryItem | null,
    key: `${assetId}|${sp.get("comment")}|${t}`,
    initial: {
      ...(sp.get("comment") ? { commentId: sp.get("comment")! } : {}),
      ...(t && Number.isFinite(Number(t)) ? { time: Number(t) } : {}),
    },
    close,
  };
}
