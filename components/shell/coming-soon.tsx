import { ArrowRightIcon, CheckIcon } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageContainer, PageHeader } from "@/components/ui/page-header";
import { getT } from "@/lib/i18n/server";

export type PlaceholderPage = "chat" | "image" | "speech" | "gallery";

/** The designed empty state of a studio section that is not built yet. */
export async function ComingSoon({ page, icon }: { page: PlaceholderPage; icon: ReactNode }) {
  const t = await getT("shell");
  const features = (["one", "two", "three"] as const).map((k) => t(`pages.${page}.features.${k}`));

  return (
    <PageContainer>
      <PageHeader title={t(`pages.${page}.title`)} description={t(`pages.${page}.description`)} />
      <Card className="overflow-hidden">
        <div className="grid md:grid-cols-[1fr_18rem]">
          <div className="p-6 sm:p-8">
            <div className="mb-5 flex items-center gap-3">
              <div
                aria-hidden="true"
                className="flex size-11 items-center justify-center rounded-xl border border-accent/20 bg-accent/10 text-accent-text [&_svg]:size-[22px]"
              >
                {icon}
              </div>
              <Badge tone="accent">{t("placeholder.eyebrow")}</Badge>
            </div>
            <h2 className="text-lg font-semibold tracking-tight text-fg">{t("placeholder.notBuilt")}</h2>
            <p className="mt-4 text-sm font-medium text-fg">{t("placeholder.willDo")}</p>
            <ul className="mt-3 flex flex-col gap-2.5">
              {features.map((feature) => (
                <li key={feature} className="flex gap-2.5 text-sm leading-6 text-muted">
                  <CheckIcon className="mt-1 size-4 shrink-0 text-accent-text" />
                  <span>{feature}</span>
                </li>
              ))}
            </ul>
          </div>
          <div className="flex flex-col justify-between gap-6 border-t border-border bg-surface-2/60 p-6 sm:p-8 md:border-s md:border-t-0">
            <div>
              <p className="text-xs font-medium tracking-wide text-muted uppercase">{t("placeholder.models")}</p>
              <p className="mt-1.5 text-sm leading-6 text-fg">{t(`pages.${page}.models`)}</p>
            </div>
            <div>
              <p className="mb-3 text-sm leading-6 text-muted">{t("placeholder.meanwhile")}</p>
              <Link href="/video" className={buttonClasses({ variant: "primary", className: "w-full" })}>
                {t("placeholder.goVideo")}
                <ArrowRightIcon />
              </Link>
            </div>
          </div>
        </div>
      </Card>
    </PageContainer>
  );
}
