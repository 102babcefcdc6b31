import { LibraryBigIcon, PlusIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ExperimentList } from "@/components/experiments/experiment-list";
import { buttonClasses, PageContainer, PageHeader } from "@/components/ui";
import { requirePageCaller } from "@/lib/auth/page";
import { getT } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("experiments");
  return { title: t("title") };
}

export default async function ExperimentsPage() {
  const caller = await requirePageCaller();
  const t = await getT("experiments");
  const canCreate = caller.permissions.includes("generation:create");
  return (
    <PageContainer>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            <Link href="/prompts" className={buttonClasses({ variant: "ghost" })}>
              <LibraryBigIcon />
              {t("library")}
            </Link>
            {canCreate && (
              <Link href="/experiments/new" className={buttonClasses({ variant: "primary" })}>
                <PlusIcon />
                {t("new")}
              </Link>
            )}
          </>
        }
      />
      <ExperimentList canCreate={canCreate} />
    </PageContainer>
  );
}
