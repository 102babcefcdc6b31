import { randomBytes } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { randomFault } from "./faults";
import { FileStore } from "./files";
import { finishTime, TaskStore } from "./tasks";
import type { EmuFamily, EmuRequest, EmulatorOptions, Fault, LoggedRequest, Route } from "./types";

export interface Emulator {
  url: string;
  opts: EmulatorOptions;
  tasks: TaskStore;
  files: FileStore;
  log: LoggedRequest[];
  close(): Promise<void>;
}

export interface EmuContext {
  opts: EmulatorOptions;
  tasks: TaskStore;
  files: FileStore;
  /** The base URL put into output links. */
  publicUrl(): string;
  /** Answer JSON, unless a fault was set on this request (hang, drop, malformed body). */
  json(r: EmuRequest, status: number, body: unknown): void;
  /** Answer an error in the family's own format. */
  error(r: EmuRequest, status: number, code: string, message: string): void;
  /**
   * Apply a fault: 429/500 answer at once (nothing created, returns true);
   * hang/drop/malformed mark the request so that `json()` mangles the answer after the work is done.
   */
  fault(r: EmuRequest, fault: Fault | undefined): boolean;
  /** Time a task takes, from the options (queued share + running share). */
  timing(): { queuedMs: number; runMs: number };
}

export type FamilyModule = (ctx: EmuContext) => Route[];

export const DEFAULT_OPTIONS: EmulatorOptions = {
  port: 4010,
  host: "127.0.0.1",
  apiKey: "",
  taskSeconds: 6,
  outputTtlSeconds: 86_400,
  faultRate: 0,
  hangMs: 120_000,
  chatChunkMs: 30,
  chatFirstTokenMs: 250,
  secret: randomBytes(16).toString("hex"),
};

const faultOf = new WeakMap<EmuRequest, Fault>();

export function errorBody(family: EmuFamily, code: string, message: string, requestId: string): unknown {
  switch (family) {
    case "dashscope":
      return { code, message, request_id: requestId };
    case "vod":
      return { Response: { Error: { Code: code, Message: message }, RequestId: requestId } };
    case "ark":
      return { error: { code, message: `${message} Request ID: ${requestId}`, param: "", type: "BadRequest" } };
    default:
      return {
        error: {
          code,
          message,
          param: null,
          type: code === "AuthenticationError" ? "authentication_error" : "invalid_request_error",
        },
      };
  }
}

