"use client";

import { useEffect } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { StaticIcon } from "@/components/ui/static-icon";
import { useTranslations } from "@/lib/i18n/client";

// Renders inside the root layout, so the shell, the theme and the translations are all there. Every page
// loads this boundary, so it uses no next/link and no icon library: their code would ship twice (Turbopack
// gives each boundary its own chunk), and a full load is the right way home after an error anyway.
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("shell.errorPage");
  // Server errors reach the browser without their message (production) but with a digest that matches the server log.
  const digest =
    error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : undefined;

  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div className="flex min-h-[calc(100dvh-3.5rem)] items-center justify-center px-4 py-12 md:min-h-dvh">
      <div className="w-full max-w-lg">
        <EmptyState
          icon={<StaticIcon name="triangle-alert" />}
          title={<span className="text-xl">{t("title")}</span>}
          description={t("description")}
          actions={
            <>
              <Button variant="primary" onClick={() => retry()}>
                {t("retry")}
              </Button>
              <a href="/video" className={buttonClasses({ variant: "secondary" })}>
                {t("home")}
              </a>
            </>
          }
        >
          {digest && (
            <p className="mt-4 rounded-lg border border-border bg-surface-2 px-3 py-1.5 text-xs text-muted">
              {t("reference")}: <code className="font-mono text-fg select-all">{digest}</code>
            </p>
          )}
        </EmptyState>
      </div>
    </div>
  );
}
