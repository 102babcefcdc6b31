import type { Metadata } from "next";
import { Suspense } from "react";
import { PromptLibrary } from "@/components/prompts/prompt-library";
import { PageContainer, PageHeader } from "@/components/ui";
import { requirePageCaller } from "@/lib/auth/page";
import { getT } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("experiments.prompts");
  return { title: t("title") };
}

/** `/prompts` (`?id=` one prompt, `?new=1`): the team's saved prompts with versions, variables, tags and notes. */
export default async function PromptsPage() {
  const caller = await requirePageCaller();
  const t = await getT("experiments.prompts");
  return (
    <PageContainer className="max-w-7xl">
      <PageHeader title={t("title")} description={t("description")} />
      <Suspense>
        <PromptLibrary canEdit={caller.permissions.includes("generation:create")} />
      </Suspense>
    </PageContainer>
  );
}
