import type { Metadata } from "next";
import { ExperimentView, type ExperimentTab } from "@/components/experiments/view/experiment-view";
import { PageContainer } from "@/components/ui";
import { requirePageCaller } from "@/lib/auth/page";
import { CATALOG } from "@/lib/catalog";
import { getT } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("experiments");
  return { title: t("title") };
}

const TABS: ExperimentTab[] = ["grid", "blind", "results"];

/** `/experiments/{id}` (`?view=blind|results`): the grid filling in live, blind voting, results. */
export default async function ExperimentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ view?: string }>;
}) {
  await requirePageCaller();
  const { id } = await params;
  const { view } = await searchParams;
  const models = Object.fromEntries(CATALOG.map((m) => [m.id, { name: m.name, kind: m.kind }]));
  const tab = TABS.find((x) => x === view) ?? "grid";
  return (
    <PageContainer className="max-w-[1600px]">
      <ExperimentView id={id} models={models} tab={tab} />
    </PageContainer>
  );
}
