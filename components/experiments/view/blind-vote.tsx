"use client";

import { EyeOffIcon, ScaleIcon, TrophyIcon } from "lucide-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { Badge, Button, cn } from "@/components/ui";
import { api } from "@/lib/client/api";
import { useErrorText } from "@/lib/client/error-text";
import { cellActive } from "../status";
import type { ExperimentCell, ExperimentView } from "../types";
import { CellCard } from "./cell-card";
import { useVariantTitle, type ModelNames } from "./grid";

const letter = (i: number) => String.fromCharCode(65 + i);

/**
 * Blind voting: each row's cells in the caller's own shuffled order (from the server), names hidden; pick the best
 * or call a tie. The names of a row show once the caller has voted on it.
 */
export function BlindVote({ exp, models, onDone }: { exp: ExperimentView; models: ModelNames; onDone: () => void }) {
  const t = useTranslations("experiments.blind");
  const tb = useTranslations("experiments.builder");
  const errorText = useErrorText();
  const qc = useQueryClient();
  const title = useVariantTitle(models);
  const [mine, setMine] = useState<Record<number, number | "tie">>({});
  const vote = useMutation({
    mutationFn: (v: { row: number; winner: number | "tie" }) =>
      api(`/api/v1/experiments/${exp.id}/votes`, { method: "POST", json: { ...v, blind: true } }),
    onSuccess: (_, v) => {
      setMine((m) => ({ ...m, [v.row]: v.winner }));
      void qc.invalidateQueries({ queryKey: ["experiment", exp.id] });
      void qc.invalidateQueries({ queryKey: ["experiment-results", exp.id] });
    },
  });
  const voted = exp.rows.filter((r) => r.voted || mine[r.row] !== undefined).length;
  // The column a cell sits in for this caller: the server's `column`, else its place in the row's order.
  const columnOf = (c: ExperimentCell) =>
    c.column ?? exp.rows[c.row]?.order?.indexOf(c.variant ?? -1) ?? c.variant ?? 0;

  return (
    <div className="flex flex-col gap-4" data-testid="blind-vote">
      <div className="flex flex-col gap-3 rounded-xl border border-border bg-surface-2/60 p-4 sm:flex-row sm:items-center sm:justify-between">
        <p className="flex items-start gap-2 text-sm text-muted">
          <EyeOffIcon className="mt-0.5 size-4 shrink-0" />
          {t("hint")}
        </p>
        <div className="flex shrink-0 items-center gap-3">
          <span className="text-sm font-medium text-fg tabular-nums" data-testid="blind-progress">
            {t("progress", { done: voted, total: exp.rows.length })}
          </span>
          <Button
            variant={voted === exp.rows.length ? "primary" : "secondary"}
            size="sm"
            onClick={onDone}
            data-testid="blind-reveal"
          >
            {t("revealAll")}
          </Button>
        </div>
      </div>
      {vote.error && (
        <p role="alert" className="text-sm text-danger">
          {t("voteError", { message: errorText(vote.error) })}
        </p>
      )}
      {exp.rows.map((r) => {
        const cells = exp.cells.filter((c) => c.row === r.row).sort((a, b) => columnOf(a) - columnOf(b));
        const done = r.voted || mine[r.row] !== undefined;
        const ready = cells.length > 0 && cells.every((c) => !cellActive(c));
        const choice = mine[r.row];
        return (
          <section
            key={r.row}
            className="flex flex-col gap-3 rounded-xl border border-border bg-surface p-3 sm:p-4"
            aria-label={r.prompt}
            data-testid="blind-row"
            data-voted={done ? "true" : "false"}
          >
            <div className="flex flex-wrap items-center justify-between gap-2">
              <p className="min-w-0 text-sm text-fg">
                <span className="me-2 text-xs text-muted tabular-nums">{r.row + 1}</span>
                {r.prompt}
              </p>
              {done ? (
                <Badge tone="success">
                  {choice === "tie"
                    ? t("votedTie")
                    : choice !== undefined
                      ? t("voted", { choice: letter(choice) })
                      : t("votedDone")}
                </Badge>
              ) : !ready ? (
                <span className="text-xs text-muted">{t("notReady")}</span>
              ) : null}
            </div>
            <div
              className="grid gap-3"
              style={{ gridTemplateColumns: `repeat(auto-fill, minmax(min(100%, 200px), 1fr))` }}
            >
              {cells.map((c) => {
                const col = columnOf(c);
                const v = c.variant !== undefined ? exp.variants[c.variant] : undefined;
                const revealed =
                  done && c.variant !== undefined
                    ? v && !v.hidden && v.model
                      ? title(v).name
                      : tb("variantN", { n: c.variant + 1 })
                    : undefined;
                return (
                  <CellCard
                    key={`${c.row}-${col}`}
                    cell={c}
                    header={
                      <div className="flex items-center justify-between gap-2 px-0.5">
                        <span className="text-sm font-semibold text-fg">{t("option", { letter: letter(col) })}</span>
                        {revealed && (
                          <span className="truncate text-xs text-accent-text" data-testid="blind-revealed">
                            {revealed}
                          </span>
                        )}
                      </div>
                    }
                    footer={
                      !done && (
                        <Button
                          size="sm"
                          variant="secondary"
                          disabled={!ready}
                          loading={vote.isPending && vote.variables?.row === r.row && vote.variables.winner === col}
                          onClick={() => vote.mutate({ row: r.row, winner: col })}
                          data-testid="blind-pick"
                        >
                          <TrophyIcon />
                          {t("pick")}
                        </Button>
                      )
                    }
                  />
                );
              })}
            </div>
            {!done && (
              <Button
                size="sm"
                variant="ghost"
                className={cn("self-center")}
                disabled={!ready}
                onClick={() => vote.mutate({ row: r.row, winner: "tie" })}
                data-testid="blind-tie"
              >
                <ScaleIcon />
                {t("tie")}
              </Button>
            )}
          </section>
        );
      })}
    </div>
  );
}
