import type { Metadata } from "next";
import { Inbox } from "@/components/notifications/inbox";
import { PageContainer, PageHeader } from "@/components/ui";
import { requirePageCaller } from "@/lib/auth/page";
import { getT } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("review"))("inbox.title") };
}

export default async function InboxPage() {
  await requirePageCaller();
  const t = await getT("review");
  return (
    <PageContainer className="max-w-3xl">
      <PageHeader title={t("inbox.title")} description={t("inbox.description")} className="mb-4" />
      <Inbox />
    </PageContainer>
  );
}
