import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthFrame } from "@/components/auth/auth-frame";
import { SignInPanel } from "@/components/auth/panels";
import { hasUsers } from "@/lib/auth/accounts";
import { PASSWORD_MIN } from "@/lib/auth/better-auth";
import { pageCaller } from "@/lib/auth/page";
import { openSignupTeam } from "@/lib/auth/team";
import { getT } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("auth"))("signIn.title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (!(await hasUsers())) redirect("/setup");
  const caller = await pageCaller();
  if (caller && caller !== "no-team") redirect("/");
  const { next } = await searchParams;
  const t = await getT("auth");
  return (
    <AuthFrame title={t("signIn.title")} description={t("signIn.description")}>
      <SignInPanel next={next} passwordMin={PASSWORD_MIN} signUpOpen={!!(await openSignupTeam())} />
    </AuthFrame>
  );
}
