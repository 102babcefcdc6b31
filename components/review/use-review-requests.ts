"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { useLiveInterval } from "@/lib/client/team-events";
import type { ReviewRequestView } from "@/lib/review/requests";
import type { CreateReviewRequest } from "@/lib/review/schema";

export type { ReviewRequestView };

export type ReviewTab = "waiting" | "requested" | "overdue" | "all";
const QUERY: Record<ReviewTab, string> = {
  waiting: "mine=waiting",
  requested: "mine=requested",
  overdue: "mine=involved&overdue=true",
  all: "",
};

interface Page {
  items: ReviewRequestView[];
  nextCursor?: string;
}

/** One tab of the Reviews page; the team's event stream ("reviews") refetches it when a request changes. */
export function useReviewRequests(tab: ReviewTab) {
  const { interval } = useLiveInterval();
  return useInfiniteQuery({
    queryKey: ["reviews", "list", tab],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api<Page>(`/api/v1/reviews?limit=20&${QUERY[tab]}${pageParam ? `&cursor=${pageParam}` : ""}`),
    getNextPageParam: (p) => p.nextCursor ?? null,
    refetchInterval: interval(15_000),
  });
}

export function useReviewRequest(id: string | null) {
  const { interval } = useLiveInterval();
  return useQuery({
    queryKey: ["reviews", "one", id],
    queryFn: () => api<ReviewRequestView>(`/api/v1/reviews/${id}`),
    enabled: !!id,
    refetchInterval: interval(15_000),
  });
}

export function useCreateReviewRequest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateReviewRequest) =>
      api<ReviewRequestView>("/api/v1/reviews", { method: "POST", json: body }),
    onSettled: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ["reviews"] }),
        qc.invalidateQueries({ queryKey: ["gallery"] }),
        qc.invalidateQueries({ queryKey: ["asset-review"] }),
      ]),
  });
}
