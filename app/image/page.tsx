import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";
import { ImageIcon } from "@/components/ui/icons";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("shell.pages.image");
  return { title: t("title") };
}

export default function ImagePage() {
  return <ComingSoon page="image" icon={<ImageIcon />} />;
}
