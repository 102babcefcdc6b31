import type { Metadata } from "next";
import { SpeechStudio } from "@/components/speech/speech-studio";
import { PageContainer, PageHeader } from "@/components/ui";
import { TTS_LANGUAGES } from "@/lib/catalog/minimax-tts";
import { modeFormSpec } from "@/lib/catalog/form-spec";
import { modelInfos } from "@/lib/generations/page-data";
import { getGeneration, listGenerations } from "@/lib/generations/queries";
import { requirePageCaller } from "@/lib/auth/page";
import { getT } from "@/lib/i18n/server";
import { listVoices } from "@/lib/voices/store";

export const dynamic = "force-dynamic";

const MODEL = "T0311001";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("speech");
  return { title: t("title") };
}

/**
 * ?from=<generation id> starts from a generation; ?voice_sample=<asset id> opens the clone form with that sample;
 * ?prompt=&promptVersion= starts with a text from the prompt library.
 */
export default async function SpeechPage({
  searchParams,
}: {
  searchParams: Promise<{
    from?: string;
    version?: string;
    voice_sample?: string;
    prompt?: string;
    promptVersion?: string;
  }>;
}) {
  const caller = await requirePageCaller();
  const { from, version, voice_sample, prompt, promptVersion } = await searchParams;
  const t = await getT("speech");
  const draft = from ? await getGeneration(caller, from).catch(() => undefined) : undefined;
  const [recent, voices] = await Promise.all([
    listGenerations(caller, { model: MODEL, limit: 12 }),
    listVoices(caller),
  ]);
  return (
    <PageContainer className="max-w-7xl">
      <PageHeader title={t("title")} description={t("description")} />
      <SpeechStudio
        speak={modeFormSpec(MODEL, "speech")!}
        clone={modeFormSpec(MODEL, "voice-clone")!}
        languages={TTS_LANGUAGES}
        recent={recent.items}
        voices={voices}
        model={modelInfos()[MODEL]}
        draft={draft?.model === MODEL ? draft : undefined}
        versionOf={version}
        voiceSample={voice_sample}
        initialText={prompt?.slice(0, 20_000)}
        promptVersionId={promptVersion?.slice(0, 100)}
      />
    </PageContainer>
  );
}
