import type { Metadata } from "next";
import { BudgetSettings } from "@/components/spend/budget-settings";
import { PriceSettings } from "@/components/spend/price-settings";
import { requirePageCaller } from "@/lib/auth/page";
import { CATALOG } from "@/lib/catalog";
import { getT } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("settings"))("tabs.spend") };
}

/** Prices (operators edit, everyone reads); budgets and quotas (admins; the team's budget: operators). */
export default async function SpendPage() {
  const caller = await requirePageCaller();
  return (
    <div className="flex flex-col gap-6">
      <PriceSettings editable={caller.user.operator} models={CATALOG.map((m) => ({ id: m.id, name: m.name }))} />
      {caller.role === "admin" && <BudgetSettings operator={caller.user.operator} />}
    </div>
  );
}
