import "server-only";
import type { Scope } from "@/lib/auth/scope";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { getModeSpec } from "@/lib/catalog";
import { checkMedia } from "@/lib/catalog/validate";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { fetchableAssetUrl } from "@/lib/assets/signed-links";
import { td, TdError } from "@/lib/td";
import { ARK_ASSET_TYPES } from "@/lib/td/ark";
import type { SeedanceAsset } from "@/lib/generated/prisma/client";

// The Seedance private asset library: trusted material registered into the configured group,
// Processing → Active | Failed, then used in a generation as asset://<Id>. The status is checked here,
// on read and throttled, so browsers only ever read the studio's rows.

/** How often a Processing asset is asked about upstream, at most. */
const CHECK_EVERY_MS = 1500;
/** A studio file's public link must outlive the upstream preprocessing. */
const SOURCE_LINK_TTL_S = 7 * 24 * 3600;
/** The emulated library accepts any group: demo mode names one so the panel works without configuration. */
const DEMO_GROUP = "group-demo-emulated";

export const registerSeedanceAssetRequest = z
  .object({
    name: z.string().trim().max(64, "name must be at most 64 characters").optional(),
    /** A public http(s) URL TD can fetch… */
    url: z.url({ protocol: /^https?$/ }).optional(),
    /** …or a file already in the studio (sent by the studio's public address). */
    assetId: z.string().min(1).optional(),
    /** Required with `url`; with `assetId` it follows the file's kind. */
    assetType: z.enum(ARK_ASSET_TYPES).optional(),
  })
  .refine((b) => !!b.url !== !!b.assetId, "give exactly one of url or assetId")
  .refine((b) => !b.url || !!b.assetType, {
    message: "assetType (Image, Video or Audio) is required with a url",
    path: ["assetType"],
  });
export type RegisterSeedanceAssetRequest = z.infer<typeof registerSeedanceAssetRequest>;

/** The group assets go into, or undefined when none is configured (outside demo mode). */
export function seedanceGroup(): { groupId: string; demo: boolean } | undefined {
  const c = config();
  if (c.SEEDANCE_ASSET_GROUP_ID) return { groupId: c.SEEDANCE_ASSET_GROUP_ID, demo: false };
  return c.STUDIO_DEMO_MODE ? { groupId: DEMO_GROUP, demo: true } : undefined;
}

export const GROUP_MISSING =
  "No Seedance asset group is configured. Create a group in the Volcengine Ark console (asset library), then set SEEDANCE_ASSET_GROUP_ID=<its id> in the studio's environment and restart it.";

const KIND_TO_TYPE = { image: "Image", video: "Video", audio: "Audio" } as const;
const TYPE_TO_ROLE = { Image: "reference_image", Video: "reference_video", Audio: "reference_audio" } as const;

