"use client";

import { useTranslations } from "use-intl";
import type { MessageView } from "@/lib/chat/types";

/** A question's images and videos (few questions have any): loaded when one is shown. */
export function MessageAttachments({ m }: { m: MessageView }) {
  const t = useTranslations("chat.message");
  return (
    <ul className="flex flex-wrap justify-end gap-2" aria-label={t("attachments")}>
      {m.attachments.map((a, i) => (
        <li
          key={`${a.assetId}-${i}`}
          className="overflow-hidden rounded-lg border border-border bg-surface-2"
          data-testid="message-attachment"
          data-kind={a.kind}
        >
          {a.missing ? (
            <span className="flex size-24 items-center justify-center p-2 text-center text-xs text-muted">
              {t("attachmentGone")}
            </span>
          ) : a.kind === "image" ? (
            // eslint-disable-next-line @next/next/no-img-element
            <img src={a.fileUrl} alt={t("imageN", { n: i + 1 })} className="h-24 max-w-48 object-cover" />
          ) : (
            <video
              src={a.fileUrl}
              poster={a.posterUrl}
              controls
              preload="metadata"
              className="h-24 max-w-48 bg-black"
              aria-label={t("videoN", { n: i + 1 })}
            />
          )}
          <span className="block px-1.5 py-0.5 text-[11px] text-muted">
            {a.kind === "image" ? t("detail", { value: a.detail ?? t("default") }) : t("fps", { value: a.fps ?? 1 })}
          </span>
        </li>
      ))}
    </ul>
  );
}
