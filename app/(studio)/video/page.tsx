import type { Metadata } from "next";
import { PageContainer, PageHeader } from "@/components/ui";
import { VideoStudio } from "@/components/video/video-studio";
import { CATALOG } from "@/lib/catalog";
import { canGiveFetchableUrl } from "@/lib/assets/signed-links";
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

const INPUT_ROLES = ["first_frame", "last_frame", "reference_image", "reference_video", "video", "reference_audio"];
const VIDEO_MODELS = CATALOG.filter((m) => m.kind === "video").map((m) => m.id);

export default async function VideoPage({
  searchParams,
}: {
  searchParams: Promise<
    { from?: string; mode?: string; model?: string; version?: string; prompt?: string } & Record<string, unknown>
  >;
}) {
  const caller = await requirePageCaller();
  const sp = await searchParams;
  const { from, mode, model, version } = sp;
  const prompt = typeof sp.prompt === "string" ? sp.prompt : undefined;
  const promptVersionId = typeof sp.promptVersion === "string" ? sp.promptVersion.slice(0, 100) : undefined;
  const found = from ? await getGeneration(caller, from).catch(() => undefined) : undefined;
  const draft = found && VIDEO_MODELS.includes(found.model) ? found : undefined;
  // `?from=<id>` reopens everything: the assets it used are loaded here so its inputs show at once.
  const inputIds = draft?.inputs.flatMap((i) => (i.assetId ? [i.assetId] : [])) ?? [];
  const draftAssets = inputIds.length ? (await listAssetsById(caller, inputIds)).map(assetView) : [];
  // `?first_frame=<asset id>` and the other roles ("use as input"): the team's assets, in those roles.
  const wantedInputs = draft
    ? []
    : INPUT_ROLES.flatMap((role) => (typeof sp[role] === "string" ? [{ role, id: sp[role] as string }] : []));
  const presetAssets = wantedInputs.length
    ? (
        await listAssetsById(
          caller,
          wantedInputs.map((w) => w.id),
        )
      ).map(assetView)
    : [];
  const preset = wantedInputs.flatMap((w) => {
    const asset = presetAssets.find((a) => a.id === w.id);
    return asset ? [{ role: w.role, asset }] : [];
  });
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
        initial={{ mode, model, prompt: prompt?.slice(0, 20_000), promptVersionId }}
        versionOf={version}
        preset={preset}
        publicUrl={canGiveFetchableUrl()}
      />
    </PageContainer>
  );
}
