import { ArrowRightIcon, CompassIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
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
          icon={<CompassIcon />}
          title={<span className="text-xl">{t("title")}</span>}
          description={t("description")}
          actions={
            <Link href="/video" className={buttonClasses({ variant: "primary" })}>
              {t("home")}
              <ArrowRightIcon />
            </Link>
          }
          className="pt-4"
        />
      </div>
    </div>
  );
}
