import "server-only";
import type { Scope } from "@/lib/auth/scope";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { checkPromptVersion } from "@/lib/prompts/library";
import { alertBudgets } from "@/lib/spend/budget-alerts";
import { teamWithoutBudgets, type BudgetState } from "@/lib/spend/budgets";
import { config } from "@/lib/config";
import { Gate, paceWhileBusy } from "./gate";
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
  const id = randomUUID();
  // The database work before and after TD's call waits its turn (createGate); the call itself does not.
  // A new create's first turn is paced while the server is saturated (gate.ts); the later turns of one under way are
  // not paced themselves (they may still queue behind a paced turn).
  const { estimate, near } = await createGate.run(() => writeRecord(id, req, scope, link), true);
  // Past 80 % of a budget: its owners hear it (once a period), without holding up the create.
  if (near.length) void alertBudgets(scope, near);
  await submitGeneration(id, createGate);
  const row = await createGate.run(() =>
    db().generation.findUniqueOrThrow({
      where: { id },
      include: { outputs: true, inputs: true, ledger: true },
    }),
  );
  return { ...generationView(row), estimate: estimate ?? null };
}

const g = globalThis as unknown as { __studioCreateGate?: Gate };
/** The creates of this process (STUDIO_CREATE_CONCURRENCY at once), shared by the REST API, the UI and experiments. */
const createGate = (g.__studioCreateGate ??= new Gate(
  () => config().STUDIO_CREATE_CONCURRENCY,
  () => paceWhileBusy(config().STUDIO_CREATE_PACE_LOAD),
));

/** Validate, then the budget check, the reservation and the record in one transaction. */
async function writeRecord(
  id: string,
  req: CreateGenerationRequest,
  scope: Scope,
  link: { experimentId?: string },
): Promise<{ estimate: Awaited<ReturnType<typeof reserveInTx>>; near: BudgetState[] }> {
  const { model, spec, params, inputs } = await validateGenerationRequest(req, scope);
  if (req.promptVersionId) await checkPromptVersion(scope, req.promptVersionId);
  // Stale reservations only matter to a budget check: a team without budgets has none to make.
  const unlimited = await teamWithoutBudgets(scope.teamId);
  if (!unlimited) await reconcileLedger(scope.teamId);
  // The budget check, the reservation and the record in one transaction: concurrent creates cannot overrun.
  const reserve = {
    scope,
    generationId: id,
    model: model.id,
    mode: spec.mode,
    params,
    prompt: req.prompt,
    unlimited,
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
  return { estimate, near };
}
