"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button, Card, CardBody, CardHeader, Field, Input } from "@/components/ui";
import { api } from "@/lib/client/api";
import { useErrorText } from "@/lib/client/error-text";
import { useTranslations } from "@/lib/i18n/client";
import { useMoney } from "./spend-estimate";

type Limits = { monthly?: number; daily?: number; maxConcurrent?: number; maxPerHour?: number };
export type BudgetsAnswer = {
  team: { monthly?: number; daily?: number; resetDay: number };
  members: Record<string, Limits>;
  currency: string;
  state: { budget: string; limit: number; spent: number; remaining: number }[];
};
type Member = { userId: string; name: string; email: string; role: string };

const num = (v: string) => (v.trim() === "" ? null : Number(v));
const str = (v: number | undefined) => (v === undefined ? "" : String(v));

/** Admins: member budgets and quotas; operators also the team's monthly/daily budget and its reset day. */
export function BudgetSettings({ operator }: { operator: boolean }) {
  const budgets = useQuery({ queryKey: ["budgets"], queryFn: () => api<BudgetsAnswer>("/api/v1/budgets") });
  const team = useQuery({ queryKey: ["team"], queryFn: () => api<{ members: Member[] }>("/api/v1/team") });
  if (!budgets.data || !team.data) return null;
  return <BudgetForm operator={operator} initial={budgets.data} members={team.data.members} />;
}

function BudgetForm({ operator, initial, members }: { operator: boolean; initial: BudgetsAnswer; members: Member[] }) {
  const t = useTranslations("spend.budgets");
  const errorText = useErrorText();
  const money = useMoney();
  const queries = useQueryClient();
  const [team, setTeam] = useState({
    monthly: str(initial.team.monthly),
    daily: str(initial.team.daily),
    resetDay: String(initial.team.resetDay),
  });
  const [rows, setRows] = useState<Record<string, Record<keyof Limits, string>>>(() =>
    Object.fromEntries(
      members.map((m) => {
        const b = initial.members[m.userId] ?? {};
        return [
          m.userId,
          {
            monthly: str(b.monthly),
            daily: str(b.daily),
            maxConcurrent: str(b.maxConcurrent),
            maxPerHour: str(b.maxPerHour),
          },
        ];
      }),
    ),
  );
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      api<BudgetsAnswer>("/api/v1/budgets", {
        method: "PUT",
        json: {
          ...(operator
            ? { team: { monthly: num(team.monthly), daily: num(team.daily), resetDay: Number(team.resetDay) || 1 } }
            : {}),
          members: Object.fromEntries(
            Object.entries(rows).map(([id, r]) => [
              id,
              {
                monthly: num(r.monthly),
                daily: num(r.daily),
                maxConcurrent: num(r.maxConcurrent),
                maxPerHour: num(r.maxPerHour),
              },
            ]),
          ),
        },
      }),
    onSuccess: (data) => {
      queries.setQueryData(["budgets"], data);
      void queries.invalidateQueries({ queryKey: ["usage"] });
      setSaved(true);
    },
  });
  const c = initial.currency;
  return (
    <Card>
      <CardHeader title={t("title")} description={t("hint")} />
      <CardBody>
        <form
          className="flex flex-col gap-5"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <fieldset className="flex flex-col gap-3">
            <legend className="mb-2 text-[13px] font-semibold text-fg">{t("team")}</legend>
            {!operator && <p className="text-xs text-muted">{t("teamOperatorOnly")}</p>}
            <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
              <Field label={t("monthly", { currency: c })}>
                <Input
                  name="team-monthly"
                  type="number"
                  min={0}
                  step="any"
                  disabled={!operator}
                  value={team.monthly}
                  onChange={(e) => setTeam({ ...team, monthly: e.target.value })}
                />
              </Field>
              <Field label={t("daily", { currency: c })}>
                <Input
                  name="team-daily"
                  type="number"
                  min={0}
                  step="any"
                  disabled={!operator}
                  value={team.daily}
                  onChange={(e) => setTeam({ ...team, daily: e.target.value })}
                />
              </Field>
              <Field label={t("resetDay")}>
                <Input
                  name="team-reset-day"
                  type="number"
                  min={1}
                  max={28}
                  disabled={!operator}
                  value={team.resetDay}
                  onChange={(e) => setTeam({ ...team, resetDay: e.target.value })}
                />
              </Field>
            </div>
            {initial.state.map((s) => (
              <p key={s.budget} className="text-xs text-muted tabular-nums" data-testid="budget-state">
                {t("state", {
                  budget: s.budget,
                  spent: money(s.spent, c),
                  limit: money(s.limit, c),
                  remaining: money(s.remaining, c),
                })}
              </p>
            ))}
          </fieldset>
          <fieldset className="flex flex-col gap-3">
            <legend className="mb-2 text-[13px] font-semibold text-fg">{t("members")}</legend>
            <p className="text-xs text-muted">{t("membersHint")}</p>
            <ul className="flex flex-col gap-3">
              {members.map((m) => {
                const r = rows[m.userId];
                const set = (k: keyof Limits, v: string) => {
                  setSaved(false);
                  setRows({ ...rows, [m.userId]: { ...r, [k]: v } });
                };
                return (
                  <li key={m.userId} className="rounded-lg border border-border p-3">
                    <p className="mb-2 text-sm font-medium text-fg">
                      {m.name} <span className="text-xs font-normal text-muted">{m.email}</span>
                    </p>
                    <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
                      {(["monthly", "daily", "maxConcurrent", "maxPerHour"] as const).map((k) => (
                        <Field key={k} label={t(`member.${k}`, { currency: c })}>
                          <Input
                            name={`${m.userId}-${k}`}
                            type="number"
                            min={k.startsWith("max") ? 1 : 0}
                            step={k.startsWith("max") ? 1 : "any"}
                            placeholder={t("none")}
                            value={r[k]}
                            onChange={(e) => set(k, e.target.value)}
                          />
                        </Field>
                      ))}
                    </div>
                  </li>
                );
              })}
            </ul>
          </fieldset>
          {save.error && (
            <p role="alert" className="text-sm text-danger">
              {errorText(save.error)}
            </p>
          )}
          <div className="flex items-center gap-3">
            <Button type="submit" variant="primary" loading={save.isPending}>
              {t("save")}
            </Button>
            {saved && (
              <span role="status" className="text-sm text-success">
                {t("saved")}
              </span>
            )}
          </div>
        </form>
      </CardBody>
    </Card>
  );
}
