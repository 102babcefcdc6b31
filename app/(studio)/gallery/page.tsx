import type { Metadata } from "next";
import { Suspense } from "react";
import { GalleryBrowser } from "@/components/gallery/gallery-browser";
import { PageContainer, PageHeader } from "@/components/ui";
import { requirePageCaller } from "@/lib/auth/page";
import { listMembers } from "@/lib/auth/team";
import { CATALOG } from "@/lib/catalog";
import { config } from "@/lib/config";
import { modelInfos } from "@/lib/generations/page-data";
import { getT } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("gallery");
  return { title: t("title") };
}

export default async function GalleryPage() {
  const caller = await requirePageCaller();
  const t = await getT("gallery");
  const infos = modelInfos();
  const models = Object.fromEntries(
    CATALOG.filter((m) => m.kind !== "chat").map((m) => [
      m.id,
      { name: infos[m.id].name, kind: m.kind, modes: m.modes.map((s) => s.mode) },
    ]),
  );
  const members = (await listMembers(caller)).map((m) => ({ id: m.userId, name: m.name }));
  return (
    <PageContainer className="max-w-[1600px]">
      <PageHeader title={t("title")} description={t("description")} className="mb-4" />
      <Suspense>
        <GalleryBrowser models={models} members={members} trashDays={config().STUDIO_TRASH_DAYS} />
      </Suspense>
    </PageContainer>
  );
}
