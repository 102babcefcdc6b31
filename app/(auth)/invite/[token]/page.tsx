import type { Metadata } from "next";
import { AuthFrame } from "@/components/auth/auth-frame";
import { InvitePanel } from "@/components/auth/panels";
import { PASSWORD_MIN } from "@/lib/auth/better-auth";
import { pageCaller } from "@/lib/auth/page";
import { describeInvite } from "@/lib/auth/team";
import { getFormatter, getT } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("auth"))("invite.title", { team: "TD Studio" }) };
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getT("auth");
  const invite = await describeInvite(token).catch(() => null);
  if (!invite)
    return (
      <AuthFrame title={t("invite.title", { team: "TD Studio" })} description={t("invite.invalid")}>
        {null}
      </AuthFrame>
    );
  const caller = await pageCaller();
  const format = await getFormatter();
  const expires = format.dateTime(new Date(invite.expiresAt), { dateStyle: "medium", timeStyle: "short" });
  return (
    <AuthFrame
      title={t("invite.title", { team: invite.teamName })}
      description={t("invite.description", { team: invite.teamName, role: t(`roles.${invite.role}`), expires })}
    >
      <InvitePanel
        token={token}
        team={invite.teamName}
        signedInAs={caller && caller !== "no-team" ? caller.user.email : undefined}
        passwordMin={PASSWORD_MIN}
      />
    </AuthFrame>
  );
}
