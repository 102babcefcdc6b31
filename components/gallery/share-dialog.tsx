"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useFormatter, useTranslations } from "use-intl";
import { Badge, Button, Input, ModalSheet, Select, Switch } from "@/components/ui";
import { XIcon } from "lucide-react";
import { api } from "@/lib/client/api";
import { useErrorText } from "@/lib/client/error-text";
import { SHARE_PASSWORD_MIN } from "@/lib/gallery/share-limits";
import type { ShareView } from "@/lib/gallery/shares";

type Target = { assetId: string } | { boardId: string; name: string };
const EXPIRY = { never: 0, day: 1, week: 7, month: 30 } as const;

/** Make, copy and revoke public links to one asset or one board (the token is shown once, right after creation). */
export function ShareDialog({ target, onClose }: { target: Target; onClose: () => void }) {
  const t = useTranslations("gallery.share");
  const format = useFormatter();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const [expiry, setExpiry] = useState<keyof typeof EXPIRY>("week");
  const [password, setPassword] = useState("");
  const [showPrompt, setShowPrompt] = useState(true);
  const [allowDownload, setAllowDownload] = useState(false);
  const [made, setMade] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const filter = "assetId" in target ? `assetId=${target.assetId}` : `boardId=${target.boardId}`;
  const key = ["shares", filter];
  const list = useQuery({
    queryKey: key,
    queryFn: () => api<{ items: ShareView[] }>(`/api/v1/shares?${filter}`).then((r) => r.items),
    // Views and expiry change while the dialog is closed: read them afresh each time it opens.
    refetchOnMount: "always",
  });
  const create = useMutation({
    mutationFn: () =>
      api<ShareView & { url: string }>("/api/v1/shares", {
        method: "POST",
        json: {
          ...("assetId" in target ? { assetId: target.assetId } : { boardId: target.boardId }),
          ...(EXPIRY[expiry] ? { expiresAt: new Date(Date.now() + EXPIRY[expiry] * 86_400_000).toISOString() } : {}),
          ...(password ? { password } : {}),
          showPrompt,
          allowDownload,
        },
      }),
    onSuccess: (s) => {
      setMade(s.url);
      setPassword("");
      void qc.invalidateQueries({ queryKey: key });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api<ShareView>(`/api/v1/shares/${id}`, { method: "DELETE" }),
    onSettled: () => qc.invalidateQueries({ queryKey: key }),
  });

  const error = create.error ?? revoke.error;
  return (
    <ModalSheet
      label={"name" in target ? t("titleBoard", { name: target.name }) : t("title")}
      onClose={onClose}
      data-testid="share-dialog"
    >
      <div className="flex items-start justify-between gap-2">
        <h2 className="text-base font-semibold text-fg">
          {"name" in target ? t("titleBoard", { name: target.name }) : t("title")}
        </h2>
        <Button size="icon" variant="ghost" aria-label={t("close")} onClick={onClose}>
          <XIcon />
        </Button>
      </div>
      <p className="text-sm text-muted">{t("intro")}</p>

      {made ? (
        <div className="flex flex-col gap-2 rounded-xl border border-success/30 bg-success/5 p-3">
          <p className="text-sm text-fg">{t("created")}</p>
          <div className="flex gap-2">
            <Input
              readOnly
              value={made}
              aria-label={t("title")}
              data-testid="share-url"
              onFocus={(e) => e.target.select()}
            />
            <Button
              variant="secondary"
              onClick={() => {
                void navigator.clipboard?.writeText(made);
                setCopied(true);
                setTimeout(() => setCopied(false), 1500);
              }}
            >
              {copied ? t("copied") : t("copy")}
            </Button>
          </div>
        </div>
      ) : (
        <form
          className="flex flex-col gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate();
          }}
        >
          <label className="flex flex-col gap-1 text-xs font-medium text-muted">
            {t("expiry")}
            <Select value={expiry} onChange={(e) => setExpiry(e.target.value as keyof typeof EXPIRY)}>
              {(Object.keys(EXPIRY) as (keyof typeof EXPIRY)[]).map((k) => (
                <option key={k} value={k}>
                  {t(k)}
                </option>
              ))}
            </Select>
          </label>
          <label className="flex flex-col gap-1 text-xs font-medium text-muted">
            {t("password")}
            <Input
              type="password"
              autoComplete="new-password"
              value={password}
              minLength={SHARE_PASSWORD_MIN}
              maxLength={128}
              onChange={(e) => setPassword(e.target.value)}
            />
            <span className="font-normal">{t("passwordHint", { min: SHARE_PASSWORD_MIN })}</span>
          </label>
          <Switch label={t("showPrompt")} checked={showPrompt} onCheckedChange={setShowPrompt} />
          <Switch label={t("allowDownload")} checked={allowDownload} onCheckedChange={setAllowDownload} />
          <Button type="submit" loading={create.isPending} className="self-start">
            {t("create")}
          </Button>
        </form>
      )}
      {error && (
        <p role="alert" className="text-sm text-danger">
          {errorText(error)}
        </p>
      )}

      <section className="flex flex-col gap-2">
        <h3 className="text-xs font-medium text-muted">{t("existing")}</h3>
        {list.data?.length === 0 && <p className="text-sm text-muted">{t("none")}</p>}
        <ul className="flex flex-col gap-2" data-testid="share-list">
          {(list.data ?? []).map((s) => (
            <li key={s.id} className="flex items-center gap-2 rounded-lg border border-border p-2 text-xs text-muted">
              <Badge tone={s.state === "active" ? "success" : "neutral"}>{t(`states.${s.state}`)}</Badge>
              <span className="min-w-0 flex-1 truncate">
                {s.expiresAt
                  ? t("expiresOn", { date: format.dateTime(new Date(s.expiresAt), { dateStyle: "medium" }) })
                  : t("noExpiry")}
                {s.hasPassword ? ` · ${t("locked")}` : ""} · {t("views", { n: s.viewCount })}
              </span>
              {s.state === "active" && (
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => revoke.mutate(s.id)}
                  loading={revoke.isPending && revoke.variables === s.id}
                >
                  {t("revoke")}
                </Button>
              )}
            </li>
          ))}
        </ul>
      </section>
    </ModalSheet>
  );
}
