import "server-only";
import type { NextRequest } from "next/server";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The studio's own origin as the browser sees it (Host / X-Forwarded-*), plus PUBLIC_BASE_URL's. */
function ownOrigins(req: NextRequest): Set<string> {
  const out = new Set<string>();
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  const proto = (req.headers.get("x-forwarded-proto") ?? req.nextUrl.protocol.replace(":", "")).split(",")[0].trim();
  if (host) out.add(`${proto}://${host.split(",")[0].trim()}`);
  const pub = config().PUBLIC_BASE_URL;
  if (pub) out.add(new URL(pub).origin);
  return out;
}

/**
 * Cross-site request forgery: a state-changing request that a browser could send with our cookie must
 * come from our own pages. Browsers always send `Origin` (and `Sec-Fetch-Site`) on such requests;
 * scripts with a bearer token are not subject to this (a token is never sent by a browser on its own).
 */
export function assertSameOrigin(req: NextRequest): void {
  if (SAFE_METHODS.has(req.method)) return;
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none")
    throw new AppError("forbidden", "Cross-site requests are not accepted.", undefined, { reason: "cross_site" });
  const origin = req.headers.get("origin");
  if (origin && !ownOrigins(req).has(origin))
    throw new AppError("forbidden", "Requests from another origin are not accepted.", undefined, {
      reason: "cross_origin",
    });
}

export function isStateChanging(req: NextRequest): boolean {
  return !SAFE_METHODS.has(req.method);
}

/** 413 before a byte is read when `Content-Length` already says too much. */
export function assertContentLength(req: NextRequest, limit: number): void {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
}

export function tooLarge(limit: number): AppError {
  return new AppError(
    "payload_too_large",
    `The request body is larger than this endpoint's limit of ${formatBytes(limit)}.`,
    undefined,
    { limit },
  );
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round((n / 1024 / 1024) * 10) / 10} MB` : `${Math.round(n / 1024)} kB`;
}

/** Read the body as text, at most `limit` bytes (a stream that claims less and sends more is cut off). */
export async function readBodyText(req: NextRequest, limit: number): Promise<string> {
  assertContentLength(req, limit);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** JSON routes accept `application/json` only: a `text/plain` form post from another site is refused. */
export function assertJsonContentType(req: NextRequest): void {
  const type = (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json") {
    throw new AppError(
      "unsupported_media_type",
      `This endpoint takes a JSON body: send it with Content-Type: application/json${type ? ` (got ${type})` : ""}.`,
    );
  }
}

export function jsonBodyLimit(): number {
  return config().STUDIO_JSON_BODY_LIMIT;
}
