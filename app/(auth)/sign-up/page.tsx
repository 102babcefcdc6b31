import type { Metadata } from "next";
import { AuthFrame } from "@/components/auth/auth-frame";
import { SignUpPanel } from "@/components/auth/panels";
import { PASSWORD_MIN } from "@/lib/auth/better-auth";
import { openSignupTeam } from "@/lib/auth/team";
import { getT } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("auth"))("signUp.title") };
}

export default async function SignUpPage() {
  const t = await getT("auth");
  const team = await openSignupTeam();
  return (
    <AuthFrame
      title={t("signUp.title")}
      description={team ? t("signUp.description", { team: team.name }) : t("signUp.closed")}
    >
      {team && <SignUpPanel passwordMin={PASSWORD_MIN} />}
    </AuthFrame>
  );
}
