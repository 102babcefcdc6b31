import { NextResponse, type NextRequest } from "next/server";
import { readJson, route, type Caller } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { budgetStates, getBudgets, putBudgets } from "@/lib/spend/budgets";
import { currentPrices } from "@/lib/spend/prices";
import { putBudgetsRequest } from "@/lib/spend/schema";

export const dynamic = "force-dynamic";

/** The caller's team, or (operators) the team named by ?teamId=. */
async function teamOf(req: NextRequest, caller: Caller): Promise<string> {
  const named = req.nextUrl.searchParams.get("teamId");
  if (!named || named === caller.teamId) return caller.teamId;
  if (!caller.user.operator || !(await db().team.findUnique({ where: { id: named } })))
    throw new AppError("not_found", `team ${named} does not exist`);
  return named;
}

async function answer(teamId: string) {
  const [budgets, prices, states] = await Promise.all([
    getBudgets(teamId),
    currentPrices(),
    budgetStates(db(), { teamId, userId: "" }),
  ]);
  return NextResponse.json({ ...budgets, currency: prices.currency, state: states });
}

/** GET /api/v1/budgets → {team: {monthly?, daily?, resetDay}, members: {<userId>: {monthly?, daily?, maxConcurrent?, maxPerHour?}}} */
export const GET = route("team:manage", async (req, caller) => answer(await teamOf(req, caller)));

/** PUT /api/v1/budgets — members' budgets and quotas (admins); the team's budget (operators). `null` removes one. */
export const PUT = route("team:manage", async (req, caller) => {
  const teamId = await teamOf(req, caller);
  await putBudgets(teamId, putBudgetsRequest.parse(await readJson(req)), caller.user.operator);
  return answer(teamId);
});
