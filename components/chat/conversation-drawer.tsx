"use client";

import { XIcon } from "lucide-react";
import { useEffect, useRef, type ReactNode } from "react";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";

/** Phones and tablets: the conversation list in a drawer (a modal <dialog>: focus trap and Escape for free). */
export function ConversationDrawer({
  open,
  onClose,
  title,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
}) {
  const t = useTranslations("chat");
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-label={title}
      onClose={onClose}
      onClick={(e) => e.target === e.currentTarget && onClose()}
      className="fixed inset-y-0 start-0 m-0 h-dvh max-h-none w-[min(20rem,88vw)] max-w-none border-e border-border bg-surface p-0 text-fg shadow-xl backdrop:bg-overlay open:flex lg:hidden"
    >
      <div className="flex w-full flex-col gap-3 px-3 py-3">
        <div className="flex items-center justify-between ps-1">
          <h2 className="text-sm font-semibold">{title}</h2>
          <Button size="icon" variant="ghost" aria-label={t("close")} onClick={onClose}>
            <XIcon />
          </Button>
        </div>
        {open && children}
      </div>
    </dialog>
  );
}
