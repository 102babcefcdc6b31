"use client";

import { CheckIcon } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import type { CallerInfo } from "@/components/auth/caller-context";
import { api } from "@/lib/client/api";
import { useTranslations } from "@/lib/i18n/client";
import { reloadTo } from "@/lib/client/navigate";

/** The account menu's contents (email, team switcher, settings, sign-out): loaded when the menu first opens. */
export function AccountMenuPanel({ caller, onNavigate }: { caller: CallerInfo; onNavigate: () => void }) {
  const t = useTranslations("auth");
  const [switching, setSwitching] = useState<string | null>(null);

  async function switchTo(teamId: string) {
    setSwitching(teamId);
    await api("/api/v1/me/team", { method: "PUT", json: { teamId } });
    // Every page's data belongs to a team: reload so nothing from the old team stays on screen.
    reloadTo("/");
  }

  return (
    <div className="absolute inset-x-0 bottom-full z-40 mb-2 rounded-xl border border-border bg-surface p-1.5 shadow-lg">
      <p className="truncate px-2.5 pt-1.5 pb-1 text-xs text-muted">{caller.user.email}</p>
      {caller.teams.length > 1 && (
        <div role="group" aria-label={t("menu.switchTeam")} className="border-t border-border py-1">
          <p className="px-2.5 py-1 text-[11px] font-medium tracking-wide text-muted uppercase">
            {t("menu.switchTeam")}
          </p>
          {caller.teams.map((team) => (
            <button
              key={team.id}
              type="button"
              disabled={team.id === caller.team.id || switching !== null}
              onClick={() => switchTo(team.id)}
              className="flex w-full items-center gap-2 rounded-lg px-2.5 py-1.5 text-start text-sm text-fg hover:bg-surface-2 disabled:cursor-default"
            >
              <span className="min-w-0 flex-1 truncate">{team.name}</span>
              {team.id === caller.team.id && (
                <CheckIcon className="size-4 text-accent" aria-label={t("menu.currentTeam")} />
              )}
            </button>
          ))}
        </div>
      )}
      <div className="border-t border-border pt-1">
        <Link
          href="/settings"
          onClick={onNavigate}
          className="block rounded-lg px-2.5 py-1.5 text-sm text-fg hover:bg-surface-2"
        >
          {t("menu.settings")}
        </Link>
        <button
          type="button"
          onClick={async () => {
            await api("/api/v1/auth/sign-out", { method: "POST" }).catch(() => undefined);
            reloadTo("/sign-in");
          }}
          className="block w-full rounded-lg px-2.5 py-1.5 text-start text-sm text-fg hover:bg-surface-2"
        >
          {t("signOut")}
        </button>
      </div>
    </div>
  );
}