export function seedanceAssetView(a: SeedanceAsset) {
  return {
    id: a.id,
    name: a.name,
    assetType: a.assetType,
    status: a.status,
    ...(a.upstreamId ? { upstreamId: a.upstreamId } : {}),
    ...(a.status === "Active" && a.upstreamId ? { assetUri: `asset://${a.upstreamId}` } : {}),
    ...(a.error ? { error: a.error } : {}),
    groupId: a.groupId,
    ...(a.sourceUrl ? { sourceUrl: a.sourceUrl } : {}),
    ...(a.studioAssetId
      ? { studioAssetId: a.studioAssetId, previewUrl: `/api/v1/assets/${a.studioAssetId}/file` }
      : {}),
    requestIds: JSON.parse(a.requestIds || "[]") as string[],
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}
export type SeedanceAssetView = ReturnType<typeof seedanceAssetView>;

/** Register a file into the group. The row is written before the upstream call; a refusal is kept as Failed with its reason. */
export async function registerSeedanceAsset(
  scope: Scope,
  req: RegisterSeedanceAssetRequest,
): Promise<SeedanceAssetView> {
  const group = seedanceGroup();
  if (!group) throw new AppError("validation_failed", GROUP_MISSING, "groupId");
  let url = req.url;
  let assetType = req.assetType;
  let name = req.name;
  if (req.assetId) {
    const asset = await db().asset.findFirst({ where: { id: req.assetId, teamId: scope.teamId } });
    if (!asset || !asset.storageKey)
      throw new AppError("validation_failed", `asset ${req.assetId} does not exist in the studio`, "assetId");
    assetType = KIND_TO_TYPE[asset.kind as keyof typeof KIND_TO_TYPE];
    if (!assetType)
      throw new AppError("validation_failed", `asset ${asset.id} is not an image, video or audio`, "assetId");
    // The library takes the same files as a Seedance reference: check them now, before TD is asked.
    const roleSpec = getModeSpec("T0101007", "multimodal-reference")?.inputs.find(
      (i) => i.role === TYPE_TO_ROLE[assetType!],
    );
    const problems = roleSpec ? checkMedia(roleSpec, asset) : [];
    if (problems.length)
      throw new AppError("validation_failed", `${assetType.toLowerCase()}: ${problems.join("; ")}`, "assetId");
    url = await fetchableAssetUrl(asset, SOURCE_LINK_TTL_S);
    name ??= `${assetType.toLowerCase()}-${asset.id.slice(0, 8)}`;
  }
  name ||= new URL(url!).pathname.split("/").pop()?.slice(0, 64) || "asset";
  const id = randomUUID();
  await db().seedanceAsset.create({
    data: {
      id,
      teamId: scope.teamId,
      createdById: scope.userId,
      groupId: group.groupId,
      name,
      assetType: assetType!,
      sourceUrl: req.url ?? null,
      studioAssetId: req.assetId ?? null,
      status: "Processing",
    },
  });
  try {
    const r = await td().ark.createAsset({ GroupId: group.groupId, URL: url!, Name: name, AssetType: assetType! });
    await db().seedanceAsset.update({
      where: { id },
      data: {
        upstreamId: r.data.Id,
        requestIds: JSON.stringify(r.requestIds),
        nextCheckAt: new Date(Date.now() + CHECK_EVERY_MS),
      },
    });
  } catch (e) {
    const message =
      e instanceof TdError
        ? `${e.code}: ${e.upstreamMessage}`
        : `The studio could not reach TD: ${(e as Error).message}`;
    await db().seedanceAsset.update({
      where: { id },
      data: { status: "Failed", error: message, requestIds: JSON.stringify(e instanceof TdError ? [e.requestId] : []) },
    });
  }
  return seedanceAssetView(await db().seedanceAsset.findUniqueOrThrow({ where: { id } }));
}

/** Ask TD about one Processing asset, unless someone else just did (compare-and-set on nextCheckAt). */
async function refresh(a: SeedanceAsset): Promise<void> {
  if (a.status !== "Processing" || !a.upstreamId) return;
  const now = new Date();
  if (a.nextCheckAt && a.nextCheckAt > now) return;
  const claimed = await db().seedanceAsset.updateMany({
    where: { id: a.id, status: "Processing", nextCheckAt: a.nextCheckAt },
    data: { nextCheckAt: new Date(now.getTime() + CHECK_EVERY_MS) },
  });
  if (claimed.count === 0) return;
  const ids = JSON.parse(a.requestIds || "[]") as string[];
  try {
    const r = await td().ark.getAsset(a.upstreamId);
    const got = r.data;
    await db().seedanceAsset.update({
      where: { id: a.id },
      data: {
        status: got.Status,
        upstreamUrl: got.URL ?? null,
        error:
          got.Status === "Failed"
            ? [got.Error?.Code, got.Error?.Message].filter(Boolean).join(": ") || "TD could not process this file."
            : null,
        requestIds: JSON.stringify([...ids, ...r.requestIds].slice(-20)),
      },
    });
  } catch (e) {
    // A failed check is not a failed asset: it is asked again on the next read.
    if (e instanceof TdError && e.httpStatus === 404) {
      await db().seedanceAsset.update({
        where: { id: a.id },
        data: { status: "Failed", error: `${e.code}: ${e.upstreamMessage}` },
      });
    }
  }
}

export async function listSeedanceAssets(scope: Scope, opts: { status?: string } = {}): Promise<SeedanceAssetView[]> {
  const processing = await db().seedanceAsset.findMany({ where: { teamId: scope.teamId, status: "Processing" } });
  await Promise.all(processing.map(refresh));
  const rows = await db().seedanceAsset.findMany({
    where: { teamId: scope.teamId, ...(opts.status ? { status: opts.status } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
  });
  return rows.map(seedanceAssetView);
}

export async function getSeedanceAsset(scope: Scope, id: string): Promise<SeedanceAssetView> {
  const row = await db().seedanceAsset.findFirst({ where: { id, teamId: scope.teamId } });
  if (!row) throw new AppError("not_found", `Seedance asset ${id} does not exist`);
  await refresh(row);
  return seedanceAssetView(await db().seedanceAsset.findUniqueOrThrow({ where: { id } }));
}

/** For a generation input `asset://<Id>`: the library row, refreshed, when the studio registered it. */
export async function libraryAssetByUpstreamId(scope: Scope, upstreamId: string): Promise<SeedanceAsset | undefined> {
  const row = await db().seedanceAsset.findFirst({ where: { teamId: scope.teamId, upstreamId } });
  if (!row) return undefined;
  await refresh(row);
  return (await db().seedanceAsset.findUnique({ where: { id: row.id } })) ?? undefined;
}
