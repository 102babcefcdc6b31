import "server-only";
import type { Scope } from "@/lib/auth/scope";
import { getModeSpec } from "@/lib/catalog";
import { checkMedia } from "@/lib/catalog/validate";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Asset } from "@/lib/generated/prisma/client";
import { canGiveFetchableUrl, fetchableAssetUrl } from "@/lib/assets/signed-links";
import { readBuffer } from "@/lib/storage";
import { MULTIMODAL_MODELS, type AttachmentRef } from "./types";

// Images and videos for DeepSeek-v3.2: checked against the catalog's limits before anything is sent, and
// turned into something the model can reach.

const ROLE = { image: "reference_image", video: "reference_video" } as const;

/** Count, ownership, kind, stored file and every documented limit of one message's attachments. */
export async function checkAttachments(
  scope: Scope,
  model: string,
  refs: AttachmentRef[],
): Promise<Map<string, Asset>> {
  if (!refs.length) return new Map();
  if (!MULTIMODAL_MODELS.includes(model))
    throw new AppError(
      "validation_failed",
      `${model} takes text only in the studio: remove the attachments or switch to DeepSeek-v3.2`,
      "attachments",
    );
  const spec = getModeSpec(model, "chat");
  for (const kind of ["image", "video"] as const) {
    const roleSpec = spec?.inputs.find((i) => i.role === ROLE[kind]);
    const n = refs.filter((r) => r.kind === kind).length;
    if (roleSpec && n > roleSpec.max)
      throw new AppError(
        "validation_failed",
        `attachments: at most ${roleSpec.max} ${kind}s per message (got ${n})`,
        "attachments",
      );
  }
  const rows = await db().asset.findMany({ where: { id: { in: refs.map((r) => r.assetId) }, teamId: scope.teamId } });
  const byId = new Map(rows.map((a) => [a.id, a]));
  refs.forEach((r, i) => {
    const a = byId.get(r.assetId);
    const field = `attachments.${i}`;
    if (!a) throw new AppError("validation_failed", `attachments: asset ${r.assetId} does not exist`, field);
    if (a.kind !== r.kind)
      throw new AppError(
        "validation_failed",
        `attachments: asset ${r.assetId} is ${a.kind === "image" ? "an image" : `a ${a.kind}`}, not ${r.kind === "image" ? "an image" : "a video"}`,
        field,
      );
    if (!a.storageKey || (a.origin !== "upload" && a.archiveState !== "archived"))
      throw new AppError("validation_failed", `attachments: asset ${r.assetId} is not saved in the studio yet`, field);
    const roleSpec = spec?.inputs.find((s) => s.role === ROLE[r.kind]);
    const problems = roleSpec
      ? checkMedia(roleSpec, {
          mime: a.mime,
          size: a.size,
          width: a.width,
          height: a.height,
          durationSeconds: a.durationSeconds,
        })
      : [];
    if (problems.length)
      throw new AppError("validation_failed", `attachments: ${r.kind} ${i + 1}: ${problems.join("; ")}`, field);
  });
  return byId;
}

/**
 * What the upstream gets for a stored file. The DeepSeek doc takes a link or base64 for both images and
 * videos: images go inline (nothing to expose); videos go by signed public URL when the studio has one
 * (a long clip inline would be re-sent whole on every turn), inline otherwise.
 */
export class AttachmentResolver {
  private readonly cache = new Map<string, Promise<string>>();

  constructor(private readonly scope: Scope) {}

  url(ref: AttachmentRef): Promise<string> {
    let p = this.cache.get(ref.assetId);
    if (!p) {
      p = this.resolve(ref);
      this.cache.set(ref.assetId, p);
    }
    return p;
  }

  private async resolve(ref: AttachmentRef): Promise<string> {
    const a = await db().asset.findFirst({ where: { id: ref.assetId, teamId: this.scope.teamId } });
    if (!a?.storageKey)
      throw new AppError(
        "validation_failed",
        `attachments: asset ${ref.assetId} is no longer in the studio; edit that message to remove it`,
        "attachments",
      );
    if (ref.kind === "video" && canGiveFetchableUrl()) return fetchableAssetUrl(a);
    const bytes = await readBuffer(a.storageKey);
    return `data:${a.mime ?? "application/octet-stream"};base64,${bytes.toString("base64")}`;
  }
}
