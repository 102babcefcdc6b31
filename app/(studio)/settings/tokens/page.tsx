import type { Metadata } from "next";
import { TokenSettings } from "@/components/settings/token-settings";
import { requirePageCaller } from "@/lib/auth/page";
import { getT } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("settings"))("tabs.tokens") };
}

export default async function TokensPage() {
  await requirePageCaller();
  return <TokenSettings />;
}
