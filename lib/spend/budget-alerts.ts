import "server-only";
import { randomUUID } from "node:crypto";
import type { Scope } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import { notify } from "@/lib/review/notifications";
import type { BudgetState } from "./budgets";

// The soft threshold as a notification: when a reservation takes a budget to 80 % or more, the budget's owners
// hear it once per period — a team budget's admins, a member budget's admins and that member. The claim is a
// unique row (team, budget, member, period start), so concurrent creates past the line notify once.

/** After the reservation's transaction committed: claim each budget's period, notify the first time. Never throws. */
export async function alertBudgets(scope: Scope, near: BudgetState[]): Promise<void> {
  for (const b of near) {
    try {
      await alertOne(scope, b);
    } catch (e) {
      console.error(`[spend] the ${b.budget} threshold notice of team ${scope.teamId} failed:`, (e as Error).message);
    }
  }
}

async function alertOne(scope: Scope, b: BudgetState) {
  const member = b.budget.startsWith("member") ? scope.userId : "";
  try {
    await db().budgetAlert.create({
      data: { id: randomUUID(), teamId: scope.teamId, budget: b.budget, userId: member, since: new Date(b.since) },
    });
  } catch (e) {
    if ((e as { code?: string }).code === "P2002") return; // told already this period
    throw e;
  }
  const admins = await db().membership.findMany({
    where: { teamId: scope.teamId, role: "admin" },
    select: { userId: true },
  });
  const percent = Math.round((b.spent / b.limit) * 100); // as the usage page's banner rounds
  await notify({
    teamId: scope.teamId,
    type: "budget_threshold",
    userIds: [...admins.map((a) => a.userId), member || undefined],
    excerpt: `${b.budget} ${percent}`,
  });
}
