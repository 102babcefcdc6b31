import type { Metadata } from "next";
import { UsageDashboard } from "@/components/spend/usage-dashboard";
import { requirePageCaller } from "@/lib/auth/page";
import { CATALOG } from "@/lib/catalog";
import { getT } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("settings"))("tabs.usage") };
}

/** Spend and units over time, by model, member and mode: members see their own, admins the team's. */
export default async function UsagePage() {
  await requirePageCaller();
  return <UsageDashboard models={Object.fromEntries(CATALOG.map((m) => [m.id, m.name]))} />;
}
