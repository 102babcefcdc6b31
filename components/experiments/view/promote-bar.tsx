"use client";

import { LayoutDashboardIcon } from "lucide-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { useCan } from "@/components/auth/caller-context";
import { Button, Input, Select } from "@/components/ui";
import { api } from "@/lib/client/api";
import { useErrorText } from "@/lib/client/error-text";

type Board = { id: string; name: string };
const NEW = "__new";

/** "Promote": the chosen cells' outputs onto a board of the team (an existing one, or a new one named here). */
export function PromoteBar({ assetIds, label }: { assetIds: string[]; label?: string }) {
  const t = useTranslations("experiments.view");
  const errorText = useErrorText();
  const qc = useQueryClient();
  const can = useCan("gallery:organize");
  const boards = useQuery({
    queryKey: ["boards"],
    queryFn: () => api<{ items: Board[] }>("/api/v1/boards").then((r) => r.items),
    enabled: can,
  });
  const [choice, setChoice] = useState<string>("");
  const [name, setName] = useState("");
  const board = choice || boards.data?.[0]?.id || NEW;
  const add = useMutation({
    mutationFn: async () => {
      const target =
        board === NEW ? await api<Board>("/api/v1/boards", { method: "POST", json: { name: name.trim() } }) : undefined;
      const id = target?.id ?? board;
      const r = await api<{ added: number }>(`/api/v1/boards/${id}/items`, { method: "POST", json: { assetIds } });
      return { added: r.added, name: target?.name ?? boards.data?.find((b) => b.id === id)?.name ?? "" };
    },
    onSuccess: (r) => {
      if (board === NEW) setName("");
      void qc.invalidateQueries({ queryKey: ["boards"] });
      void qc.invalidateQueries({ queryKey: ["gallery"] });
      setChoice("");
      return r;
    },
  });
  if (!can || assetIds.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="promote-bar">
      <Select
        value={board}
        onChange={(e) => setChoice(e.target.value)}
        aria-label={t("chooseBoard")}
        className="w-auto min-w-36"
        data-testid="promote-board"
      >
        {(boards.data ?? []).map((b) => (
          <option key={b.id} value={b.id}>
            {b.name}
          </option>
        ))}
        <option value={NEW}>{t("newBoard")}</option>
      </Select>
      {board === NEW && (
        <Input
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder={t("boardName")}
          aria-label={t("boardName")}
          maxLength={80}
          className="w-44"
          data-testid="promote-board-name"
        />
      )}
      <Button
        variant="secondary"
        onClick={() => add.mutate()}
        loading={add.isPending}
        disabled={board === NEW && !name.trim()}
        data-testid="promote"
      >
        <LayoutDashboardIcon />
        {label ?? t("promote")}
      </Button>
      <span aria-live="polite" className="text-sm">
        {add.isSuccess && (
          <span className="text-success" data-testid="promote-done">
            {t("promoted", { count: add.data.added, board: add.data.name })}
          </span>
        )}
        {add.error && <span className="text-danger">{errorText(add.error)}</span>}
      </span>
    </div>
  );
}
