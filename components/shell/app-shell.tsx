import type { ReactNode } from "react";
import { getT } from "@/lib/i18n/server";
import { MobileNav } from "./mobile-nav";
import { NavList } from "./nav-list";
import { Sidebar } from "./sidebar";
import type { Theme } from "./theme";

type AppShellProps = { demoMode: boolean; theme: Theme; children: ReactNode };

/** Sidebar on desktop, top bar + drawer on phones, and the page in <main>. */
export async function AppShell({ demoMode, theme, children }: AppShellProps) {
  const t = await getT("shell");
  const chrome = { brand: t("brand"), tagline: t("tagline"), demoMode, theme };
  return (
    <>
      <a
        href="#main"
        className="sr-only z-50 rounded-lg bg-accent px-3 py-2 text-sm font-medium text-accent-fg focus:not-sr-only focus:fixed focus:start-3 focus:top-3"
      >
        {t("skipToContent")}
      </a>
      <div className="min-h-dvh md:flex">
        <Sidebar {...chrome} />
        <MobileNav {...chrome} nav={<NavList />} />
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 focus:outline-none">
          {children}
        </main>
      </div>
    </>
  );
}
