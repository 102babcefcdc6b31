import type { Metadata } from "next";
import { cookies } from "next/headers";
import { NotifySettingsCard } from "@/components/notifications/notify-settings-card";
import { ProfileSettings } from "@/components/settings/profile-settings";
import { isTheme } from "@/components/shell/theme";
import { PASSWORD_MIN } from "@/lib/auth/better-auth";
import { requirePageCaller } from "@/lib/auth/page";
import { getT } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("settings"))("tabs.profile") };
}

export default async function ProfilePage() {
  const caller = await requirePageCaller();
  const saved = (await cookies()).get("theme")?.value;
  return (
    <div className="flex flex-col gap-6">
      <ProfileSettings
        name={caller.user.name}
        email={caller.user.email}
        theme={isTheme(saved) ? saved : "system"}
        passwordMin={PASSWORD_MIN}
      />
      <NotifySettingsCard />
    </div>
  );
}
