import type { Metadata } from "next";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { StaticIcon } from "@/components/ui/static-icon";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("shell.notFound");
  return { title: t("title") };
}

export default async function NotFound() {
  const t = await getT("shell.notFound");
  return (
    <div className="flex min-h-[calc(100dvh-3.5rem)] items-center justify-center px-4 py-12 md:min-h-dvh">
      <div className="w-full max-w-lg">
        <p
          aria-hidden="true"
          className="mb-2 text-center font-mono text-5xl font-semibold tracking-tight text-border-strong"
        >
          404
        </p>
        <EmptyState
          icon={<StaticIcon name="compass" />}
          title={<span className="text-xl">{t("title")}</span>}
          description={t("description")}
          actions={
            <a href="/video" className={buttonClasses({ variant: "primary" })}>
              {t("home")}
              <StaticIcon name="arrow-right" />
            </a>
          }
          className="pt-4"
        />
      </div>
    </div>
  );
}
