"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "use-intl";
import { useCan } from "@/components/auth/caller-context";
import { Button, buttonClasses } from "@/components/ui";
import { api } from "@/lib/client/api";
import type { BoardView } from "./types";

export interface BoardBarProps {
  board: BoardView;
  /** The grid's selection (in this board). */
  selected: string[];
  onRequestReview: () => void;
  onShare: () => void;
  /** The board is gone (deleted): back to the whole gallery. */
  onDeleted: () => void;
  onChanged: (notice: string) => void;
}

/**
 * A board's own bar: its name and count, ZIP, request review, share; for organisers rename and delete, and on a
 * selection "remove from board" and (one item) "use as cover".
 */
export function BoardBar({ board, selected, onRequestReview, onShare, onDeleted, onChanged }: BoardBarProps) {
  const t = useTranslations("gallery");
  const tr = useTranslations("review.requests.request");
  const canOrganize = useCan("gallery:organize");
  const canShare = useCan("share:create");
  const canRequest = useCan("review:request");
  const qc = useQueryClient();
  const refresh = () =>
    Promise.all([qc.invalidateQueries({ queryKey: ["boards"] }), qc.invalidateQueries({ queryKey: ["gallery"] })]);
  const patch = useMutation({
    mutationFn: (body: { name?: string; coverAssetId?: string }) =>
      api<BoardView>(`/api/v1/boards/${board.id}`, { method: "PATCH", json: body }),
    onSuccess: () => onChanged(t("boards.saved")),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (assetIds: string[]) =>
      api<{ removed: number }>(`/api/v1/boards/${board.id}/items`, { method: "DELETE", json: { assetIds } }),
    onSuccess: (_r, ids) => onChanged(t("selection.done", { n: ids.length })),
    onSettled: refresh,
  });
  const del = useMutation({
    mutationFn: () => api(`/api/v1/boards/${board.id}`, { method: "DELETE" }),
    onSuccess: onDeleted,
    onSettled: refresh,
  });
  return (
    <div
      className="flex flex-wrap items-center gap-2 rounded-xl border border-border bg-surface p-3"
      data-testid="gallery-board-bar"
    >
      <h2 className="mr-auto min-w-0 truncate text-sm font-semibold text-fg">
        {board.name} <span className="font-normal text-muted">· {t("boards.items", { n: board.itemCount })}</span>
      </h2>
      {canOrganize && selected.length > 0 && (
        <Button size="sm" variant="secondary" onClick={() => remove.mutate(selected)} data-testid="board-remove">
          {t("boards.remove", { n: selected.length })}
        </Button>
      )}
      {canOrganize && selected.length === 1 && board.coverAssetId !== selected[0] && (
        <Button size="sm" variant="secondary" onClick={() => patch.mutate({ coverAssetId: selected[0] })}>
          {t("boards.cover")}
        </Button>
      )}
      {board.itemCount > 0 && (
        <a
          href={`/api/v1/boards/${board.id}/zip`}
          download
          className={buttonClasses({ variant: "secondary", size: "sm" })}
        >
          {t("boards.zip")}
        </a>
      )}
      {canRequest && board.itemCount > 0 && (
        <Button size="sm" variant="secondary" data-testid="board-request-review" onClick={onRequestReview}>
          {tr("action")}
        </Button>
      )}
      {canShare && (
        <Button size="sm" variant="secondary" onClick={onShare}>
          {t("share.open")}
        </Button>
      )}
      {canOrganize && (
        <>
          <Button
            size="sm"
            variant="ghost"
            data-testid="board-rename"
            onClick={() => {
              const name = window.prompt(t("boards.renamePrompt"), board.name)?.trim();
              if (name && name !== board.name) patch.mutate({ name });
            }}
          >
            {t("boards.rename")}
          </Button>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => window.confirm(t("boards.deleteConfirm", { name: board.name })) && del.mutate()}
          >
            {t("boards.delete")}
          </Button>
        </>
      )}
    </div>
  );
}
