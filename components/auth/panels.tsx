"use client";

import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui";
import { api } from "@/lib/client/api";
import { useTranslations } from "@/lib/i18n/client";
import { AccountForm } from "./account-form";
import { reloadTo } from "@/lib/client/navigate";
import { useErrorText } from "@/lib/client/error-text";

/** A path on this site only (a `next=` parameter must not send anyone elsewhere). */
function safeNext(next: string | undefined): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/";
}

const go = reloadTo;

export function SetupPanel({ passwordMin }: { passwordMin: number }) {
  const t = useTranslations("auth");
  return (
    <AccountForm
      fields={["name", "email", "newPassword", "teamName"]}
      initial={{ teamName: t("setup.defaultTeam") }}
      endpoint="/api/v1/setup"
      submit={t("setup.submit")}
      passwordMin={passwordMin}
      onDone={() => go("/")}
    />
  );
}

export function SignInPanel({
  next,
  passwordMin,
  signUpOpen,
}: {
  next?: string;
  passwordMin: number;
  signUpOpen: boolean;
}) {
  const t = useTranslations("auth");
  return (
    <>
      <AccountForm
        fields={["email", "password"]}
        endpoint="/api/v1/auth/sign-in"
        submit={t("signIn.submit")}
        passwordMin={passwordMin}
        onDone={() => go(safeNext(next))}
      />
      <p className="mt-5 text-center text-sm text-muted">
        {signUpOpen ? (
          <Link href="/sign-up" className="font-medium text-accent hover:underline">
            {t("signIn.signUp")}
          </Link>
        ) : (
          t("signIn.noAccount")
        )}
      </p>
    </>
  );
}

export function SignUpPanel({ passwordMin }: { passwordMin: number }) {
  const t = useTranslations("auth");
  return (
    <AccountForm
      fields={["name", "email", "newPassword"]}
      endpoint="/api/v1/auth/sign-up"
      submit={t("signUp.submit")}
      passwordMin={passwordMin}
      onDone={() => go("/")}
    />
  );
}

export function InvitePanel({
  token,
  team,
  signedInAs,
  passwordMin,
}: {
  token: string;
  team: string;
  signedInAs?: string;
  passwordMin: number;
}) {
  const t = useTranslations("auth");
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const endpoint = `/api/v1/invites/${encodeURIComponent(token)}`;
  if (signedInAs) {
    return (
      <div className="flex flex-col gap-4">
        <p className="text-sm text-muted">{t("invite.signedInAs", { email: signedInAs })}</p>
        {error && (
          <p role="alert" className="text-sm text-danger">
            {error}
          </p>
        )}
        <Button
          variant="primary"
          size="lg"
          loading={busy}
          onClick={async () => {
            setBusy(true);
            try {
              const r = await api<{ teamId: string }>(endpoint, { method: "POST", json: {} });
              await api("/api/v1/me/team", { method: "PUT", json: { teamId: r.teamId } });
              go("/");
            } catch (e) {
              setError(errorText(e));
              setBusy(false);
            }
          }}
        >
          {t("invite.join", { team })}
        </Button>
      </div>
    );
  }
  return (
    <>
      <AccountForm
        fields={["name", "email", "newPassword"]}
        endpoint={endpoint}
        submit={t("invite.submit")}
        passwordMin={passwordMin}
        onDone={() => go("/")}
      />
      <p className="mt-5 text-center text-sm text-muted">{t("invite.haveAccount")}</p>
    </>
  );
}
