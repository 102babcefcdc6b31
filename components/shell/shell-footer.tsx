import { AccountMenu } from "./account-menu";
import { DemoBadge } from "./lazy-demo-badge";
import { LanguageSwitch } from "./language-switch";
import type { Theme } from "./theme";
import { ThemeSwitch } from "./theme-switch";

/** Demo notice, language and theme: the bottom of the sidebar and of the mobile drawer. */
export function ShellFooter({ demoMode, theme }: { demoMode: boolean; theme: Theme }) {
  return (
    <div className="flex flex-col gap-3 border-t border-border pt-4">
      {demoMode && <DemoBadge className="self-start" />}
      <AccountMenu />
      <div className="flex items-center gap-2">
        <LanguageSwitch className="flex-1" />
        <ThemeSwitch initial={theme} />
      </div>
    </div>
  );
}
