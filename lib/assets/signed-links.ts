import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { config } from "@/lib/config";
import { studioSecret } from "@/lib/config/secrets";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { storage } from "@/lib/storage";

// Signed, expiring links to a stored file: how TD fetches an input that only travels by public URL.

/** From STUDIO_SIGNING_SECRET, else one made once and kept in the data folder (survives restarts). */
const signingSecret = () => studioSecret("signing-secret", config().STUDIO_SIGNING_SECRET);

export function signAssetUrl(assetId: string, expiresAt: number): string {
  return createHmac("sha256", signingSecret()).update(`${assetId}.${expiresAt}`).digest("base64url");
}

export function verifyAssetSignature(assetId: string, exp: string | null, sig: string | null): boolean {
  const e = Number(exp);
  if (!sig || !Number.isFinite(e) || e * 1000 < Date.now()) return false;
  const want = Buffer.from(signAssetUrl(assetId, e));
  const got = Buffer.from(sig);
  // Constant time: the comparison must not tell an attacker how many leading characters were right.
  return got.length === want.length && timingSafeEqual(got, want);
}

/** A public, signed, expiring URL for an asset, or an error that says how to configure one. */
export function publicAssetUrl(assetId: string, ttlSeconds = 48 * 3600): string {
  const base = config().PUBLIC_BASE_URL;
  if (!base) {
    throw new AppError(
      "public_url_required",
      "This model only accepts files by public URL, and the studio has no public address. Set PUBLIC_BASE_URL to the address where TD can reach this studio (e.g. https://studio.example.com), or paste a public URL of the file instead.",
      "inputs",
    );
  }
  const exp = Math.floor(Date.now() / 1000) + ttlSeconds;
  return `${base.replace(/\/+$/, "")}/api/v1/assets/${assetId}/file?exp=${exp}&sig=${signAssetUrl(assetId, exp)}`;
}

/** Inputs TD fetches by URL are presigned bucket URLs: an S3 STORAGE_URL with STORAGE_PRESIGN_INPUTS on. */
function presignsInputs(): boolean {
  const c = config();
  return c.STORAGE_URL.kind === "s3" && c.STORAGE_PRESIGN_INPUTS;
}

/** Whether the studio can hand TD a URL to fetch a stored file from (its bucket, or its own public address). */
export function canGiveFetchableUrl(): boolean {
  return presignsInputs() || !!config().PUBLIC_BASE_URL;
}

/**
 * A URL TD can fetch the asset's file from: a short-lived presigned URL of the bucket when the studio presigns
 * inputs (no PUBLIC_BASE_URL needed), else the studio's own signed link.
 */
export async function fetchableAssetUrl(
  asset: { id: string; storageKey: string | null; mime: string | null },
  ttlSeconds = 48 * 3600,
): Promise<string> {
  if (presignsInputs() && asset.storageKey) {
    const url = await storage().presignedUrl(asset.storageKey, ttlSeconds, {
      endpoint: config().STORAGE_PUBLIC_ENDPOINT,
      contentType: asset.mime ?? undefined,
    });
    if (url) return url;
  }
  return publicAssetUrl(asset.id, ttlSeconds);
}

/** The asset a signed link names, whoever asks (TD fetching an input): the signature is the access. */
export async function assetForSignedLink(assetId: string, exp: string | null, sig: string | null) {
  if (!verifyAssetSignature(assetId, exp, sig))
    throw new AppError("not_found", "this link has expired or is not valid");
  const a = await db().asset.findUnique({ where: { id: assetId } });
  if (!a) throw new AppError("not_found", `asset ${assetId} does not exist`);
  return a;
}
