import "server-only";
import { randomUUID } from "node:crypto";
import { getModeSpec, getModel } from "@/lib/catalog";
import { checkInputCounts, checkMedia, checkPromptFor, parseParams } from "@/lib/catalog/validate";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { adapterFor } from "./adapters";
import type { CreateGenerationRequest } from "./schema";
import { submitGeneration } from "./submit";
import { generationView } from "./view";

/**
 * Validate everything we can before money is spent, write the record, then send it upstream.
 * The record exists before the upstream call; a failed create is kept as failed with its reason.
 */
export async function createGeneration(req: CreateGenerationRequest, owner = "local") {
  const model = getModel(req.model);
  if (!model) throw new AppError("validation_failed", `model ${req.model} is not in the catalog (GET /api/v1/models lists them)`, "model");
  const spec = getModeSpec(req.model, req.mode);
  if (!spec) {
    const modes = model.modes.map((m) => m.mode).join(", ");
    throw new AppError("validation_failed", `model ${req.model} has no mode "${req.mode}" (it has: ${modes})`, "mode");
  }
  if (!adapterFor(model.family)) throw new AppError("validation_failed", `${model.name.en} cannot be run from the studio yet`, "model");
  const promptError = checkPromptFor(spec, req.prompt);
  if (promptError) throw new AppError("validation_failed", promptError.message, promptError.field);
  const params = parseParams(spec, req.params);
  if (!params.ok) throw new AppError("validation_failed", params.errors.map((e) => e.message).join("; "), params.errors[0].field);

  const inputs = req.inputs ?? [];
  const countErrors = checkInputCounts(spec, inputs.map((i) => i.role));
  if (countErrors.length) throw new AppError("validation_failed", countErrors.map((e) => e.message).join("; "), countErrors[0].field);
  const assetIds = inputs.flatMap((i) => (i.assetId ? [i.assetId] : []));
  const assets = assetIds.length ? await db().asset.findMany({ where: { id: { in: assetIds }, owner } }) : [];
  const facts: { role: typeof inputs[number]["role"]; durationSeconds?: number }[] = [];
  for (const [idx, input] of inputs.entries()) {
    const roleSpec = spec.inputs.find((s) => s.role === input.role)!;
    if (input.url && !roleSpec.transport.inline && !input.url.startsWith("http")) {
      throw new AppError("validation_failed", `inputs.${idx}: ${input.role} must be a public http(s) URL`, `inputs.${idx}.url`);
    }
    if (input.assetId) {
      const asset = assets.find((a) => a.id === input.assetId);
      if (!asset) throw new AppError("validation_failed", `inputs.${idx}: asset ${input.assetId} does not exist`, `inputs.${idx}.assetId`);
      if (asset.kind !== roleSpec.kind) throw new AppError("validation_failed", `inputs.${idx}: ${input.role} must be ${roleSpec.kind}, asset ${asset.id} is ${asset.kind}`, `inputs.${idx}.assetId`);
      const problems = checkMedia(roleSpec, asset);
      if (problems.length) throw new AppError("validation_failed", `inputs.${idx} (${input.role}): ${problems.join("; ")}`, `inputs.${idx}.assetId`);
      if (!roleSpec.transport.inline && !config().PUBLIC_BASE_URL) {
        throw new AppError("public_url_required", `inputs.${idx} (${input.role}): ${model.name.en} only accepts this file by public URL and PUBLIC_BASE_URL is not set. Set it to the address where TD can reach this studio, or paste a public URL instead.`, `inputs.${idx}.assetId`);
      }
      facts.push({ role: input.role, durationSeconds: asset.durationSeconds ?? undefined });
    } else facts.push({ role: input.role });
  }
  const crossError = spec.check?.(facts);
  if (crossError) throw new AppError("validation_failed", crossError, "inputs");

  const id = randomUUID();
  await db().generation.create({
    data: {
      id,
      owner,
      model: model.id,
      mode: spec.mode,
      prompt: req.prompt ?? null,
      params: JSON.stringify(params.value),
      status: "queued",
      nextPollAt: new Date(),
      inputs: { create: inputs.map((i, position) => ({ id: randomUUID(), role: i.role, position, assetId: i.assetId ?? null, url: i.url ?? null })) },
    },
  });
  await submitGeneration(id);
  const row = await db().generation.findUniqueOrThrow({ where: { id }, include: { outputs: true, inputs: true } });
  return generationView(row);
}
