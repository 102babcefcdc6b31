import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthFrame } from "@/components/auth/auth-frame";
import { SetupPanel } from "@/components/auth/panels";
import { hasUsers } from "@/lib/auth/accounts";
import { PASSWORD_MIN } from "@/lib/auth/better-auth";
import { getT } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("auth"))("setup.title") };
}

/** First run only: once an account exists this page sends people to sign in. */
export default async function SetupPage() {
  if (await hasUsers()) redirect("/sign-in");
  const t = await getT("auth");
  return (
    <AuthFrame title={t("setup.title")} description={t("setup.description")}>
      <SetupPanel passwordMin={PASSWORD_MIN} />
    </AuthFrame>
  );
}
