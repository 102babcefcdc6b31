import { ArrowLeftIcon, GitCompareArrowsIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClasses, EmptyState, PageContainer, PageHeader } from "@/components/ui";
import { CompareView } from "@/components/versions/compare-view";
import { requirePageCaller } from "@/lib/auth/page";
import { AppError } from "@/lib/errors";
import { modelInfos } from "@/lib/generations/page-data";
import { getT } from "@/lib/i18n/server";
import { compareProblem, compareQuery, compareSet, type CompareItem } from "@/lib/versions/compare";
import { hydrate } from "@/lib/gallery/list";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("gallery.compare");
  return { title: t("title") };
}

/**
 * `/gallery/compare?ids=a,b[,c,d]` (or `?assets=`): two to four assets of the team side by side or with a slider —
 * from a version stack, a gallery selection or any link (an experiment grid). Another team's asset is a 404.
 */
export default async function ComparePage({
  searchParams,
}: {
  searchParams: Promise<{ ids?: string; assets?: string }>;
}) {
  const caller = await requirePageCaller();
  const sp = await searchParams;
  const t = await getT("gallery.compare");
  const parsed = compareQuery.safeParse(sp.ids ?? sp.assets ?? "");
  let items: CompareItem[] | undefined;
  let problem: string | undefined;
  if (!parsed.success) problem = t("errors.count");
  else {
    const found = await hydrate(caller, parsed.data);
    if (found.length < parsed.data.length) notFound();
    const p = compareProblem(found);
    if (p) problem = p.code === "kinds" ? t("errors.kinds") : t("errors.max", { max: p.max });
    else
      items = await compareSet(caller, parsed.data).catch((e: unknown) => {
        if (e instanceof AppError && e.code === "not_found") notFound();
        throw e;
      });
  }
  const infos = modelInfos();
  const models = Object.fromEntries(Object.entries(infos).map(([id, m]) => [id, { name: m.name }]));
  return (
    <PageContainer className="max-w-[1600px]">
      <PageHeader
        title={t("title")}
        description={t("description")}
        className="mb-4"
        actions={
          <Link href="/gallery" className={buttonClasses({ variant: "ghost", size: "sm" })}>
            <ArrowLeftIcon />
            {t("back")}
          </Link>
        }
      />
      {items ? (
        <CompareView items={items} models={models} />
      ) : (
        <EmptyState icon={<GitCompareArrowsIcon />} title={t("errorTitle")} description={problem} />
      )}
    </PageContainer>
  );
}
