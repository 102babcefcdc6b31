import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import pino, { type Logger } from "pino";

// One logger per process: JSON lines on stdout (what a log shipper reads), or one readable line per entry
// while developing. Every entry written while a request is being answered carries its request id (`reqId`),
// taken from the request's `x-request-id` (a load balancer's) or made here, and echoed in the answer.

type RequestContext = { reqId: string };

const g = globalThis as unknown as { __studioLog?: Logger; __studioRequests?: AsyncLocalStorage<RequestContext> };
const requests = (g.__studioRequests ??= new AsyncLocalStorage<RequestContext>());

const LEVELS: Record<number, string> = { 10: "trace", 20: "debug", 30: "info", 40: "warn", 50: "error", 60: "fatal" };

/** `STUDIO_LOG_FORMAT=pretty` (the default outside production): `12:00:01 ERROR [api] message key=value`. */
function prettyLine(line: string): string {
  try {
    const { time, level, msg, component, pid: _pid, hostname: _host, err, ...rest } = JSON.parse(line);
    void _pid;
    void _host;
    const when = new Date(time).toISOString().slice(11, 19);
    const extra = Object.entries(rest)
      .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
      .join(" ");
    const stack = err?.stack ? `\n${err.stack}` : err?.message ? ` err=${err.message}` : "";
    return `${when} ${(LEVELS[level] ?? level).toUpperCase()} ${component ? `[${component}] ` : ""}${msg ?? ""}${extra ? ` ${extra}` : ""}${stack}\n`;
  } catch {
    return line;
  }
}

function build(): Logger {
  const format = process.env.STUDIO_LOG_FORMAT || (process.env.NODE_ENV === "production" ? "json" : "pretty");
  // Through process.stdout (not pino's own fd writer), so a test can read what was written.
  const out = { write: (s: string) => void process.stdout.write(format === "pretty" ? prettyLine(s) : s) };
  return pino(
    {
      level: process.env.STUDIO_LOG_LEVEL || "info",
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin: () => {
        const ctx = requests.getStore();
        return ctx ? { reqId: ctx.reqId } : {};
      },
      // Secrets never reach a log line, whoever passes them in.
      redact: { paths: ["authorization", "*.authorization", "apiKey", "*.apiKey", "token", "*.token"], remove: true },
    },
    out,
  );
}

/** The process logger, or a child naming its component (`log("engine").error({ err }, "poll failed")`). */
const children = new Map<string, Logger>();

export function log(component?: string): Logger {
  const root = (g.__studioLog ??= build());
  if (!component) return root;
  let child = children.get(component);
  if (!child) children.set(component, (child = root.child({ component })));
  return child;
}

const REQUEST_ID = /^[\w.:@-]{1,128}$/;

/** The request's id: the caller's `x-request-id` when it is a sane token, otherwise a new one. */
export function requestIdOf(headers: Headers): string {
  const given = headers.get("x-request-id");
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}

/** Run `fn` with `reqId` on every log entry written inside it, however deep. */
export function withRequestId<T>(reqId: string, fn: () => T): T {
  return requests.run({ reqId }, fn);
}

export function currentRequestId(): string | undefined {
  return requests.getStore()?.reqId;
}
