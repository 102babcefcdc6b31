"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "use-intl";

/**
 * Where an image can go next. The Video page reads `?mode=<mode>&<role>=<assetId>` (role names as in the
 * catalog: first_frame, last_frame, reference_image) and preselects the asset in that role.
 */
export const videoHref = (
  mode: "first-frame" | "first-last-frame" | "reference",
  role: "first_frame" | "last_frame" | "reference_image",
  assetId: string,
) => `/video?mode=${mode}&${role}=${encodeURIComponent(assetId)}`;

/** "Use as input": as a reference of another image (here), or as a video's first frame, last frame or reference. */
export function UseAsInput({ assetId, onReference }: { assetId: string; onReference: () => void }) {
  const t = useTranslations("image");
  const ref = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  const close = () => ref.current?.removeAttribute("open");
  // A click anywhere else closes the menu, as menus do.
  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => !ref.current?.contains(e.target as Node) && close();
    document.addEventListener("pointerdown", away);
    return () => document.removeEventListener("pointerdown", away);
  }, [open]);
  const item =
    "flex w-full items-center rounded-md px-2.5 py-1.5 text-start text-[13px] text-fg hover:bg-surface-2 focus-visible:bg-surface-2 focus-visible:outline-none";
  return (
    <details
      ref={ref}
      className="relative"
      onToggle={(e) => setOpen(e.currentTarget.open)}
      onKeyDown={(e) => e.key === "Escape" && close()}
    >
      <summary className="inline-flex h-8 cursor-pointer list-none items-center rounded-lg px-2.5 text-[13px] font-medium text-muted hover:bg-surface-2 hover:text-fg [&::-webkit-details-marker]:hidden">
        {t("card.useAsInput")} ▾
      </summary>
      <div
        className="absolute start-0 bottom-full z-20 mb-1 flex w-56 flex-col rounded-lg border border-border bg-surface p-1 shadow-lg"
        role="menu"
      >
        {/* A link as well as an action: clicked before the page is interactive it still lands here with the
            reference chosen (the page reads ?ref=); once it is, the form takes the reference in place. */}
        <Link
          role="menuitem"
          className={item}
          href={`/image?ref=${encodeURIComponent(assetId)}`}
          onClick={(e) => {
            e.preventDefault();
            close();
            onReference();
          }}
        >
          {t("card.asReference")}
        </Link>
        <Link role="menuitem" className={item} href={videoHref("first-frame", "first_frame", assetId)}>
          {t("card.asFirstFrame")}
        </Link>
        <Link role="menuitem" className={item} href={videoHref("first-last-frame", "last_frame", assetId)}>
          {t("card.asLastFrame")}
        </Link>
        <Link role="menuitem" className={item} href={videoHref("reference", "reference_image", assetId)}>
          {t("card.asVideoReference")}
        </Link>
      </div>
    </details>
  );
}
