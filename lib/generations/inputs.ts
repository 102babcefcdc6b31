import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { InputSpec } from "@/lib/catalog";
import { config } from "@/lib/config";
import { studioSecret } from "@/lib/config/secrets";
import type { Asset } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { pathForKey } from "@/lib/storage";

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

/** The reference the upstream gets for an input: inline base64 where accepted, else a public URL. */
export async function referenceFor(spec: InputSpec, input: { assetId?: string | null; url?: string | null }, asset?: Asset | null): Promise<string> {
  if (input.url) return input.url;
  if (!asset || !asset.storageKey) throw new AppError("validation_failed", `inputs: asset ${input.assetId} has no stored file yet`, "inputs");
  if (spec.transport.inline) {
    const bytes = await readFile(pathForKey(asset.storageKey));
    return `data:${asset.mime ?? "application/octet-stream"};base64,${bytes.toString("base64")}`;
  }
  return publicAssetUrl(asset.id);
}
