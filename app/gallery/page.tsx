import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";
import { GalleryIcon } from "@/components/ui/icons";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("shell.pages.gallery");
  return { title: t("title") };
}

export default function GalleryPage() {
  return <ComingSoon page="gallery" icon={<GalleryIcon />} />;
}
