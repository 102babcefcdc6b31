"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useCaller } from "@/components/auth/caller-context";
import { Button, Card, CardBody, CardHeader, EmptyState, Field, Input } from "@/components/ui";
import type { TokenView } from "@/lib/auth/tokens";
import { api, ApiError } from "@/lib/client/api";
import { useFormatter, useTranslations } from "@/lib/i18n/client";
import { SecretBox } from "./secret-box";

export function TokenSettings() {
  const t = useTranslations("settings");
  const format = useFormatter();
  const caller = useCaller();
  const queries = useQueryClient();
  const [name, setName] = useState("");
  const [created, setCreated] = useState<string | null>(null);
  const tokens = useQuery({ queryKey: ["tokens"], queryFn: () => api<{ items: TokenView[] }>("/api/v1/tokens") });
  const create = useMutation({
    mutationFn: () => api<{ token: string }>("/api/v1/tokens", { method: "POST", json: { name } }),
    onSuccess: (r) => {
      setCreated(r.token);
      setName("");
      void queries.invalidateQueries({ queryKey: ["tokens"] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api(`/api/v1/tokens/${id}`, { method: "DELETE" }),
    onSuccess: () => queries.invalidateQueries({ queryKey: ["tokens"] }),
  });
  const when = (iso: string | null) => (iso ? format.relativeTime(new Date(iso)) : t("never"));

  return (
    <Card>
      <CardHeader title={t("tokens.title")} description={t("tokens.hint", { team: caller?.team.name ?? "" })} />
      <CardBody className="flex flex-col gap-5">
        <form
          className="flex flex-col gap-3 sm:flex-row sm:items-end"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate();
          }}
        >
          <Field
            label={t("tokens.name")}
            className="flex-1"
            error={create.error instanceof ApiError ? create.error.message : undefined}
          >
            <Input
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder={t("tokens.namePlaceholder")}
              maxLength={80}
            />
          </Field>
          <Button type="submit" variant="primary" loading={create.isPending} disabled={!name.trim()}>
            {t("tokens.create")}
          </Button>
        </form>
        {created && <SecretBox label={t("tokens.created")} value={created} testId="new-token" />}
        {tokens.data && !tokens.data.items.length ? (
          <EmptyState title={t("tokens.empty")} />
        ) : (
          <ul className="divide-y divide-border rounded-lg border border-border" data-testid="token-list">
            {(tokens.data?.items ?? []).map((tok) => (
              <li key={tok.id} className="flex flex-wrap items-center gap-3 px-3 py-2.5 text-sm">
                <div className="min-w-0 flex-1">
                  <p className="truncate font-medium text-fg">{tok.name}</p>
                  <p className="truncate text-xs text-muted">
                    <code>{tok.prefix}…</code> · {t("tokens.createdAt", { when: when(tok.createdAt) })} ·{" "}
                    {t("tokens.lastUsed", { when: when(tok.lastUsedAt) })}
                  </p>
                </div>
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => window.confirm(t("tokens.revokeConfirm", { name: tok.name })) && revoke.mutate(tok.id)}
                >
                  {t("tokens.revoke")}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
