import type { Metadata } from "next";
import { ExperimentBuilder } from "@/components/experiments/builder/experiment-builder";
import { PageContainer, PageHeader } from "@/components/ui";
import { requirePageCaller } from "@/lib/auth/page";
import { CATALOG } from "@/lib/catalog";
import { modeFormSpec } from "@/lib/catalog/form-spec";
import { runnableModes } from "@/lib/generations/page-data";
import { getT } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("experiments.builder");
  return { title: t("title") };
}

/** `/experiments/new` — `?from=<experiment id>`: duplicate with changes; `?prompt=<prompt id>`: rows from the library. */
export default async function NewExperimentPage({
  searchParams,
}: {
  searchParams: Promise<{ from?: string; prompt?: string }>;
}) {
  await requirePageCaller();
  const { from, prompt } = await searchParams;
  const t = await getT("experiments.builder");
  // Every variant the studio can run: the media modes its engine runs, and the chat models.
  const specs = [
    ...runnableModes("video", ["text-to-video", "first-frame", "first-last-frame", "reference"]),
    ...runnableModes("image", ["text-to-image", "image-to-image"]),
    ...runnableModes("speech", ["speech"]),
  ].flatMap((m) => m.specs);
  const chat = CATALOG.filter((m) => m.kind === "chat").flatMap((m) => modeFormSpec(m.id, "chat") ?? []);
  const kinds = Object.fromEntries(CATALOG.map((m) => [m.id, m.kind]));
  return (
    <PageContainer className="max-w-7xl">
      <PageHeader title={from ? t("duplicateTitle") : t("title")} description={t("description")} />
      <ExperimentBuilder specs={[...specs, ...chat]} kinds={kinds} from={from} promptId={prompt} />
    </PageContainer>
  );
}
