"use client";

import { XIcon } from "lucide-react";
import { useEffect, useRef } from "react";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui";

/** The full-size view: a modal <dialog> (Escape and focus handled by the browser), the stored file at its own size. */
export function Lightbox({
  src,
  alt,
  meta,
  onClose,
}: {
  src: string;
  alt: string;
  meta?: string;
  onClose: () => void;
}) {
  const t = useTranslations("image");
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      onClick={(e) => e.target === e.currentTarget && onClose()}
      aria-label={t("card.fullSize")}
      className="m-auto max-h-[96vh] max-w-[96vw] overflow-hidden rounded-xl border border-border bg-surface p-0 text-fg shadow-xl backdrop:bg-overlay"
      data-testid="lightbox"
    >
      <div className="flex items-center gap-2 border-b border-border px-3 py-2">
        <p className="min-w-0 flex-1 truncate text-xs text-muted">{meta}</p>
        <a
          className="inline-flex h-8 items-center rounded-lg px-3 text-[13px] font-medium text-muted hover:bg-surface-2 hover:text-fg"
          href={src}
          download
        >
          {t("card.download")}
        </a>
        <a
          className="inline-flex h-8 items-center rounded-lg px-3 text-[13px] font-medium text-muted hover:bg-surface-2 hover:text-fg"
          href={src}
          target="_blank"
          rel="noreferrer"
        >
          {t("card.openOriginal")}
        </a>
        <Button size="icon" variant="ghost" onClick={onClose} aria-label={t("card.close")} autoFocus>
          <XIcon />
        </Button>
      </div>
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={src} alt={alt} className="block max-h-[calc(96vh-3rem)] max-w-[96vw] object-contain" />
    </dialog>
  );
}
