"use client";

import { MenuIcon, XIcon } from "lucide-react";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { useTranslations } from "@/lib/i18n/client";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { Brand } from "./brand";
import { DemoBadge } from "./lazy-demo-badge";
import { ShellFooter } from "./shell-footer";
import type { Theme } from "./theme";

type MobileNavProps = {
  brand: string;
  tagline: string;
  demoMode: boolean;
  theme: Theme;
  /** The section links (`NavList`, rendered on the server). */
  nav: ReactNode;
};

/**
 * Phones: a top bar with a menu button that opens the navigation in a drawer. The drawer is a
 * native modal <dialog>, which gives focus trapping, Esc to close and an inert page for free.
 */
export function MobileNav({ brand, tagline, demoMode, theme, nav }: MobileNavProps) {
  const t = useTranslations("shell.menu");
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const pathname = usePathname();

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
  }, [open]);

  // A navigation from anywhere (e.g. a link inside a page) closes the drawer.
  const [shownPath, setShownPath] = useState(pathname);
  if (pathname !== shownPath) {
    setShownPath(pathname);
    setOpen(false);
  }

  return (
    <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b border-border bg-surface/85 px-3 backdrop-blur md:hidden">
      <Brand name={brand} className="me-auto" />
      {demoMode && <DemoBadge compact />}
      <NotificationBell />
      <Button
        variant="ghost"
        size="icon"
        aria-label={t("open")}
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        <MenuIcon />
      </Button>
      <dialog
        ref={dialog}
        aria-label={brand}
        onClose={() => setOpen(false)}
        onClick={(event) => {
          // A click on the backdrop lands on the dialog element itself.
          if (event.target === event.currentTarget) setOpen(false);
        }}
        className="fixed inset-y-0 start-0 m-0 h-dvh max-h-none w-[min(20rem,86vw)] max-w-none border-e border-border bg-surface p-0 text-fg shadow-xl backdrop:bg-overlay backdrop:backdrop-blur-[2px] open:flex"
      >
        <div className="flex w-full flex-col px-3 py-3">
          <div className="mb-4 flex items-center justify-between ps-1.5">
            <Brand name={brand} tagline={tagline} />
            <Button variant="ghost" size="icon" aria-label={t("close")} onClick={() => setOpen(false)}>
              <XIcon />
            </Button>
          </div>
          {/* A link to the page already shown changes no path: its click closes the drawer here. */}
          <div
            className="min-h-0 flex-1 overflow-y-auto"
            onClick={(event) => (event.target as Element).closest("a[href]") && setOpen(false)}
          >
            {nav}
          </div>
          <ShellFooter demoMode={demoMode} theme={theme} />
        </div>
      </dialog>
    </header>
  );
}
