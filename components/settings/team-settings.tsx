"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useCaller, useCan } from "@/components/auth/caller-context";
import { Badge, Button, Card, CardBody, CardHeader, Field, Input, Select, Switch } from "@/components/ui";
import { ROLES, type Role } from "@/lib/auth/permissions";
import type { InviteView, MemberView } from "@/lib/auth/team";
import { api, ApiError } from "@/lib/client/api";
import { useFormatter, useTranslations } from "@/lib/i18n/client";
import { SecretBox } from "./secret-box";

type TeamAnswer = {
  team: { id: string; name: string; openSignup: boolean };
  members: MemberView[];
  invites?: InviteView[];
};
const EXPIRIES = [24, 72, 168, 720];

export function TeamSettings() {
  const t = useTranslations("settings");
  const ta = useTranslations("auth");
  const format = useFormatter();
  const caller = useCaller();
  const manage = useCan("team:manage");
  const queries = useQueryClient();
  const team = useQuery({ queryKey: ["team"], queryFn: () => api<TeamAnswer>("/api/v1/team") });
  const refresh = () => queries.invalidateQueries({ queryKey: ["team"] });
  const [name, setName] = useState<string | null>(null);
  const [invite, setInvite] = useState<{ role: Role; expiresInHours: number }>({ role: "member", expiresInHours: 72 });
  const [created, setCreated] = useState<{ role: Role; url: string } | null>(null);

  const patchTeam = useMutation({
    mutationFn: (body: { name?: string; openSignup?: boolean }) => api("/api/v1/team", { method: "PATCH", json: body }),
    onSuccess: refresh,
  });
  const setRole = useMutation({
    mutationFn: (v: { userId: string; role: Role }) =>
      api(`/api/v1/team/members/${v.userId}`, { method: "PATCH", json: { role: v.role } }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (userId: string) => api(`/api/v1/team/members/${userId}`, { method: "DELETE" }),
    onSuccess: refresh,
  });
  const createInvite = useMutation({
    mutationFn: () => api<{ role: Role; path: string }>("/api/v1/team/invites", { method: "POST", json: invite }),
    onSuccess: (r) => {
      setCreated({ role: r.role, url: `${window.location.origin}${r.path}` });
      void refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api(`/api/v1/team/invites/${id}`, { method: "DELETE" }),
    onSuccess: refresh,
  });
  const error = [patchTeam, setRole, remove, createInvite, revoke]
    .map((m) => m.error)
    .find((e) => e instanceof ApiError) as ApiError | undefined;
  const data = team.data;
  if (!data) return <p className="text-sm text-muted">{team.error instanceof ApiError ? team.error.message : "…"}</p>;
  const shownName = name ?? data.team.name;

  return (
    <div className="flex flex-col gap-6">
      {!manage && (
        <p className="rounded-lg border border-border bg-surface-2 px-4 py-3 text-sm text-muted">
          {t("team.adminOnly")}
        </p>
      )}
      {error && (
        <p role="alert" className="rounded-lg border border-danger/30 bg-danger/5 px-4 py-2 text-sm text-danger">
          {error.message}
        </p>
      )}
      {manage && (
        <Card>
          <CardHeader title={t("team.title")} />
          <CardBody className="flex flex-col gap-5">
            <form
              className="flex flex-col gap-3 sm:flex-row sm:items-end"
              onSubmit={(e) => {
                e.preventDefault();
                patchTeam.mutate({ name: shownName });
              }}
            >
              <Field label={t("team.name")} className="flex-1">
                <Input value={shownName} onChange={(e) => setName(e.target.value)} />
              </Field>
              <Button
                type="submit"
                disabled={!shownName.trim() || shownName === data.team.name}
                loading={patchTeam.isPending}
              >
                {t("save")}
              </Button>
            </form>
            <Switch
              label={t("team.openSignup")}
              description={t("team.openSignupHint")}
              checked={data.team.openSignup}
              onCheckedChange={(v) => patchTeam.mutate({ openSignup: v })}
            />
          </CardBody>
        </Card>
      )}

      <Card>
        <CardHeader title={t("team.members")} />
        <ul className="divide-y divide-border" data-testid="member-list">
          {data.members.map((m) => (
            <li key={m.userId} className="flex flex-wrap items-center gap-3 px-5 py-3 text-sm">
              <div className="min-w-0 flex-1">
                <p className="truncate font-medium text-fg">
                  {m.name} {m.userId === caller?.user.id && <span className="text-muted">({t("team.you")})</span>}
                </p>
                <p className="truncate text-xs text-muted">
                  {m.email} · {t("team.joined", { when: format.relativeTime(new Date(m.joinedAt)) })}
                </p>
              </div>
              {manage ? (
                <>
                  <Select
                    aria-label={t("team.role")}
                    value={m.role}
                    onChange={(e) => setRole.mutate({ userId: m.userId, role: e.target.value as Role })}
                    className="w-36"
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {ta(`roles.${r}`)}
                      </option>
                    ))}
                  </Select>
                  {m.userId !== caller?.user.id && (
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() =>
                        window.confirm(t("team.removeConfirm", { name: m.name, team: data.team.name })) &&
                        remove.mutate(m.userId)
                      }
                    >
                      {t("team.remove")}
                    </Button>
                  )}
                </>
              ) : (
                <Badge>{ta(`roles.${m.role}`)}</Badge>
              )}
            </li>
          ))}
        </ul>
      </Card>

      {manage && (
        <Card>
          <CardHeader title={t("team.invite")} description={t("team.inviteHint")} />
          <CardBody className="flex flex-col gap-4">
            <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
              <Field label={t("team.inviteRole")} className="flex-1">
                <Select
                  value={invite.role}
                  onChange={(e) => setInvite({ ...invite, role: e.target.value as Role })}
                  data-testid="invite-role"
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {ta(`roles.${r}`)}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={t("team.inviteExpires")} className="flex-1">
                <Select
                  value={String(invite.expiresInHours)}
                  onChange={(e) => setInvite({ ...invite, expiresInHours: Number(e.target.value) })}
                >
                  {EXPIRIES.map((h) => (
                    <option key={h} value={h}>
                      {h < 48 ? t("team.hours", { count: h }) : t("team.days", { count: h / 24 })}
                    </option>
                  ))}
                </Select>
              </Field>
              <Button variant="primary" loading={createInvite.isPending} onClick={() => createInvite.mutate()}>
                {t("team.createInvite")}
              </Button>
            </div>
            <p className="-mt-2 text-xs text-muted">
              {ta(`roles.${invite.role}`)}: {ta(`roleHints.${invite.role}`)}
            </p>
            {created && (
              <SecretBox
                label={t("team.newInvite", { role: ta(`roles.${created.role}`) })}
                value={created.url}
                testId="invite-link"
              />
            )}
            <div>
              <h3 className="mb-2 text-sm font-medium text-fg">{t("team.invites")}</h3>
              {!data.invites?.length ? (
                <p className="text-sm text-muted">{t("team.noInvites")}</p>
              ) : (
                <ul className="divide-y divide-border rounded-lg border border-border">
                  {data.invites.map((i) => (
                    <li key={i.id} className="flex flex-wrap items-center gap-3 px-3 py-2 text-sm">
                      <Badge tone={i.state === "open" ? "success" : "neutral"}>{t(`team.state.${i.state}`)}</Badge>
                      <span className="text-fg">{ta(`roles.${i.role}`)}</span>
                      <span className="min-w-0 flex-1 truncate text-xs text-muted">
                        {t("team.by", { name: i.createdBy })} ·{" "}
                        {t("team.expires", { when: format.relativeTime(new Date(i.expiresAt)) })}
                      </span>
                      {i.state === "open" && (
                        <Button size="sm" variant="ghost" onClick={() => revoke.mutate(i.id)}>
                          {t("team.revoke")}
                        </Button>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </CardBody>
        </Card>
      )}
    </div>
  );
}
