"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, useSyncExternalStore } from "react";
import { useTranslations } from "use-intl";
import { Button, Card, CardBody, CardHeader } from "@/components/ui";
import { api } from "@/lib/client/api";
import { BROWSER_TYPES, NOTIFICATION_TYPES, type NotificationType } from "@/lib/review/notify-types";
import { useNotifySettings, type NotifySettings } from "./use-notifications";

function usePermission() {
  const [tick, setTick] = useState(0);
  const value = useSyncExternalStore(
    () => () => undefined,
    () => (typeof Notification === "undefined" ? "unsupported" : Notification.permission),
    () => "default",
  );
  return { value, refresh: () => setTick(tick + 1) };
}

/** Settings → Profile: per event, the inbox and the browser; the browser's own permission asked for on a click. */
export function NotifySettingsCard() {
  const t = useTranslations("review.settings");
  const qc = useQueryClient();
  const q = useNotifySettings();
  const permission = usePermission();
  const save = useMutation({
    mutationFn: (patch: Partial<Record<NotificationType, { inbox?: boolean; browser?: boolean }>>) =>
      api<NotifySettings>("/api/v1/me/notification-settings", { method: "PATCH", json: patch }),
    onSuccess: (s) => qc.setQueryData(["notify-settings"], s),
  });
  const s = q.data;
  return (
    <Card>
      <CardHeader title={t("title")} description={t("description")} />
      <CardBody className="flex flex-col gap-4">
        <div className="text-sm">
          {permission.value === "granted" ? (
            <p className="text-success">{t("browserOn")}</p>
          ) : permission.value === "denied" ? (
            <p className="text-muted">{t("browserDenied")}</p>
          ) : permission.value === "unsupported" ? (
            <p className="text-muted">{t("browserUnsupported")}</p>
          ) : (
            <Button
              variant="secondary"
              size="sm"
              onClick={() => void Notification.requestPermission().then(permission.refresh)}
            >
              {t("enableBrowser")}
            </Button>
          )}
        </div>
        {s && (
          <table className="w-full text-sm" data-testid="notify-settings">
            <thead>
              <tr className="text-start text-xs text-muted">
                <th className="py-1 text-start font-medium" />
                <th className="w-20 py-1 font-medium">{t("inbox")}</th>
                <th className="w-20 py-1 font-medium">{t("browser")}</th>
              </tr>
            </thead>
            <tbody>
              {NOTIFICATION_TYPES.map((type) => (
                <tr key={type} className="border-t border-border">
                  <td className="py-2 text-fg">{t(`types.${type}`)}</td>
                  <td className="text-center">
                    <input
                      type="checkbox"
                      aria-label={`${t(`types.${type}`)} · ${t("inbox")}`}
                      checked={s[type].inbox}
                      disabled={type === "mention"}
                      onChange={(e) => save.mutate({ [type]: { inbox: e.target.checked } })}
                    />
                  </td>
                  <td className="text-center">
                    {(BROWSER_TYPES as readonly string[]).includes(type) && (
                      <input
                        type="checkbox"
                        aria-label={`${t(`types.${type}`)} · ${t("browser")}`}
                        checked={s[type].browser}
                        onChange={(e) => save.mutate({ [type]: { browser: e.target.checked } })}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="text-xs text-muted">{t("mentionsAlways")}</p>
      </CardBody>
    </Card>
  );
}
