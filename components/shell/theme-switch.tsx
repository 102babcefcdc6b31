"use client";

import { MonitorIcon, MoonIcon, SunIcon } from "lucide-react";
import { useSyncExternalStore } from "react";
import { Segmented } from "@/components/ui/segmented";
import { useTranslations } from "@/lib/i18n/client";
import { readTheme, setTheme, subscribeTheme, type Theme } from "./theme";

/** `initial` is what the server rendered from the cookie; the boot script may have refined it. */
export function ThemeSwitch({ initial, className }: { initial: Theme; className?: string }) {
  const t = useTranslations("shell.theme");
  const theme = useSyncExternalStore(subscribeTheme, readTheme, () => initial);
  return (
    <Segmented<Theme>
      legend={t("label")}
      value={theme}
      onChange={setTheme}
      iconOnly
      className={className}
      options={[
        { value: "light", label: t("light"), icon: <SunIcon /> },
        { value: "dark", label: t("dark"), icon: <MoonIcon /> },
        { value: "system", label: t("system"), icon: <MonitorIcon /> },
      ]}
    />
  );
}
