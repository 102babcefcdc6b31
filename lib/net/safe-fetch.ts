import "server-only";
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { Readable } from "node:stream";
import { AppError } from "@/lib/errors";
import { isPrivateAddress } from "./ip-address";

export { isPrivateAddress, isPublicAddress } from "./ip-address";

/** The one answer for every refused address or host: it must not tell which internal address a name points to. */
export const REFUSED_MESSAGE = "this address can't be fetched";
const refused = () => new AppError("validation_failed", REFUSED_MESSAGE, "url");
const unresolvable = () => new AppError("validation_failed", "the host of this URL could not be resolved", "url");

export type Resolver = (host: string) => Promise<string[]>;

export interface SafeFetchOptions {
  /** Origins (scheme, host and port) fetched even though they are local: TD's address (the emulator), the operator's list. */
  allowOrigins?: string[];
  maxRedirects?: number;
  method?: "GET" | "HEAD";
  /** For the whole exchange: every hop, and the body. */
  timeoutMs?: number;
  /** Extra request headers, e.g. Range. Across origins only Range follows a redirect. */
  headers?: Record<string, string>;
  /** DNS, for the check and for the connection (tests pass a fake one). */
  resolve?: Resolver;
}

async function defaultResolve(host: string): Promise<string[]> {
  const r = await dns.promises.lookup(host, { all: true, verbatim: true });
  return r.map((x) => x.address);
}

/** Resolve a host name and refuse it unless every address it has is public. */
async function resolvePublic(host: string, resolve: Resolver): Promise<string[]> {
  const addresses = await resolve(host).catch(() => [] as string[]);
  if (!addresses.length) throw unresolvable();
  if (addresses.some(isPrivateAddress)) throw refused();
  return addresses;
}

function originsOf(list: string[] = []): Set<string> {
  const out = new Set<string>();
  for (const o of list) {
    try {
      out.add(new URL(o).origin);
    } catch {
      // A malformed entry allows nothing.
    }
  }
  return out;
}

const bare = (hostname: string) => hostname.replace(/^\[|\]$/g, "");

/** Reject a URL that is not http(s), carries credentials, or names or resolves to an address we must not reach. */
export async function assertFetchable(raw: string, opts: SafeFetchOptions = {}): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError("validation_failed", `"${raw.slice(0, 100)}" is not a URL`, "url");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new AppError("validation_failed", "only http(s) URLs can be used", "url");
  if (url.username || url.password)
    throw new AppError("validation_failed", "URLs with credentials are not accepted", "url");
  if (originsOf(opts.allowOrigins).has(url.origin)) return url;
  // The WHATWG parser has already turned 2130706433, 0177.0.0.1 and 0x7f.1 into 127.0.0.1.
  const host = bare(url.hostname);
  if (net.isIP(host)) {
    if (isPrivateAddress(host)) throw refused();
  } else {
    await resolvePublic(host, opts.resolve ?? defaultResolve);
  }
  return url;
}

/**
 * The socket's own lookup: resolves again at connect time and validates every answer, so a name that
 * passed the check and then rebinds to 127.0.0.1 is refused, and the socket dials only a checked address.
 */
export function guardedLookup(resolve: Resolver = defaultResolve): net.LookupFunction {
  return (hostname, options, callback) => {
    resolvePublic(hostname, resolve).then(
      (addresses) => {
        const all = addresses.map((address) => ({ address, family: net.isIP(address) }));
        const wanted =
          options.family === 4 || options.family === 6 ? all.filter((a) => a.family === options.family) : all;
        if (!wanted.length) return callback(unresolvable(), "", 0);
        if (options.all) callback(null, wanted);
        else callback(null, wanted[0].address, wanted[0].family);
      },
      (err: AppError) => callback(err, "", 0),
    );
  };
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function send(
  url: URL,
  method: string,
  headers: Record<string, string>,
  signal: AbortSignal,
  lookup?: net.LookupFunction,
) {
  const client = url.protocol === "https:" ? https : http;
  return new Promise<http.IncomingMessage>((resolve, reject) => {
    // hostname (not the address) goes to the request, so Host, TLS SNI and certificate checks use the name.
    const req = client.request(
      {
        protocol: url.protocol,
        hostname: bare(url.hostname),
        port: url.port || undefined,
        path: url.pathname + url.search,
        method,
        // fetch() decoded gzip for us; http does not, so ask for the bytes as they are.
        headers: { "accept-encoding": "identity", ...headers },
        agent: false,
        lookup,
        signal,
      },
      resolve,
    );
    req.on("error", reject);
    req.end();
  });
}

function toResponse(res: http.IncomingMessage, method: string): Response {
  const status = res.statusCode ?? 0;
  if (status < 200 || status > 599) {
    res.destroy();
    throw new AppError("validation_failed", `the URL answered an invalid HTTP status ${status}`, "url");
  }
  const headers = new Headers();
  for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) headers.append(res.rawHeaders[i], res.rawHeaders[i + 1]);
  const empty = method === "HEAD" || status === 204 || status === 205 || status === 304;
  if (empty) res.resume();
  const body = empty ? null : (Readable.toWeb(res) as unknown as ReadableStream<Uint8Array>);
  return new Response(body, { status, statusText: res.statusMessage, headers });
}

function networkError(e: unknown, signal: AbortSignal): AppError {
  if (e instanceof AppError) return e;
  if (signal.aborted) return new AppError("validation_failed", "the URL did not answer in time", "url");
  return new AppError("validation_failed", "the URL could not be reached", "url");
}

/**
 * fetch() for URLs the studio did not write: http(s) only, no private/loopback/link-local targets (checked
 * before the request and again at connect time), every redirect followed by hand and re-checked.
 */
export async function safeFetch(raw: string, opts: SafeFetchOptions = {}): Promise<Response> {
  const method = opts.method ?? "GET";
  const maxRedirects = opts.maxRedirects ?? 5;
  const allowed = originsOf(opts.allowOrigins);
  const signal = AbortSignal.timeout(opts.timeoutMs ?? 60_000);
  let headers = opts.headers ?? {};
  let url = await assertFetchable(raw, opts);
  for (let hop = 0; ; hop++) {
    const lookup = allowed.has(url.origin) ? undefined : guardedLookup(opts.resolve);
    const res = await send(url, method, headers, signal, lookup).catch((e: unknown) => {
      throw networkError(e, signal);
    });
    const location = res.headers.location;
    if (!REDIRECTS.has(res.statusCode ?? 0) || !location) return toResponse(res, method);
    res.destroy();
    if (hop >= maxRedirects) throw new AppError("validation_failed", "the URL redirects too many times", "url");
    let next: URL;
    try {
      next = new URL(location, url);
    } catch {
      throw new AppError("validation_failed", "the URL redirects to something that is not a URL", "url");
    }
    if (next.origin !== url.origin)
      headers = Object.fromEntries(Object.entries(headers).filter(([k]) => k.toLowerCase() === "range"));
    url = await assertFetchable(next.href, opts);
  }
}
