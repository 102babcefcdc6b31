"use client";

import { useQuery } from "@tanstack/react-query";
import type { PriceTable } from "@/lib/catalog/units";
import { api } from "@/lib/client/api";

export type PricesView = PriceTable & { version: string | null; updatedAt: string | null };

/** The price table in force (GET /api/v1/prices), shared by every estimate on the page. */
export function usePrices() {
  return useQuery({ queryKey: ["prices"], queryFn: () => api<PricesView>("/api/v1/prices"), staleTime: 60_000 });
}
