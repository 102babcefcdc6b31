import type { Metadata } from "next";
import { PageContainer, PageHeader } from "@/components/ui";
import { VideoStudio } from "@/components/video/video-studio";
import { CATALOG } from "@/lib/catalog";
import { modelInfos, runnableModes } from "@/lib/generations/page-data";
import { getGeneration, listGenerations } from "@/lib/generations/queries";
import { getT } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("video");
  return { title: t("title") };
}

const VIDEO_MODELS = CATALOG.filter((m) => m.kind === "video").map((m) => m.id);

export default async function VideoPage({ searchParams }: { searchParams: Promise<{ from?: string }> }) {
  const { from } = await searchParams;
  const draft = from ? await getGeneration("local", from).catch(() => undefined) : undefined;
  const t = await getT("video");
  // Only modes whose inputs this page can already collect (text to video needs none).
  const modes = runnableModes("video", ["text-to-video", "first-frame", "first-last-frame", "reference", "multimodal-reference", "video-edit"]).filter((m) => m.specs.every((s) => s.inputs.every((i) => i.min === 0)));
  const recent = (await listGenerations("local", { limit: 12 })).items.filter((g) => VIDEO_MODELS.includes(g.model));
  return (
    <PageContainer className="max-w-7xl">
      <PageHeader title={t("title")} description={t("description")} />
      <VideoStudio modes={modes} recent={recent} models={modelInfos()} draft={draft && VIDEO_MODELS.includes(draft.model) ? draft : undefined} />
    </PageContainer>
  );
}
