"use client";

import { TriangleAlertIcon } from "lucide-react";
import type { ReactNode } from "react";
import { useTranslations } from "use-intl";
import { cn } from "@/components/ui/cn";
import type { MessageView } from "@/lib/chat/types";
import { hasKey, tKey } from "@/lib/i18n/dynamic-key";

/** How the answer ended, when that is not simply "done": stopped, cut at the limit, filtered, failed, lost. */
export function Outcome({ m }: { m: MessageView }) {
  const t = useTranslations("chat");
  let body: ReactNode = null;
  let tone: "warn" | "danger" = "warn";
  if (m.error) {
    tone = "danger";
    body = (
      <>
        <p className="font-medium">{tKey(t, `errors.${m.error.kind}.title`)}</p>
        <p>{tKey(t, `errors.${m.error.kind}.hint`)}</p>
        {m.content && <p>{t("errors.partialKept")}</p>}
        <p className="mt-1 font-mono text-[11px] break-all opacity-80" data-testid="error-detail">
          {[m.error.status ? `HTTP ${m.error.status}` : null, m.error.code, m.error.message]
            .filter(Boolean)
            .join(" · ")}
          {m.error.requestId ? ` · requestId ${m.error.requestId}` : ""}
        </p>
      </>
    );
  } else if (m.state === "interrupted") body = <p>{t("finish.interrupted")}</p>;
  else if (m.finishReason && m.finishReason !== "stop")
    body = (
      <p>
        {hasKey(t, `finish.${m.finishReason}`)
          ? tKey(t, `finish.${m.finishReason}`)
          : t("finish.other", { reason: m.finishReason })}
      </p>
    );
  if (!body) return null;
  return (
    <div
      role={tone === "danger" ? "alert" : "status"}
      data-testid="message-outcome"
      className={cn(
        "flex gap-2 rounded-lg border px-3 py-2 text-[13px] leading-5",
        tone === "danger" ? "border-danger/25 bg-danger/5 text-danger" : "border-warning/30 bg-warning/10 text-warning",
      )}
    >
      <TriangleAlertIcon className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0">{body}</div>
    </div>
  );
}
