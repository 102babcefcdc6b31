"use client";

import { useTranslations } from "use-intl";
import { Switch } from "@/components/ui/switch";
import type { VersionSource } from "./version-option";

/** The "add as a new version" switch with the source's thumbnail (see VersionOption). */
export function VersionSwitch({ state }: { state: VersionSource }) {
  const t = useTranslations("generation.versionOption");
  if (!state.source) return null;
  return (
    <div
      className="flex items-center gap-3 rounded-lg border border-border bg-surface-2 p-2.5"
      data-testid="version-option"
    >
      {/* eslint-disable-next-line @next/next/no-img-element -- the studio's own thumbnail route, already small */}
      <img
        src={`/api/v1/assets/${state.source}/thumbnail`}
        alt=""
        onError={(e) => (e.currentTarget.style.visibility = "hidden")}
        className="size-10 shrink-0 rounded-md bg-surface object-cover"
      />
      <Switch
        className="min-w-0 flex-1"
        checked={state.on}
        onCheckedChange={state.setOn}
        label={t("label")}
        description={state.on ? t("on") : t("off")}
      />
    </div>
  );
}
