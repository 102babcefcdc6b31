"use client";

import { useState } from "react";
import { Button, type ButtonProps } from "@/components/ui";
import { api } from "@/lib/client/api";
import { useTranslations } from "@/lib/i18n/client";
import { reloadTo } from "@/lib/client/navigate";

export function SignOutButton(props: ButtonProps) {
  const t = useTranslations("auth");
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant="secondary"
      className="w-full"
      {...props}
      loading={busy}
      onClick={async () => {
        setBusy(true);
        await api("/api/v1/auth/sign-out", { method: "POST" }).catch(() => undefined);
        reloadTo("/sign-in");
      }}
    >
      {t("signOut")}
    </Button>
  );
}
