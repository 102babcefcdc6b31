"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import type { NotificationView } from "@/lib/review/notifications";
import type { NotifySettings } from "@/lib/review/notify-settings";

export type { NotificationView, NotifySettings };

interface Page {
  items: NotificationView[];
  unreadCount: number;
  nextCursor?: string;
}

/** Polling stands in for a push channel: the unread list is one indexed query, asked every few seconds. */
export const POLL_MS = 5_000;

export function useUnread() {
  return useQuery({
    queryKey: ["notifications", "unread"],
    queryFn: () => api<Page>("/api/v1/notifications?unread=true&limit=20"),
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: true,
  });
}

export function useInbox(unreadOnly: boolean) {
  return useInfiniteQuery({
    queryKey: ["notifications", "inbox", unreadOnly],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api<Page>(
        `/api/v1/notifications?limit=30${unreadOnly ? "&unread=true" : ""}${pageParam ? `&cursor=${pageParam}` : ""}`,
      ),
    getNextPageParam: (p) => p.nextCursor ?? null,
    refetchInterval: POLL_MS * 2,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { ids: string[] } | { all: true }) =>
      api<{ marked: number; unreadCount: number }>("/api/v1/notifications/read", { method: "POST", json: body }),
    onSettled: () => qc.invalidateQueries({ queryKey: ["notifications"] }),
  });
}

export function useNotifySettings() {
  return useQuery({
    queryKey: ["notify-settings"],
    queryFn: () => api<NotifySettings>("/api/v1/me/notification-settings"),
    staleTime: 60_000,
  });
}
