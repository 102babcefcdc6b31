"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button, Card, CardBody, CardHeader, Field, Input } from "@/components/ui";
import { api, ApiError } from "@/lib/client/api";
import { useTranslations } from "@/lib/i18n/client";

type TeamRow = { id: string; name: string; members: number };

/** Operators: every team of the studio, and a new one (its first admin is the operator). */
export function StudioSettings() {
  const t = useTranslations("settings.studio");
  const queries = useQueryClient();
  const [name, setName] = useState("");
  const teams = useQuery({ queryKey: ["teams"], queryFn: () => api<{ items: TeamRow[] }>("/api/v1/teams") });
  const create = useMutation({
    mutationFn: () => api("/api/v1/teams", { method: "POST", json: { name } }),
    onSuccess: () => {
      setName("");
      void queries.invalidateQueries({ queryKey: ["teams"] });
    },
  });
  return (
    <Card>
      <CardHeader title={t("teams")} description={t("hint")} />
      <CardBody className="flex flex-col gap-5">
        <ul className="divide-y divide-border rounded-lg border border-border">
          {(teams.data?.items ?? []).map((team) => (
            <li key={team.id} className="flex items-center justify-between gap-3 px-3 py-2.5 text-sm">
              <span className="font-medium text-fg">{team.name}</span>
              <span className="text-xs text-muted">{t("members", { count: team.members })}</span>
            </li>
          ))}
        </ul>
        <form
          className="flex flex-col gap-3 sm:flex-row sm:items-end"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate();
          }}
        >
          <Field
            label={t("newTeam")}
            className="flex-1"
            error={create.error instanceof ApiError ? create.error.message : undefined}
          >
            <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={80} />
          </Field>
          <Button type="submit" variant="primary" loading={create.isPending} disabled={!name.trim()}>
            {t("createTeam")}
          </Button>
        </form>
      </CardBody>
    </Card>
  );
}
