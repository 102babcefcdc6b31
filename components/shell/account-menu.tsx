"use client";

import { Suspense, useRef, useState } from "react";
import { useCaller } from "@/components/auth/caller-context";
import { cn } from "@/components/ui/cn";
import { lazyPart } from "@/lib/client/lazy";
import { useTranslations } from "@/lib/i18n/client";

// Every page carries the menu, few open it: its contents load on the first hover, focus or open.
const Panel = lazyPart(() => import("./account-menu-panel").then((m) => m.AccountMenuPanel));

/** Who is signed in and in which team: the team switcher, settings and sign-out, at the foot of the nav. */
export function AccountMenu({ className }: { className?: string }) {
  const t = useTranslations("auth");
  const caller = useCaller();
  const details = useRef<HTMLDetailsElement>(null);
  const [opened, setOpened] = useState(false);
  if (!caller) return null;

  return (
    <details
      ref={details}
      className={cn("group relative", className)}
      data-testid="account-menu"
      onToggle={(e) => e.currentTarget.open && setOpened(true)}
    >
      <summary
        onPointerEnter={() => void Panel.preload().catch(() => undefined)}
        onFocus={() => void Panel.preload().catch(() => undefined)}
        className="flex cursor-pointer list-none items-center gap-2.5 rounded-lg px-1.5 py-1.5 hover:bg-surface-2 [&::-webkit-details-marker]:hidden"
      >
        <span
          aria-hidden="true"
          className="grid size-8 shrink-0 place-items-center rounded-full bg-accent/15 text-sm font-semibold text-accent"
        >
          {caller.user.name.slice(0, 1).toUpperCase()}
        </span>
        <span className="flex min-w-0 flex-col leading-tight">
          <span className="truncate text-[13px] font-medium text-fg">{caller.user.name}</span>
          <span className="truncate text-[11px] text-muted" data-testid="current-team">
            {caller.team.name} · {t(`roles.${caller.role}`)}
          </span>
        </span>
      </summary>
      {opened && (
        <Suspense fallback={null}>
          <Panel.Part caller={caller} onNavigate={() => details.current?.removeAttribute("open")} />
        </Suspense>
      )}
    </details>
  );
}
