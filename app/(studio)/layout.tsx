import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { CallerProvider } from "@/components/auth/caller-context";
import { SignedOutDialog } from "@/components/auth/signed-out-dialog";
import { AppShell } from "@/components/shell/app-shell";
import { THEME_COOKIE, isTheme } from "@/components/shell/theme";
import { teamsOf } from "@/lib/auth/accounts";
import { requirePageCaller } from "@/lib/auth/page";
import { config } from "@/lib/config";

/** Every studio page: signed in (or sent to sign-in / setup), inside the shell, with its caller known. */
export default async function StudioLayout({ children }: { children: ReactNode }) {
  const caller = await requirePageCaller();
  const saved = (await cookies()).get(THEME_COOKIE)?.value;
  const theme = isTheme(saved) ? saved : "system";
  const info = {
    user: caller.user,
    team: caller.team,
    role: caller.role,
    permissions: caller.permissions,
    teams: await teamsOf(caller.userId),
  };
  return (
    <CallerProvider value={info}>
      <AppShell demoMode={config().STUDIO_DEMO_MODE} theme={theme}>
        {children}
      </AppShell>
      <SignedOutDialog />
    </CallerProvider>
  );
}
