import "server-only";
import type { Scope } from "@/lib/auth/scope";
import { randomUUID } from "node:crypto";
import { getModeSpec, getModel, type InputSpec } from "@/lib/catalog";
import { checkInputCounts, checkMedia, checkPromptFor, parseParams } from "@/lib/catalog/validate";
import { canGiveFetchableUrl } from "@/lib/assets/signed-links";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { libraryAssetByUpstreamId } from "@/lib/seedance/library";
import { alertBudgets } from "@/lib/spend/budget-alerts";
import type { BudgetState } from "@/lib/spend/budgets";
import { reconcileLedger, reserveInTx } from "@/lib/spend/ledger";
import { adapterFor } from "./adapters";
import type { CreateGenerationRequest } from "./schema";
import { submitGeneration } from "./submit";
import { checkVersionSource } from "@/lib/versions/stacks";
import { generationView } from "./view";

/**
 * Validate everything we can before money is spent, write the record, then send it upstream.
 * The record exists before the upstream call; a failed create is kept as failed with its reason.
 */
export async function createGeneration(req: CreateGenerationRequest, scope: Scope) {
  const model = getModel(req.model);
  if (!model)
    throw new AppError(
      "validation_failed",
      `model ${req.model} is not in the catalog (GET /api/v1/models lists them)`,
      "model",
    );
  const spec = getModeSpec(req.model, req.mode);
  if (!spec) {
    const modes = model.modes.map((m) => m.mode).join(", ");
    throw new AppError("validation_failed", `model ${req.model} has no mode "${req.mode}" (it has: ${modes})`, "mode");
  }
  if (!adapterFor(model.family))
    throw new AppError("validation_failed", `${model.name.en} cannot be run from the studio yet`, "model");
  const promptError = checkPromptFor(spec, req.prompt);
  if (promptError) throw new AppError("validation_failed", promptError.message, promptError.field);
  const params = parseParams(spec, req.params);
  if (!params.ok)
    throw new AppError("validation_failed", params.errors.map((e) => e.message).join("; "), params.errors[0].field);

  const inputs = req.inputs ?? [];
  const countErrors = checkInputCounts(
    spec,
    inputs.map((i) => i.role),
  );
  if (countErrors.length)
    throw new AppError("validation_failed", countErrors.map((e) => e.message).join("; "), countErrors[0].field);
  const assetIds = inputs.flatMap((i) => (i.assetId ? [i.assetId] : []));
  const assets = assetIds.length
    ? await db().asset.findMany({ where: { id: { in: assetIds }, teamId: scope.teamId } })
    : [];
  const facts: { role: (typeof inputs)[number]["role"]; durationSeconds?: number }[] = [];
  for (const [idx, input] of inputs.entries()) {
    const roleSpec = spec.inputs.find((s) => s.role === input.role)!;
    if (input.url?.startsWith("asset://")) {
      facts.push({
        role: input.role,
        durationSeconds: await libraryAssetSeconds(scope, model.name.en, roleSpec, input.url, idx),
      });
      continue;
    }
    if (input.url && !roleSpec.transport.inline && !input.url.startsWith("http")) {
      throw new AppError(
        "validation_failed",
        `inputs.${idx}: ${input.role} must be a public http(s) URL`,
        `inputs.${idx}.url`,
      );
    }
    if (input.assetId) {
      const asset = assets.find((a) => a.id === input.assetId);
      if (!asset)
        throw new AppError(
          "validation_failed",
          `inputs.${idx}: asset ${input.assetId} does not exist`,
          `inputs.${idx}.assetId`,
        );
      if (asset.kind !== roleSpec.kind)
        throw new AppError(
          "validation_failed",
          `inputs.${idx}: ${input.role} must be ${roleSpec.kind}, asset ${asset.id} is ${asset.kind}`,
          `inputs.${idx}.assetId`,
        );
      const problems = checkMedia(roleSpec, asset);
      if (problems.length)
        throw new AppError(
          "validation_failed",
          `inputs.${idx} (${input.role}): ${problems.join("; ")}`,
          `inputs.${idx}.assetId`,
        );
      if (!roleSpec.transport.inline && !canGiveFetchableUrl()) {
        throw new AppError(
          "public_url_required",
          `inputs.${idx} (${input.role}): ${model.name.en} only accepts this file by public URL and PUBLIC_BASE_URL is not set. Set it to the address where TD can reach this studio, or paste a public URL instead.`,
          `inputs.${idx}.assetId`,
        );
      }
      facts.push({ role: input.role, durationSeconds: asset.durationSeconds ?? undefined });
    } else facts.push({ role: input.role });
  }
  const crossError = spec.check?.(facts);
  if (crossError) throw new AppError("validation_failed", crossError, "inputs");
  if (req.versionOf) await checkVersionSource(scope, req.versionOf, model.id);

  const id = randomUUID();
  await reconcileLedger(scope.teamId);
  // The budget check, the reservation and the record in one transaction: concurrent creates cannot overrun.
  const reserve = {
    scope,
    generationId: id,
    model: model.id,
    mode: spec.mode,
    params: params.value ?? {},
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
              params: JSON.stringify(params.value),
              versionOf: req.versionOf ?? null,
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

const LIBRARY_TYPE = { image: "Image", video: "Video", audio: "Audio" } as const;

/**
 * An `asset://<Id>` input: only where the model accepts library assets; one the studio registered must be
 * Active and of the right type (an id from elsewhere is left to TD to check). Returns its duration when known.
 */
async function libraryAssetSeconds(
  scope: Scope,
  modelName: string,
  roleSpec: InputSpec,
  url: string,
  idx: number,
): Promise<number | undefined> {
  const field = `inputs.${idx}.url`;
  if (!roleSpec.transport.assetUri)
    throw new AppError(
      "validation_failed",
      `inputs.${idx}: ${modelName} does not accept asset:// references for ${roleSpec.role}`,
      field,
    );
  const item = await libraryAssetByUpstreamId(scope, url.slice("asset://".length));
  if (!item) return undefined;
  if (item.status !== "Active") {
    throw new AppError(
      "validation_failed",
      `inputs.${idx}: library asset ${item.name} is ${item.status}${item.error ? ` (${item.error})` : ""}; only Active assets can be used`,
      field,
    );
  }
  if (item.assetType !== LIBRARY_TYPE[roleSpec.kind])
    throw new AppError(
      "validation_failed",
      `inputs.${idx}: ${roleSpec.role} must be ${roleSpec.kind}, library asset ${item.name} is ${item.assetType}`,
      field,
    );
  if (!item.studioAssetId) return undefined;
  return (await db().asset.findUnique({ where: { id: item.studioAssetId } }))?.durationSeconds ?? undefined;
}
