import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";
import { SpeechIcon } from "@/components/ui/icons";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("shell.pages.speech");
  return { title: t("title") };
}

export default function SpeechPage() {
  return <ComingSoon page="speech" icon={<SpeechIcon />} />;
}
