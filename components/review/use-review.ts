"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import type { CommentView } from "@/lib/review/comments";
import type { RatingSummary, ReviewSummary } from "@/lib/review/decisions";
import type { Shape } from "@/lib/review/schema";

export type { CommentView, RatingSummary, ReviewSummary, Shape };

export function useComments(assetId: string) {
  return useQuery({
    queryKey: ["comments", assetId],
    queryFn: () => api<{ items: CommentView[] }>(`/api/v1/assets/${assetId}/comments?limit=500`).then((r) => r.items),
    refetchInterval: 15_000,
  });
}

export function useAssetReview(assetId: string) {
  return useQuery({
    queryKey: ["asset-review", assetId],
    queryFn: () => api<{ rating: RatingSummary; review: ReviewSummary }>(`/api/v1/assets/${assetId}`),
  });
}

export interface Member {
  id: string;
  name: string;
}

export function useMembers() {
  return useQuery({
    queryKey: ["team-members"],
    queryFn: () =>
      api<{ members: { userId: string; name: string }[] }>("/api/v1/team").then((r) =>
        r.members.map((m) => ({ id: m.userId, name: m.name })),
      ),
    staleTime: 60_000,
  });
}

export interface NewComment {
  body: string;
  timeSeconds?: number;
  endSeconds?: number;
  shapes?: Shape[];
  parentId?: string;
}

export function useCommentActions(assetId: string) {
  const qc = useQueryClient();
  const refresh = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ["comments", assetId] }),
      qc.invalidateQueries({ queryKey: ["notifications"] }),
    ]);
  const create = useMutation({
    mutationFn: (c: NewComment) => api<CommentView>(`/api/v1/assets/${assetId}/comments`, { method: "POST", json: c }),
    onSettled: refresh,
  });
  const update = useMutation({
    mutationFn: ({ id, ...body }: { id: string; body?: string; resolved?: boolean }) =>
      api<CommentView>(`/api/v1/comments/${id}`, { method: "PATCH", json: body }),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api(`/api/v1/comments/${id}`, { method: "DELETE" }),
    onSettled: refresh,
  });
  const rate = useMutation({
    mutationFn: (stars: number) =>
      api<RatingSummary>(`/api/v1/assets/${assetId}/rating`, { method: "PUT", json: { stars } }),
    onSettled: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ["asset-review", assetId] }),
        qc.invalidateQueries({ queryKey: ["gallery"] }),
      ]),
  });
  const decide = useMutation({
    mutationFn: (d: { decision: string; note?: string }) =>
      api<ReviewSummary>(`/api/v1/assets/${assetId}/review`, { method: "POST", json: d }),
    onSettled: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ["asset-review", assetId] }),
        qc.invalidateQueries({ queryKey: ["gallery"] }),
      ]),
  });
  return { create, update, remove, rate, decide };
}

export { timecode } from "./timecode";