export async function startEmulator(partial: Partial<EmulatorOptions>, families: FamilyModule[]): Promise<Emulator> {
  // An option given as undefined (e.g. an unset environment variable) keeps its default.
  const given = Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined));
  const opts: EmulatorOptions = { ...DEFAULT_OPTIONS, ...given };
  const tasks = new TaskStore();
  const files = new FileStore(opts.secret);
  const log: LoggedRequest[] = [];
  let seq = 0;
  let boundUrl = "";
  const sockets = new Set<import("node:net").Socket>();

  const ctx: EmuContext = {
    opts,
    tasks,
    files,
    publicUrl: () => (opts.publicUrl ?? boundUrl).replace(/\/+$/, ""),
    json(r, status, body) {
      const fault = faultOf.get(r);
      if (fault) r.log.fault = fault;
      if (fault === "hang") {
        r.log.status = 0;
        const t = setTimeout(() => r.res.socket?.destroy(), opts.hangMs);
        r.res.on("close", () => clearTimeout(t));
        return;
      }
      if (fault === "drop") {
        r.log.status = 0;
        r.res.socket?.destroy();
        return;
      }
      r.log.status = status;
      const text = JSON.stringify(body);
      r.res.writeHead(status, { "Content-Type": "application/json; charset=utf-8" });
      r.res.end(fault === "malformed" ? text.slice(0, Math.max(1, Math.floor(text.length / 2))) : text);
    },
    error(r, status, code, message) {
      const rid = r.url.searchParams.get("requestId") ?? crypto.randomUUID();
      // A Tencent-style error is an HTTP 200 whose body carries Response.Error, except gateway faults.
      ctx.json(r, r.log.family === "vod" && status < 429 ? 200 : status, errorBody(r.log.family, code, message, rid));
    },
    fault(r, fault) {
      if (!fault) return false;
      if (fault === "429" || fault === "500") {
        r.log.fault = fault;
        const [code, msg] =
          fault === "429"
            ? [
                r.log.family === "vod"
                  ? "RequestLimitExceeded"
                  : r.log.family === "dashscope"
                    ? "Throttling.RateQuota"
                    : "RateLimitExceeded.EndpointRPM",
                "Requests rate limit exceeded, please try again later.",
              ]
            : [
                r.log.family === "ark" ? "InternalServiceError" : "InternalError",
                "The service encountered an unexpected internal error. Please retry later.",
              ];
        const rid = r.url.searchParams.get("requestId") ?? crypto.randomUUID();
        r.log.status = Number(fault);
        r.res.writeHead(Number(fault), { "Content-Type": "application/json" });
        r.res.end(JSON.stringify(errorBody(r.log.family, code, msg, rid)));
        return true;
      }
      faultOf.set(r, fault);
      return false;
    },
    timing() {
      const total = Math.max(0.05, opts.taskSeconds) * 1000;
      return { queuedMs: Math.round(total * 0.25), runMs: Math.round(total * 0.75) };
    },
  };

  const routes: Route[] = [...families.flatMap((f) => f(ctx)), ...adminRoutes(ctx, log)];

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://emulator.local");
    if (url.pathname.startsWith("/files/") && (req.method === "GET" || req.method === "HEAD")) {
      const status = files.serve(req, res, url);
      // taskId carries the output file id, so tests can count downloads per file.
      const fileId = /^\/files\/([^/.]+)/.exec(url.pathname)?.[1];
      log.push({
        seq: ++seq,
        at: Date.now(),
        method: req.method!,
        path: url.pathname,
        family: "files",
        op: "download",
        taskId: fileId,
        status,
      });
      return;
    }
    let params: Record<string, string> = {};
    const route = routes.find((rt) => {
      if (rt.method !== req.method) return false;
      const m = rt.pattern.exec(url.pathname);
      if (m) params = m.groups ?? {};
      return !!m;
    });
    const entry: LoggedRequest = {
      seq: ++seq,
      at: Date.now(),
      method: req.method ?? "GET",
      path: url.pathname + (url.search ? url.search : ""),
      family: route?.family ?? "admin",
      requestId: url.searchParams.get("requestId") ?? undefined,
    };
    if (route?.family !== "admin") log.push(entry);
    if (log.length > 50_000) log.splice(0, 10_000);
    const raw = await readBody(req);
    const r: EmuRequest = { req, res, url, params, body: undefined, log: entry };
    if (!route) {
      entry.status = 404;
      res.writeHead(404, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ error: { code: "NotFound", message: `No such path: ${req.method} ${url.pathname}` } }));
      return;
    }
    try {
      if (route.auth) {
        const auth = req.headers.authorization ?? "";
        const key = /^Bearer\s+(\S+)$/.exec(auth)?.[1];
        if (!key || (opts.apiKey && key !== opts.apiKey)) {
          const code =
            route.family === "dashscope"
              ? "InvalidApiKey"
              : route.family === "vod"
                ? "AuthFailure.InvalidSecretId"
                : "AuthenticationError";
          return ctx.error(
            r,
            401,
            code,
            key ? "The API key is invalid." : "No API key was provided (Authorization: Bearer <key>).",
          );
        }
        const ts = req.headers["x-timestamp"];
        if (typeof ts !== "string" || !/^\d{9,11}$/.test(ts)) {
          const code =
            route.family === "vod"
              ? "MissingParameter"
              : route.family === "dashscope"
                ? "InvalidParameter"
                : "MissingParameter";
          return ctx.error(r, 400, code, "X-Timestamp header is required: Unix time in seconds.");
        }
        // Random transport faults on every API call.
        if (ctx.fault(r, randomFault(opts.faultRate))) return;
      }
      if (raw.length) {
        try {
          r.body = JSON.parse(raw.toString("utf8"));
        } catch {
          return ctx.error(
            r,
            400,
            route.family === "vod" ? "InvalidParameter" : "InvalidParameter",
            "The request body is not valid JSON.",
          );
        }
      }
      await route.handler(r);
    } catch (e) {
      if (!res.headersSent) ctx.error(r, 500, "InternalError", `Emulator error: ${(e as Error).message}`);
      if (!opts.quiet) console.error("[emulator]", e);
    }
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  server.keepAliveTimeout = 65_000;
  server.requestTimeout = 0;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const addr = server.address() as AddressInfo;
  boundUrl = `http://${opts.host}:${addr.port}`;

  return {
    url: boundUrl,
    opts,
    tasks,
    files,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify(body));
}

/** Test-only controls under /__emulator: the request log, counters and live settings. Product code never calls these. */
function adminRoutes(ctx: EmuContext, log: LoggedRequest[]): Route[] {
  const admin = (method: string, pattern: RegExp, handler: Route["handler"]): Route => ({
    method,
    pattern,
    family: "admin",
    auth: false,
    handler,
  });
  return [
    admin("GET", /^\/__emulator\/health$/, ({ res }) => send(res, 200, { ok: true })),
    admin("GET", /^\/__emulator\/requests$/, ({ res, url }) => {
      const since = Number(url.searchParams.get("since") ?? 0);
      send(res, 200, { requests: log.filter((l) => l.seq > since) });
    }),
    // Every task with its upstream finish time (createdAt + queued + running), for latency benchmarks.
    admin("GET", /^\/__emulator\/tasks$/, ({ res }) => {
      send(res, 200, {
        tasks: ctx.tasks.all().map((t) => ({
          id: t.id,
          model: t.model,
          createdAt: t.createdAt,
          finishedAt: t.canceledAt ?? finishTime(t),
        })),
      });
    }),
    admin("DELETE", /^\/__emulator\/requests$/, ({ res }) => {
      log.length = 0;
      send(res, 200, { ok: true });
    }),
    admin("GET", /^\/__emulator\/stats$/, ({ res }) => {
      const byModel: Record<string, number> = {};
      for (const t of ctx.tasks.all()) byModel[t.model] = (byModel[t.model] ?? 0) + 1;
      send(res, 200, {
        creates: ctx.tasks.creates,
        tasksByModel: byModel,
        options: { ...ctx.opts, secret: undefined },
      });
    }),
    admin("POST", /^\/__emulator\/config$/, ({ res, body }) => {
      const b = (body ?? {}) as Partial<EmulatorOptions>;
      for (const k of [
        "faultRate",
        "taskSeconds",
        "outputTtlSeconds",
        "hangMs",
        "chatChunkMs",
        "chatFirstTokenMs",
      ] as const) {
        if (typeof b[k] === "number") ctx.opts[k] = b[k];
      }
      send(res, 200, { ok: true });
    }),
    admin("POST", /^\/__emulator\/reset$/, ({ res }) => {
      ctx.tasks.clear();
      log.length = 0;
      send(res, 200, { ok: true });
    }),
  ];
}
