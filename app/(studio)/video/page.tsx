import type { Metadata } from "next";
import { PageContainer, PageHeader } from "@/components/ui";
import { VideoStudio } from "@/components/video/video-studio";
import { CATALOG } from "@/lib/catalog";
import { config } from "@/lib/config";
import { listAssetsById } from "@/lib/assets/list";
import { modelInfos, runnableModes } from "@/lib/generations/page-data";
import { getGeneration, listGenerations } from "@/lib/generations/queries";
import { assetView } from "@/lib/assets/view";
import { requirePageCaller } from "@/lib/auth/page";
import { getT } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("video");
  return { title: t("title") };
}

const VIDEO_MODELS = CATALOG.filter((m) => m.kind === "video").map((m) => m.id);

export default async function VideoPage({
  searchParams,
}: {
  searchParams: Promise<{ from?: string; mode?: string; model?: string; version?: string; prompt?: string }>;
}) {
  const caller = await requirePageCaller();
  const { from, mode, model, version, prompt } = await searchParams;
  const found = from ? await getGeneration(caller, from).catch(() => undefined) : undefined;
  const draft = found && VIDEO_MODELS.includes(found.model) ? found : undefined;
  // `?from=<id>` reopens everything: the assets it used are loaded here so its inputs show at once.
  const inputIds = draft?.inputs.flatMap((i) => (i.assetId ? [i.assetId] : [])) ?? [];
  const draftAssets = inputIds.length ? (await listAssetsById(caller, inputIds)).map(assetView) : [];
  const t = await getT("video");
  const modes = runnableModes("video", [
    "text-to-video",
    "first-frame",
    "first-last-frame",
    "reference",
    "multimodal-reference",
    "video-edit",
  ]);
  const recent = (await listGenerations(caller, { limit: 12 })).items.filter((g) => VIDEO_MODELS.includes(g.model));
  return (
    <PageContainer className="max-w-7xl">
      <PageHeader title={t("title")} description={t("description")} />
      <VideoStudio
        modes={modes}
        recent={recent}
        models={modelInfos()}
        draft={draft}
        draftAssets={draftAssets}
        initial={{ mode, model, prompt: prompt?.slice(0, 20_000) }}
        versionOf={version}
        publicUrl={!!config().PUBLIC_BASE_URL}
      />
    </PageContainer>
  );
}
