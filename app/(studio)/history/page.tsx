import type { Metadata } from "next";
import { Suspense } from "react";
import { HistoryList } from "@/components/history/history-list";
import { PageContainer, PageHeader } from "@/components/ui";
import { CATALOG } from "@/lib/catalog";
import { modelInfos } from "@/lib/generations/page-data";
import { requirePageCaller } from "@/lib/auth/page";
import { getT } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("history");
  return { title: t("title") };
}

export default async function HistoryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  await requirePageCaller();
  const t = await getT("history");
  const sp = await searchParams;
  const infos = modelInfos();
  const models = Object.fromEntries(
    CATALOG.filter((m) => m.kind !== "chat").map((m) => [
      m.id,
      { ...infos[m.id], kind: m.kind, modes: m.modes.map((s) => s.mode) },
    ]),
  );
  return (
    <PageContainer>
      <PageHeader title={t("title")} description={t("description")} />
      <Suspense>
        <HistoryList models={models} filters={{ id: sp.id, status: sp.status, model: sp.model, mode: sp.mode }} />
      </Suspense>
    </PageContainer>
  );
}
