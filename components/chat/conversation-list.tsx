"use client";

import { PencilIcon, PlusIcon, SearchIcon, Trash2Icon } from "lucide-react";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { useFormatter, useTranslations } from "use-intl";
import { Button, cn, Input, Spinner } from "@/components/ui";
import { api } from "@/lib/client/api";
import type { ConversationSummary } from "@/lib/chat/types";
import { useErrorText } from "@/lib/client/error-text";

type Page = { items: ConversationSummary[]; nextCursor: string | null };

export interface ConversationListProps {
  activeId?: string;
  onSelect: (id: string) => void;
  onNew: () => void;
  /** Called after the conversation on screen was deleted. */
  onDeleted: (id: string) => void;
  modelNames: Record<string, string>;
}

/** The stored conversations: newest first, searchable (titles and message text), renamable, deletable. */
export function ConversationList({ activeId, onSelect, onNew, onDeleted, modelNames }: ConversationListProps) {
  const t = useTranslations("chat.list");
  const [search, setSearch] = useState("");
  const [q, setQ] = useState("");
  useEffect(() => {
    const h = setTimeout(() => setQ(search.trim()), 250);
    return () => clearTimeout(h);
  }, [search]);

  const list = useInfiniteQuery({
    queryKey: ["conversations", q],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const sp = new URLSearchParams();
      if (q) sp.set("q", q);
      if (pageParam) sp.set("cursor", pageParam);
      return api<Page>(`/api/v1/conversations?${sp}`);
    },
    getNextPageParam: (p) => p.nextCursor,
    staleTime: 0,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <nav aria-label={t("title")} className="flex min-h-0 flex-1 flex-col gap-3">
      <div className="flex items-center gap-2">
        <Button variant="primary" size="sm" className="flex-1" onClick={onNew} data-testid="new-chat">
          <PlusIcon />
          {t("new")}
        </Button>
      </div>
      <div className="relative">
        <SearchIcon className="pointer-events-none absolute start-2.5 top-1/2 size-4 -translate-y-1/2 text-muted" />
        <Input
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder={t("search")}
          aria-label={t("search")}
          className="ps-8"
        />
      </div>
      <div className="-mx-1 min-h-0 flex-1 overflow-y-auto px-1">
        {list.isLoading ? (
          <div className="flex justify-center py-6">
            <Spinner label={t("loading")} />
          </div>
        ) : list.isError ? (
          <p role="alert" className="px-1 py-4 text-sm text-danger">
            {t("loadError")}
          </p>
        ) : items.length === 0 ? (
          <p className="px-1 py-6 text-center text-sm text-muted">{q ? t("noMatch", { q }) : t("empty")}</p>
        ) : (
          <ul className="flex flex-col gap-0.5" data-testid="conversation-list">
            {items.map((c) => (
              <Row
                key={c.id}
                c={c}
                active={c.id === activeId}
                onSelect={onSelect}
                onDeleted={onDeleted}
                modelName={(modelNames[c.model] ?? c.model).split(" · ").pop()!}
              />
            ))}
          </ul>
        )}
        {list.hasNextPage && (
          <Button
            variant="ghost"
            size="sm"
            className="mt-2 w-full"
            loading={list.isFetchingNextPage}
            onClick={() => list.fetchNextPage()}
          >
            {t("more")}
          </Button>
        )}
      </div>
    </nav>
  );
}

function Row({
  c,
  active,
  onSelect,
  onDeleted,
  modelName,
}: {
  c: ConversationSummary;
  active: boolean;
  onSelect: (id: string) => void;
  onDeleted: (id: string) => void;
  modelName: string;
}) {
  const t = useTranslations("chat.list");
  const format = useFormatter();
  const qc = useQueryClient();
  const [mode, setMode] = useState<"view" | "rename" | "delete">("view");
  const [title, setTitle] = useState(c.title);
  const inputRef = useRef<HTMLInputElement>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: ["conversations"] });

  const rename = useMutation({
    mutationFn: (next: string) => api(`/api/v1/conversations/${c.id}`, { method: "PATCH", json: { title: next } }),
    onSuccess: () => {
      setMode("view");
      refresh();
      qc.invalidateQueries({ queryKey: ["conversation", c.id] });
    },
  });
  const remove = useMutation({
    mutationFn: () => api(`/api/v1/conversations/${c.id}`, { method: "DELETE" }),
    onSuccess: () => {
      refresh();
      onDeleted(c.id);
    },
  });
  useEffect(() => {
    if (mode === "rename") inputRef.current?.select();
  }, [mode]);

  const submitRename = () => {
    const next = title.trim();
    if (!next || next === c.title) return setMode("view");
    rename.mutate(next);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Enter") submitRename();
    if (e.key === "Escape") {
      setTitle(c.title);
      setMode("view");
    }
  };
  const label = c.title || t("untitled");
  const errorText = useErrorText();
  const error = rename.error ?? remove.error;

  if (mode === "rename") {
    return (
      <li className="rounded-lg bg-surface-2 p-1.5">
        <Input
          ref={inputRef}
          value={title}
          maxLength={120}
          onChange={(e) => setTitle(e.target.value)}
          onKeyDown={onKey}
          onBlur={submitRename}
          aria-label={t("renameLabel")}
          disabled={rename.isPending}
        />
        {error && <p className="mt-1 text-xs text-danger">{errorText(error)}</p>}
      </li>
    );
  }
  return (
    <li
      className={cn("group relative rounded-lg", active ? "bg-accent/10" : "hover:bg-surface-2")}
      data-testid="conversation-item"
      data-conversation-id={c.id}
    >
      <button
        type="button"
        onClick={() => onSelect(c.id)}
        aria-current={active ? "page" : undefined}
        className="flex w-full min-w-0 flex-col items-start gap-0.5 rounded-lg px-2.5 py-2 pe-16 text-start"
      >
        <span className={cn("w-full truncate text-sm", active ? "font-medium text-accent-text" : "text-fg")}>
          {label}
        </span>
        <span className="w-full truncate text-xs text-muted">
          {c.snippet ?? `${format.relativeTime(new Date(c.updatedAt))} · ${modelName}`}
        </span>
      </button>
      {mode === "delete" ? (
        <div
          className="flex items-center justify-end gap-1 px-2 pb-2"
          role="group"
          aria-label={t("deleteConfirm", { title: label })}
        >
          <span className="me-auto text-xs text-danger">{t("deleteConfirm", { title: label })}</span>
          <Button size="sm" variant="ghost" onClick={() => setMode("view")}>
            {t("cancel")}
          </Button>
          <Button size="sm" variant="danger" loading={remove.isPending} onClick={() => remove.mutate()}>
            {t("delete")}
          </Button>
        </div>
      ) : (
        <div className="absolute end-1 top-1.5 flex opacity-0 transition-opacity group-hover:opacity-100 focus-within:opacity-100 max-md:opacity-100">
          <Button
            size="icon"
            variant="ghost"
            className="size-7 [&_svg]:size-3.5"
            aria-label={t("rename", { title: label })}
            title={t("rename", { title: label })}
            onClick={() => setMode("rename")}
          >
            <PencilIcon />
          </Button>
          <Button
            size="icon"
            variant="ghost"
            className="size-7 hover:text-danger [&_svg]:size-3.5"
            aria-label={t("deleteLabel", { title: label })}
            title={t("deleteLabel", { title: label })}
            onClick={() => setMode("delete")}
          >
            <Trash2Icon />
          </Button>
        </div>
      )}
      {error && mode !== "delete" && <p className="px-2.5 pb-2 text-xs text-danger">{errorText(error)}</p>}
    </li>
  );
}
