"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { LanguageSwitch } from "@/components/shell/language-switch";
import type { Theme } from "@/components/shell/theme";
import { ThemeSwitch } from "@/components/shell/theme-switch";
import { Badge, Button, Card, CardBody, CardHeader, Field, Input } from "@/components/ui";
import type { SessionView } from "@/lib/auth/sessions";
import { api, ApiError } from "@/lib/client/api";
import { useFormatter, useTranslations } from "@/lib/i18n/client";
import { reloadTo } from "@/lib/client/navigate";

export function ProfileSettings({
  name: initialName,
  email,
  theme,
  passwordMin,
}: {
  name: string;
  email: string;
  theme: Theme;
  passwordMin: number;
}) {
  const t = useTranslations("settings");
  const ta = useTranslations("auth");
  const format = useFormatter();
  const router = useRouter();
  const queries = useQueryClient();
  const [name, setName] = useState(initialName);
  const [pw, setPw] = useState({ currentPassword: "", newPassword: "" });
  const saveName = useMutation({
    mutationFn: () => api("/api/v1/me", { method: "PATCH", json: { name } }),
    onSuccess: () => router.refresh(),
  });
  const changePw = useMutation({
    mutationFn: () => api("/api/v1/auth/password", { method: "POST", json: pw }),
    onSuccess: () => {
      setPw({ currentPassword: "", newPassword: "" });
      void queries.invalidateQueries({ queryKey: ["sessions"] });
    },
  });
  const sessions = useQuery({
    queryKey: ["sessions"],
    queryFn: () => api<{ items: SessionView[] }>("/api/v1/auth/sessions"),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api(`/api/v1/auth/sessions/${id}`, { method: "DELETE" }),
    onSuccess: () => sessions.refetch(),
  });
  const everywhere = useMutation({
    mutationFn: () => api("/api/v1/auth/sessions", { method: "DELETE" }),
    onSuccess: () => reloadTo("/sign-in"),
  });
  const pwError = changePw.error instanceof ApiError ? changePw.error : undefined;

  return (
    <div className="flex flex-col gap-6">
      <Card>
        <CardHeader title={t("profile.title")} />
        <CardBody>
          <form
            className="flex flex-col gap-4 sm:flex-row sm:items-end"
            onSubmit={(e) => {
              e.preventDefault();
              saveName.mutate();
            }}
          >
            <Field
              label={t("profile.name")}
              className="flex-1"
              error={saveName.error instanceof ApiError ? saveName.error.message : undefined}
            >
              <Input value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
            </Field>
            <Field label={t("profile.email")} className="flex-1">
              <Input value={email} disabled readOnly />
            </Field>
            <Button type="submit" loading={saveName.isPending} disabled={!name.trim() || name === initialName}>
              {saveName.isSuccess && name === initialName ? t("saved") : t("save")}
            </Button>
          </form>
        </CardBody>
      </Card>

      <Card>
        <CardHeader title={t("profile.appearance")} />
        <CardBody className="flex flex-wrap items-center gap-3">
          <LanguageSwitch className="w-52" />
          <ThemeSwitch initial={theme} />
        </CardBody>
      </Card>

      <Card>
        <CardHeader title={t("profile.password")} />
        <CardBody>
          <form
            className="flex flex-col gap-4"
            onSubmit={(e) => {
              e.preventDefault();
              changePw.mutate();
            }}
          >
            <Field
              label={t("profile.current")}
              error={pwError?.field === "currentPassword" ? pwError.message : undefined}
            >
              <Input
                type="password"
                autoComplete="current-password"
                value={pw.currentPassword}
                onChange={(e) => setPw({ ...pw, currentPassword: e.target.value })}
              />
            </Field>
            <Field
              label={t("profile.new")}
              hint={ta("passwordHint", { min: passwordMin })}
              error={pwError && pwError.field !== "currentPassword" ? pwError.message : undefined}
            >
              <Input
                type="password"
                autoComplete="new-password"
                value={pw.newPassword}
                onChange={(e) => setPw({ ...pw, newPassword: e.target.value })}
              />
            </Field>
            {changePw.isSuccess && (
              <p role="status" className="text-sm text-success">
                {t("profile.changed")}
              </p>
            )}
            <Button
              type="submit"
              className="self-start"
              loading={changePw.isPending}
              disabled={!pw.currentPassword || !pw.newPassword}
            >
              {t("profile.submitPassword")}
            </Button>
          </form>
        </CardBody>
      </Card>

      <Card>
        <CardHeader
          title={t("profile.sessions")}
          description={t("profile.sessionsHint")}
          actions={
            <Button
              variant="danger"
              size="sm"
              loading={everywhere.isPending}
              onClick={() => everywhere.mutate()}
              title={t("profile.signOutEverywhereHint")}
            >
              {t("profile.signOutEverywhere")}
            </Button>
          }
        />
        <ul className="divide-y divide-border" data-testid="session-list">
          {(sessions.data?.items ?? []).map((s) => (
            <li key={s.id} className="flex items-center gap-3 px-5 py-3 text-sm">
              <div className="min-w-0 flex-1">
                <p className="truncate text-fg">{s.userAgent ?? "—"}</p>
                <p className="text-xs text-muted">
                  {s.ipAddress ?? ""} · {t("profile.lastActive", { when: format.relativeTime(new Date(s.updatedAt)) })}
                </p>
              </div>
              {s.current ? (
                <Badge tone="accent">{t("profile.thisSession")}</Badge>
              ) : (
                <Button size="sm" variant="ghost" onClick={() => revoke.mutate(s.id)}>
                  {t("profile.signOutSession")}
                </Button>
              )}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
