import "server-only";
import type { Scope } from "@/lib/auth/scope";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { checkPromptVersion } from "@/lib/prompts/library";
import { alertBudgets } from "@/lib/spend/budget-alerts";
import type { BudgetState } from "@/lib/spend/budgets";
import { reconcileLedger, reserveInTx } from "@/lib/spend/ledger";
import type { CreateGenerationRequest } from "./schema";
import { submitGeneration } from "./submit";
import { validateGenerationRequest } from "./validate";
import { generationView } from "./view";

/**
 * Validate everything we can before money is spent, write the record, then send it upstream.
 * The record exists before the upstream call; a failed create is kept as failed with its reason.
 */
export async function createGeneration(
  req: CreateGenerationRequest,
  scope: Scope,
  /** Set by experiments: the experiment this generation is a cell of. */
  link: { experimentId?: string } = {},
) {
  const { model, spec, params, inputs } = await validateGenerationRequest(req, scope);
  if (req.promptVersionId) await checkPromptVersion(scope, req.promptVersionId);
  const id = randomUUID();
  await reconcileLedger(scope.teamId);
  // The budget check, the reservation and the record in one transaction: concurrent creates cannot overrun.
  const reserve = {
    scope,
    generationId: id,
    model: model.id,
    mode: spec.mode,
    params,
    prompt: req.prompt,
  };
  const near: BudgetState[] = [];
  const estimate = await db().$transaction(
    (tx) =>
      reserveInTx(
        tx,
        reserve,
        () =>
          tx.generation.create({
            data: {
              id,
              teamId: scope.teamId,
              createdById: scope.userId,
              model: model.id,
              mode: spec.mode,
              prompt: req.prompt ?? null,
              params: JSON.stringify(params),
              versionOf: req.versionOf ?? null,
              experimentId: link.experimentId ?? null,
              promptVersionId: req.promptVersionId ?? null,
              status: "queued",
              nextPollAt: new Date(),
              inputs: {
                create: inputs.map((i, position) => ({
                  id: randomUUID(),
                  role: i.role,
                  position,
                  assetId: i.assetId ?? null,
                  url: i.url ?? null,
                })),
              },
            },
          }),
        near,
      ),
    // Creates queue for the write lock one after another: wait for a turn rather than fail under a burst.
    { maxWait: 20_000, timeout: 20_000 },
  );
  // Past 80 % of a budget: its owners hear it (once a period), without holding up the create.
  if (near.length) void alertBudgets(scope, near);
  await submitGeneration(id);
  const row = await db().generation.findUniqueOrThrow({
    where: { id },
    include: { outputs: true, inputs: true, ledger: true },
  });
  return { ...generationView(row), estimate: estimate ?? null };
}
