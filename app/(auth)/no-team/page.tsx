import type { Metadata } from "next";
import { AuthFrame } from "@/components/auth/auth-frame";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { getT } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("auth"))("noTeam.title") };
}

export default async function NoTeamPage() {
  const t = await getT("auth");
  return (
    <AuthFrame title={t("noTeam.title")} description={t("noTeam.description")}>
      <SignOutButton />
    </AuthFrame>
  );
}
