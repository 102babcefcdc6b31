"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { useLiveInterval } from "@/lib/client/team-events";
import type { NotificationView } from "@/lib/review/notifications";
import type { NotifySettings } from "@/lib/review/notify-settings";

export type { NotificationView, NotifySettings };

interface Page {
  items: NotificationView[];
  unreadCount: number;
  nextCursor?: string;
}

/**
 * News arrives on the team's event stream (a "notifications" change refetches the list); this slow poll is the
 * fallback while the stream is down (lib/client/team-events: LIVE_FALLBACK_MS while it is healthy).
 */
export const FALLBACK_POLL_MS = 15_000;

export function useUnread() {
  const { interval } = useLiveInterval();
  return useQuery({
    queryKey: ["notifications", "unread"],
    queryFn: () => api<Page>("/api/v1/notifications?unread=true&limit=20"),
    refetchInterval: interval(FALLBACK_POLL_MS),
    refetchIntervalInBackground: true,
  });
}

export function useInbox(unreadOnly: boolean) {
  const { interval } = useLiveInterval();
  return useInfiniteQuery({
    queryKey: ["notifications", "inbox", unreadOnly],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api<Page>(
        `/api/v1/notifications?limit=30${unreadOnly ? "&unread=true" : ""}${pageParam ? `&cursor=${pageParam}` : ""}`,
      ),
    getNextPageParam: (p) => p.nextCursor ?? null,
    refetchInterval: interval(FALLBACK_POLL_MS * 2),
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
