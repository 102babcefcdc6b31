import type { Metadata } from "next";
import { Suspense } from "react";
import { ReviewRequests } from "@/components/review/review-requests";
import { PageContainer, PageHeader } from "@/components/ui";
import { requirePageCaller } from "@/lib/auth/page";
import { getT } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("review"))("requests.title") };
}

export default async function ReviewsPage() {
  await requirePageCaller();
  const t = await getT("review");
  return (
    <PageContainer className="max-w-3xl">
      <PageHeader title={t("requests.title")} description={t("requests.description")} className="mb-4" />
      <Suspense>
        <ReviewRequests />
      </Suspense>
    </PageContainer>
  );
}
