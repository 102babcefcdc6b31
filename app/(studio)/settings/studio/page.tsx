import type { Metadata } from "next";
import { StudioSettings } from "@/components/settings/studio-settings";
import { requirePageCaller } from "@/lib/auth/page";
import { getT } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("settings"))("tabs.studio") };
}

export default async function StudioPage() {
  const caller = await requirePageCaller();
  const t = await getT("settings");
  if (!caller.user.operator)
    return (
      <p className="rounded-lg border border-border bg-surface-2 px-4 py-3 text-sm text-muted">
        {t("studio.operatorOnly")}
      </p>
    );
  return <StudioSettings />;
}
