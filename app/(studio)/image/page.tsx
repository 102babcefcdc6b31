import type { Metadata } from "next";
import { ImageStudio } from "@/components/image/image-studio";
import { PageContainer, PageHeader } from "@/components/ui";
import { modeFormSpec } from "@/lib/catalog/form-spec";
import { canGiveFetchableUrl } from "@/lib/assets/signed-links";
import { modelInfos } from "@/lib/generations/page-data";
import { getGeneration, listGenerations } from "@/lib/generations/queries";
import { requirePageCaller } from "@/lib/auth/page";
import { getT } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

const MODEL = "T0302007";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("image");
  return { title: t("title") };
}

/** ?from=<generation id> starts from a generation's settings; ?ref=<asset id> (repeatable) preselects reference images. */
export default async function ImagePage({
  searchParams,
}: {
  searchParams: Promise<{
    from?: string;
    ref?: string | string[];
    version?: string;
    prompt?: string;
    promptVersion?: string;
  }>;
}) {
  const caller = await requirePageCaller();
  const { from, ref, version, prompt, promptVersion } = await searchParams;
  const t = await getT("image");
  const draft = from ? await getGeneration(caller, from).catch(() => undefined) : undefined;
  const recent = await listGenerations(caller, { model: MODEL, limit: 12 });
  const refs = (Array.isArray(ref) ? ref : ref ? [ref] : [])
    .flatMap((r) => r.split(","))
    .filter(Boolean)
    .slice(0, 3);
  return (
    <PageContainer className="max-w-7xl">
      <PageHeader title={t("title")} description={t("description")} />
      <ImageStudio
        t2i={modeFormSpec(MODEL, "text-to-image")!}
        i2i={modeFormSpec(MODEL, "image-to-image")!}
        recent={recent.items}
        model={modelInfos()[MODEL]}
        publicUrl={canGiveFetchableUrl()}
        draft={draft?.model === MODEL ? draft : undefined}
        refs={refs}
        versionOf={version}
        initialPrompt={prompt?.slice(0, 20_000)}
        promptVersionId={promptVersion?.slice(0, 100)}
      />
    </PageContainer>
  );
}
