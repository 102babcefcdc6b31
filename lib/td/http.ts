import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { extractUpstreamError, TdError, type Family } from "./errors";
import type { TdCallObserver } from "./observe";

export interface TdClientOptions {
  baseUrl: string;
  apiKey: string;
  /** Per attempt. */
  timeoutMs?: number;
  /** Retries for reads (status polls, asset gets) on 429/5xx/network faults. Creates are never retried here. */
  readRetries?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  fetch?: typeof fetch;
  /** Called with every requestId sent, so the caller can keep them with its record. */
  onRequestId?: (requestId: string, path: string) => void;
  /** Told of every attempt when it ends (success or TdError): metrics hang here, lib/td imports none of them. */
  observe?: TdCallObserver;
}

export interface TdCall<S extends z.ZodType> {
  family: Family;
  method: "GET" | "POST" | "DELETE";
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  /** Response schema: tolerant of extra fields (zod objects strip unknown keys by default). */
  schema: S;
  /**
   * true for reads and for creates that carry an idempotency key (VOD SessionId):
   * these are retried on transient faults. A create without one is sent once.
   */
  retry: boolean;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Awaited with each attempt's requestId before it is sent, so the caller can record it first. */
  beforeSend?: (requestId: string) => Promise<void>;
}

export interface TdResult<T> {
  data: T;
  requestId: string;
  requestIds: string[];
  httpStatus: number;
}

/** The shared base of every family client: auth, X-Timestamp, requestId, timeouts, retries, checked JSON. */
export class TdHttp {
  readonly opts: Required<Omit<TdClientOptions, "onRequestId" | "fetch" | "observe">> &
    Pick<TdClientOptions, "onRequestId" | "fetch" | "observe">;

  constructor(opts: TdClientOptions) {
    this.opts = {
      timeoutMs: 60_000,
      readRetries: 4,
      retryBaseMs: 250,
      retryMaxMs: 8_000,
      ...opts,
      baseUrl: opts.baseUrl.replace(/\/+$/, ""),
    };
  }

  url(path: string, query: Record<string, string> = {}): { url: string; requestId: string } {
    const requestId = randomUUID();
    // The common case (a fixed path, no query) without a URL object: the chat gateway's time to first token counts it.
    if (SIMPLE_PATH.test(path) && !Object.keys(query).length)
      return { url: `${this.opts.baseUrl}${path}?requestId=${requestId}`, requestId };
    const u = new URL(this.opts.baseUrl + path);
    for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v);
    u.searchParams.set("requestId", requestId);
    return { url: u.toString(), requestId };
  }

  headers(extra: Record<string, string> = {}): Record<string, string> {
    return {
      Authorization: `Bearer ${this.opts.apiKey}`,
      "X-Timestamp": String(Math.floor(Date.now() / 1000)),
      "Content-Type": "application/json",
      ...extra,
    };
  }

  /** The longest a call can take, every attempt and backoff included: how long an unanswered create may still answer. */
  maxCallMs(c: { retry: boolean; timeoutMs?: number }): number {
    const attempts = c.retry ? this.opts.readRetries + 1 : 1;
    return attempts * (c.timeoutMs ?? this.opts.timeoutMs) + (attempts - 1) * this.opts.retryMaxMs;
  }

  async call<S extends z.ZodType>(c: TdCall<S>): Promise<TdResult<z.output<S>>> {
    const requestIds: string[] = [];
    const attempts = c.retry ? this.opts.readRetries + 1 : 1;
    let lastError: TdError | undefined;
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (attempt > 0) await sleep(backoff(attempt, this.opts.retryBaseMs, this.opts.retryMaxMs, lastError), c.signal);
      try {
        return await this.once(c, requestIds);
      } catch (e) {
        if (!(e instanceof TdError)) throw e;
        lastError = e;
        if (!e.retryable || c.signal?.aborted) throw e;
      }
    }
    throw lastError!;
  }

  /** Send one request and return the raw Response (for SSE streams). Non-2xx answers throw a TdError. */
  raw(c: Omit<TdCall<z.ZodType>, "schema" | "retry">): Promise<{ response: Response; requestId: string }> {
    return this.observed(c, () => this.rawOnce(c));
  }

  /** Runs one attempt and tells the observer how it ended. */
  private async observed<T>(c: { family: Family; method: string; path: string }, fn: () => Promise<T>): Promise<T> {
    const observe = this.opts.observe;
    if (!observe) return fn();
    const t0 = performance.now();
    const report = (error?: TdError) =>
      observe({ family: c.family, method: c.method, path: c.path, seconds: (performance.now() - t0) / 1000, error });
    try {
      const r = await fn();
      report();
      return r;
    } catch (e) {
      if (e instanceof TdError) report(e);
      throw e;
    }
  }

  private async rawOnce(
    c: Omit<TdCall<z.ZodType>, "schema" | "retry">,
  ): Promise<{ response: Response; requestId: string }> {
    const { url, requestId } = this.url(c.path, c.query);
    this.opts.onRequestId?.(requestId, c.path);
    let response: Response;
    try {
      response = await (this.opts.fetch ?? fetch)(url, {
        method: c.method,
        headers: this.headers(c.headers),
        body: c.body === undefined ? undefined : JSON.stringify(c.body),
        signal: c.signal,
      });
    } catch (e) {
      throw transportError(c.family, requestId, e, c.signal);
    }
    if (!response.ok) {
      const text = await response.text().catch(() => "");
      throw httpError(c.family, requestId, response.status, text);
    }
    return { response, requestId };
  }

  private async once<S extends z.ZodType>(c: TdCall<S>, requestIds: string[]): Promise<TdResult<z.output<S>>> {
    const { url, requestId } = this.url(c.path, c.query);
    requestIds.push(requestId);
    this.opts.onRequestId?.(requestId, c.path);
    await c.beforeSend?.(requestId);
    // Observed from here: the wait for the caller's limiter (beforeSend) is not TD's time.
    return this.observed(c, () => this.sendOnce(c, url, requestId, requestIds));
  }

  private async sendOnce<S extends z.ZodType>(
    c: TdCall<S>,
    url: string,
    requestId: string,
    requestIds: string[],
  ): Promise<TdResult<z.output<S>>> {
    const timeout = AbortSignal.timeout(c.timeoutMs ?? this.opts.timeoutMs);
    const signal = c.signal ? AbortSignal.any([c.signal, timeout]) : timeout;
    let status: number;
    let text: string;
    let retryAfter: string | null = null;
    try {
      const res = await (this.opts.fetch ?? fetch)(url, {
        method: c.method,
        headers: this.headers(c.headers),
        body: c.body === undefined ? undefined : JSON.stringify(c.body),
        signal,
      });
      status = res.status;
      retryAfter = res.headers.get("retry-after");
      text = await res.text();
    } catch (e) {
      throw transportError(c.family, requestId, e, c.signal);
    }
    if (status < 200 || status >= 300) throw httpError(c.family, requestId, status, text, retryAfter);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new TdError({
        family: c.family,
        kind: "malformed",
        httpStatus: status,
        code: "MalformedResponse",
        message: `TD answered HTTP ${status} with a body that is not JSON: ${text.slice(0, 120)}`,
        requestId,
      });
    }
    // Families that answer errors inside an HTTP 200 (VOD's Response.Error).
    const embedded = extractUpstreamError(json);
    if (embedded && (json as { Response?: unknown }).Response) {
      throw new TdError({
        family: c.family,
        kind: "upstream",
        httpStatus: status,
        code: embedded.code,
        message: embedded.message,
        requestId,
        upstreamRequestId: embedded.requestId,
      });
    }
    const parsed = c.schema.safeParse(json);
    if (!parsed.success) {
      const where = parsed.error.issues[0];
      throw new TdError({
        family: c.family,
        kind: "malformed",
        httpStatus: status,
        code: "UnexpectedResponse",
        message: `TD's answer did not have the documented shape (${where?.path.join(".") || "body"}: ${where?.message})`,
        requestId,
        retryable: false,
      });
    }
    return { data: parsed.data, requestId, requestIds: [...requestIds], httpStatus: status };
  }
}

