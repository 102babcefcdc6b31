"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCaller } from "@/components/auth/caller-context";
import { cn } from "@/components/ui/cn";
import { useTranslations } from "@/lib/i18n/client";

const TABS = ["profile", "team", "tokens", "usage", "spend", "studio"] as const;

export function SettingsTabs() {
  const t = useTranslations("settings.tabs");
  const pathname = usePathname();
  const caller = useCaller();
  const tabs = TABS.filter((k) => k !== "studio" || caller?.user.operator);
  return (
    <nav aria-label={t("profile")} className="mb-6 flex gap-1 overflow-x-auto border-b border-border">
      {tabs.map((k) => {
        const href = `/settings/${k}`;
        const active = pathname === href;
        return (
          <Link
            key={k}
            href={href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap",
              active ? "border-accent text-fg" : "border-transparent text-muted hover:text-fg",
            )}
          >
            {t(k)}
          </Link>
        );
      })}
    </nav>
  );
}
