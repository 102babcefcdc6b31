"use client";

import type { ReactNode } from "react";
import type { Permission } from "@/lib/auth/permissions";
import { useTranslations } from "@/lib/i18n/client";
import { useCaller, useCan } from "./caller-context";

/** The Generate / Send controls, or — for a role that may not spend (reviewers) — a line that says why not. */
export function CanCreate({
  permission = "generation:create",
  children,
}: {
  permission?: Permission;
  children: ReactNode;
}) {
  const t = useTranslations("auth");
  const caller = useCaller();
  if (useCan(permission)) return children;
  return (
    <p
      data-testid="read-only-notice"
      className="rounded-lg border border-border bg-surface-2 px-3 py-2 text-sm leading-6 text-muted"
    >
      {t("readOnly", { team: caller?.team.name ?? "" })}
    </p>
  );
}
