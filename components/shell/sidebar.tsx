import { NotificationBell } from "@/components/notifications/notification-bell";
import { Brand } from "./brand";
import { NavList } from "./nav-list";
import { ShellFooter } from "./shell-footer";
import type { Theme } from "./theme";

type SidebarProps = { brand: string; tagline: string; demoMode: boolean; theme: Theme };

/** The desktop sidebar (md and up); phones get MobileNav instead. */
export function Sidebar({ brand, tagline, demoMode, theme }: SidebarProps) {
  return (
    <aside className="sticky top-0 hidden h-dvh w-60 shrink-0 flex-col border-e border-border bg-surface px-3 py-4 md:flex">
      <div className="mb-6 flex items-center gap-1 px-1.5">
        <Brand name={brand} tagline={tagline} className="min-w-0 flex-1" />
        <NotificationBell />
      </div>
      <div className="-mx-1 min-h-0 flex-1 overflow-y-auto px-1">
        <NavList />
      </div>
      <ShellFooter demoMode={demoMode} theme={theme} />
    </aside>
  );
}
