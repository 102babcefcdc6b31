"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { useTranslations } from "@/lib/i18n/client";
import { NAV_GROUPS, isActive } from "./nav-items";

/** The section links; `onNavigate` lets the mobile drawer close itself. */
export function NavList({ onNavigate }: { onNavigate?: () => void }) {
  const t = useTranslations("shell.nav");
  const pathname = usePathname();
  return (
    <nav aria-label={t("label")} className="flex flex-col gap-5">
      {NAV_GROUPS.map((group) => (
        <div key={group.key}>
          <h2 className="mb-1 px-2.5 text-[11px] font-medium tracking-wide text-muted uppercase">{t(group.key)}</h2>
          <ul className="flex flex-col gap-0.5">
            {group.items.map(({ key, href, icon: Icon }) => {
              const active = isActive(pathname, href);
              return (
                <li key={key}>
                  <Link
                    href={href}
                    onClick={onNavigate}
                    aria-current={active ? "page" : undefined}
                    className={cn(
                      "flex h-9 items-center gap-2.5 rounded-lg px-2.5 text-sm transition-colors",
                      active
                        ? "bg-accent/10 font-medium text-accent-text"
                        : "text-muted hover:bg-surface-2 hover:text-fg",
                    )}
                  >
                    <Icon className="size-[18px]" />
                    {t(key)}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
