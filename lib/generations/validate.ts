import "server-only";
import type { Scope } from "@/lib/auth/scope";
import { getModeSpec, getModel, type InputSpec, type ModeSpec, type ModelEntry } from "@/lib/catalog";
import { checkInputCounts, checkMedia, checkPromptFor, parseParams } from "@/lib/catalog/validate";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { libraryAssetByUpstreamId } from "@/lib/seedance/library";
import { checkVersionSource } from "@/lib/versions/stacks";
import { adapterFor } from "./adapters";
import type { CreateGenerationRequest } from "./schema";

export interface ValidGeneration {
  model: ModelEntry;
  spec: ModeSpec;
  /** The studio's parameter names with the catalog's defaults filled in. */
  params: Record<string, unknown>;
  inputs: NonNullable<CreateGenerationRequest["inputs"]>;
}

/**
 * Everything POST /api/v1/generations checks before money is spent, against the catalog: the model and mode,
 * the prompt, the parameters, the inputs (counts, kinds, media limits, transport) and a version source.
 * Experiments validate each variant through this same function. `chat: true` also accepts the chat models
 * (experiments run them as one completion, not through the generation engine).
 */
export async function validateGenerationRequest(
  req: CreateGenerationRequest,
  scope: Scope,
  opts: { chat?: boolean } = {},
): Promise<ValidGeneration> {
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
  if (!adapterFor(model.family) && !(opts.chat && model.family === "chat"))
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
      if (!roleSpec.transport.inline && !config().PUBLIC_BASE_URL) {
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
  return { model, spec, params: (params.value ?? {}) as Record<string, unknown>, inputs };
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
