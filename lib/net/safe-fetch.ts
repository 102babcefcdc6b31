import "server-only";
import { lookup } from "node:dns/promises";
import net from "node:net";
import { AppError } from "@/lib/errors";

/** Loopback, private, link-local, CGNAT, unique-local, multicast, unspecified: never fetched for a user's URL. */
export function isPrivateAddress(ip: string): boolean {
  if (net.isIPv4(ip)) {
    const [a, b] = ip.split(".").map(Number);
    return (
      a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 198 && (b === 18 || b === 19)) || a >= 224
    );
  }
  const v6 = ip.toLowerCase();
  if (v6 === "::" || v6 === "::1") return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(v6);
  if (mapped) return isPrivateAddress(mapped[1]);
  return /^(fc|fd|fe8|fe9|fea|feb|ff)/.test(v6);
}

export interface SafeFetchOptions {
  /** Origins allowed even though they are local (the configured TD address, e.g. the emulator). */
  allowOrigins?: string[];
  maxRedirects?: number;
  method?: "GET" | "HEAD";
  timeoutMs?: number;
  resolve?: (host: string) => Promise<string[]>;
}

async function defaultResolve(host: string): Promise<string[]> {
  const r = await lookup(host, { all: true, verbatim: true });
  return r.map((x) => x.address);
}

/** Reject a URL that is not http(s) or that resolves to an address we must not reach. */
export async function assertFetchable(raw: string, opts: SafeFetchOptions = {}): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError("validation_failed", `"${raw.slice(0, 100)}" is not a URL`, "url");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new AppError("validation_failed", "only http(s) URLs can be used", "url");
  if (url.username || url.password) throw new AppError("validation_failed", "URLs with credentials are not accepted", "url");
  if (opts.allowOrigins?.includes(url.origin)) return url;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const addresses = net.isIP(host) ? [host] : await (opts.resolve ?? defaultResolve)(host).catch(() => [] as string[]);
  if (!addresses.length) throw new AppError("validation_failed", `the host ${host} could not be resolved`, "url");
  if (addresses.some(isPrivateAddress)) throw new AppError("validation_failed", `the URL points to a private or local address (${host}); only public addresses can be fetched`, "url");
  return url;
}

/**
 * fetch() for user-supplied URLs: http(s) only, no private/loopback/link-local targets, and every redirect
 * re-checked (redirects are followed by hand).
 */
export async function safeFetch(raw: string, opts: SafeFetchOptions = {}): Promise<Response> {
  let current = raw;
  for (let hop = 0; hop <= (opts.maxRedirects ?? 5); hop++) {
    const url = await assertFetchable(current, opts);
    const res = await fetch(url, { method: opts.method ?? "GET", redirect: "manual", signal: AbortSignal.timeout(opts.timeoutMs ?? 60_000) });
    if (res.status >= 300 && res.status < 400 && res.headers.get("location")) {
      await res.body?.cancel();
      current = new URL(res.headers.get("location")!, url).toString();
      continue;
    }
    return res;
  }
  throw new AppError("validation_failed", "the URL redirects too many times", "url");
}
