import type { ReactNode } from "react";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { PageContainer, PageHeader } from "@/components/ui";
import { getT } from "@/lib/i18n/server";

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const t = await getT("settings");
  return (
    <PageContainer className="max-w-4xl">
      <PageHeader title={t("title")} description={t("description")} />
      <SettingsTabs />
      {children}
    </PageContainer>
  );
}