function httpError(
  family: Family,
  requestId: string,
  status: number,
  text: string,
  retryAfter: string | null = null,
): TdError {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON: keep the text */
  }
  const e = extractUpstreamError(json);
  return new TdError({
    family,
    kind: "http",
    httpStatus: status,
    code: e?.code ?? `HTTP${status}`,
    message: e?.message || text.slice(0, 200) || `HTTP ${status}`,
    requestId,
    upstreamRequestId: e?.requestId,
    retryAfterMs: parseRetryAfter(retryAfter),
  });
}

/** `Retry-After`: delay in seconds or an HTTP date. */
export function parseRetryAfter(v: string | null): number | undefined {
  if (!v) return undefined;
  if (/^\d+$/.test(v.trim())) return Number(v.trim()) * 1000;
  const at = Date.parse(v);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}

/** A path that needs neither encoding nor normalising: segments of letters, digits, - and _, with inner dots. */
const SIMPLE_PATH = /^(?:\/[\w-]+(?:\.[\w-]+)*)+$/;

function transportError(family: Family, requestId: string, e: unknown, userSignal?: AbortSignal): TdError {
  if (userSignal?.aborted)
    return new TdError({ family, kind: "aborted", code: "Aborted", message: "The request was cancelled.", requestId });
  const name = (e as Error)?.name;
  if (name === "TimeoutError" || name === "AbortError") {
    return new TdError({ family, kind: "timeout", code: "Timeout", message: "TD did not answer in time.", requestId });
  }
  const cause = (e as { cause?: { code?: string; message?: string } })?.cause;
  return new TdError({
    family,
    kind: "network",
    code: cause?.code ?? "NetworkError",
    message: `Could not reach TD: ${cause?.message ?? (e as Error)?.message ?? String(e)}`,
    requestId,
  });
}

function backoff(attempt: number, base: number, max: number, last?: TdError): number {
  const cap = Math.min(max, base * 2 ** (attempt - 1));
  const floor = last?.httpStatus === 429 ? cap / 2 : 0;
  return floor + Math.random() * (cap - floor); // full jitter; 429 waits at least half the cap
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(t);
        resolve();
      },
      { once: true },
    );
  });
}

/** An absolute http(s) URL: what the docs call a public link (base64 and asset:// are other forms). */
export function isHttpUrl(url: string): boolean {
  if (!/^https?:\/\//i.test(url)) return false;
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}
