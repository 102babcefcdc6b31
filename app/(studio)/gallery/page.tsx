import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";
import { GalleryIcon } from "@/components/ui/icons";
import { requirePageCaller } from "@/lib/auth/page";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("shell.pages.gallery");
  return { title: t("title") };
}

export default async function GalleryPage() {
  await requirePageCaller();
  return <ComingSoon page="gallery" icon={<GalleryIcon />} />;
}
