import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { InputSpec } from "@/lib/catalog";
import { config } from "@/lib/config";
import type { Asset } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { pathForKey } from "@/lib/storage";

let secret: string | undefined;
/** From STUDIO_SIGNING_SECRET, else one made once and kept in the data folder (survives restarts). */
function signingSecret(): string {
  if (secret) return secret;
  const configured = config().STUDIO_SIGNING_SECRET;
  if (configured) return (secret = configured);
  const file = path.resolve(config().STUDIO_DATA_DIR, "signing-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
  }
  return (secret = readFileSync(file, "utf8").trim());
}

export function signAssetUrl(assetId: string, expiresAt: number): string {
  return createHmac("sha256", signingSecret()).update(`${assetId}.${expiresAt}`).digest("base64url");
}

export function verifyAssetSignature(assetId: string, exp: string | null, sig: string | null): boolean {
  const e = Number(exp);
  if (!sig || !Number.isFinite(e) || e * 1000 < Date.now()) return false;
  // Constant-time compare, so the signature cannot be guessed byte by byte from response times.
  const expected = Buffer.from(signAssetUrl(assetId, e));
  const given = Buffer.from(sig);
  return given.length === expected.length && timingSafeEqual(given, expected);
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
