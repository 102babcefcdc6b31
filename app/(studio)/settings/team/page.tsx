import type { Metadata } from "next";
import { TeamSettings } from "@/components/settings/team-settings";
import { requirePageCaller } from "@/lib/auth/page";
import { getT } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("settings"))("tabs.team") };
}

export default async function TeamPage() {
  await requirePageCaller();
  return <TeamSettings />;
}
