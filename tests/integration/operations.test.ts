import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startEmulator, type Emulator } from "@/emulator";
import { freshStudioEnv, TEST_SCOPE } from "../../scripts/harness/studio-env";
import { loadStudio, until } from "./helpers";

// Operations through the real route handlers, the real engine and the emulator: liveness, readiness (and its 503
// naming the part that fails), the token-protected Prometheus endpoint after real generations, request ids in the
// answer's header and in the JSON log line of an unexpected error.

const METRICS_TOKEN = "ops-test-metrics-token-0123";
type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const ctx = { params: Promise.resolve({}) };
const get = (path: string, headers: Record<string, string> = {}) =>
  new NextRequest(new URL(path, "http://studio.test"), { headers });

let emu: Emulator;
let studio: Awaited<ReturnType<typeof loadStudio>>;
let health: Handler;
let ready: Handler;
let metricsGet: Handler;

beforeAll(async () => {
  emu = await startEmulator({ port: 0, apiKey: "k", taskSeconds: 0.3, quiet: true });
  freshStudioEnv(emu.url, "k", { STUDIO_METRICS_TOKEN: METRICS_TOKEN, STUDIO_LOG_FORMAT: "json" });
  studio = await loadStudio();
  health = (await import("@/app/api/health/route")).GET as Handler;
  ready = (await import("@/app/api/health/ready/route")).GET as Handler;
  metricsGet = (await import("@/app/api/metrics/route")).GET as Handler;
});

afterAll(async () => {
  const { startEngine } = await import("@/lib/generations/engine");
  startEngine().stop();
  await emu.close().catch(() => undefined);
});

/** One sample's value from Prometheus text, or undefined when the series is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split("\n")) {
    if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) continue;
    const m = /^([^{ ]+)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return undefined;
}

async function scrape(): Promise<string> {
  const res = await metricsGet(get("/api/metrics", { Authorization: `Bearer ${METRICS_TOKEN}` }), ctx);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
  return res.text();
}

describe("operations: health, readiness, metrics, request ids", () => {
  it("GET /api/health answers ok and echoes the caller's x-request-id (or makes one)", async () => {
    const given = await health(get("/api/health", { "x-request-id": "lb-7f3a.42" }), ctx);
    expect(given.status).toBe(200);
    expect(await given.json()).toEqual({ status: "ok" });
    expect(given.headers.get("x-request-id")).toBe("lb-7f3a.42");
    const made = await health(get("/api/health"), ctx);
    expect(made.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    // Not a sane token (spaces, too long): replaced, never echoed into a header or a log line.
    const odd = await health(get("/api/health", { "x-request-id": "a b" + "c".repeat(200) }), ctx);
    expect(odd.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("GET /api/health/ready: 200 with the database, the storage and TD each checked", async () => {
    const res = await ready(get("/api/health/ready"), ctx);
    const body = await res.json();
    expect(res.status).toBe(200);
    expect(body).toMatchObject({
      status: "ok",
      failed: [],
      checks: { database: { ok: true }, storage: { ok: true }, td: { ok: true } },
    });
  });

  it("GET /api/metrics needs the metrics token: none or a wrong one → 401, never a studio token's rights", async () => {
    const none = await metricsGet(get("/api/metrics"), ctx);
    expect(none.status).toBe(401);
    expect((await none.json()).error.code).toBe("unauthorized");
    const wrong = await metricsGet(get("/api/metrics", { Authorization: "Bearer not-the-metrics-token" }), ctx);
    expect(wrong.status).toBe(401);
  });

  it("after generations, the TD call and error counters, the poll and archive counters and the queue gauge show them", async () => {
    const before = await scrape();
    const okBefore = sample(before, "studio_td_calls_total", { family: "dashscope", outcome: "ok" }) ?? 0;
    const long = await studio.createGeneration({
      model: "T0401001",
      mode: "text-to-video",
      prompt: "ops metrics: a lighthouse at dusk [[seconds:3]]",
      params: { duration: 5 },
    } as never);
    // While it runs, the queue gauge counts it.
    const during = await until(
      async () => sample(await scrape(), "studio_generations_active", { status: "running", phase: "none" }) ?? 0,
      (n) => n >= 1,
    );
    expect(during).toBe(1);
    // A second one whose first status poll answers HTTP 500 (retried inside the client): an error by family and code.
    const faulty = await studio.createGeneration({
      model: "T0401001",
      mode: "text-to-video",
      prompt: "ops metrics: rain on a window [[fault:500@poll]]",
      params: { duration: 5 },
    } as never);
    for (const id of [long.id, faulty.id])
      await until(
        () => studio.getGeneration(TEST_SCOPE, id),
        (g) => g?.status === "succeeded",
        20_000,
      );
    const after = await scrape();
    // Two creates and at least two polls, each a counted call.
    expect(
      sample(after, "studio_td_calls_total", { family: "dashscope", outcome: "ok" })! - okBefore,
    ).toBeGreaterThanOrEqual(4);
    expect(
      sample(after, "studio_td_errors_total", { family: "dashscope", code: "InternalError" }),
    ).toBeGreaterThanOrEqual(1);
    expect(sample(after, "studio_td_calls_total", { family: "dashscope", outcome: "error" })).toBeGreaterThanOrEqual(1);
    expect(sample(after, "studio_engine_polls_total", { outcome: "changed" })).toBeGreaterThanOrEqual(2);
    expect(sample(after, "studio_engine_poll_lag_seconds_count")).toBeGreaterThanOrEqual(2);
    expect(sample(after, "studio_archive_total", { result: "archived" })).toBeGreaterThanOrEqual(2);
    // Nothing is followed any more: the gauges read from the database say so.
    expect(sample(after, "studio_generations_active", { status: "running", phase: "none" })).toBe(0);
    expect(sample(after, "studio_generations_active", { status: "queued", phase: "none" })).toBe(0);
    expect(sample(after, "studio_archive_backlog", { state: "temporary" })).toBe(0);
    expect(sample(after, "studio_polls_due")).toBe(0);
    expect(sample(after, "process_resident_memory_bytes")).toBeGreaterThan(0);
  });

  it("chat gateway: a streamed answer is timed to its first byte (TTFT histogram by model)", async () => {
    const { createToken } = await import("@/lib/auth/tokens");
    const { token } = await createToken(TEST_SCOPE, "ops chat");
    const { POST } = await import("@/app/api/v1/chat/completions/route");
    const before = sample(await scrape(), "studio_chat_ttft_seconds_count", { model: "T0106004" }) ?? 0;
    const res = await POST(
      new NextRequest("http://studio.test/api/v1/chat/completions", {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: JSON.stringify({ model: "T0106004", stream: true, messages: [{ role: "user", content: "你好" }] }),
      }),
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("[DONE]");
    const after = await scrape();
    expect(sample(after, "studio_chat_ttft_seconds_count", { model: "T0106004" })).toBe(before + 1);
    expect(sample(after, "studio_chat_ttft_seconds_sum", { model: "T0106004" })).toBeGreaterThan(0);
    expect(sample(after, "studio_td_calls_total", { family: "chat", outcome: "ok" })).toBeGreaterThanOrEqual(1);
  });

  it("an unexpected error: a JSON log line with the request id and error id, the same id in the answer, no detail leaked", async () => {
    const { route } = await import("@/lib/api/handler");
    const { createToken } = await import("@/lib/auth/tokens");
    const { token } = await createToken(TEST_SCOPE, "ops test");
    const boom = route("team:read", async () => {
      throw new Error("disk full at /srv/secret/path");
    });
    const lines: string[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    let res: Response;
    try {
      res = await boom(
        get("/api/v1/anything", { Authorization: `Bearer ${token}`, "x-request-id": "req-ops-42" }),
        ctx,
      );
    } finally {
      spy.mockRestore();
    }
    expect(res.status).toBe(500);
    expect(res.headers.get("x-request-id")).toBe("req-ops-42");
    const body = await res.json();
    expect(JSON.stringify(body)).not.toContain("/srv/secret");
    const entries = lines
      .flatMap((l) => l.split("\n"))
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    const entry = entries.find((e) => e.errorId === body.error.errorId);
    expect(entry).toMatchObject({ level: 50, component: "api", reqId: "req-ops-42", msg: "unexpected error" });
    expect(entry.err.message).toContain("disk full");
    expect(typeof entry.time).toBe("string");
  });

  it("ready: 503 naming `td` when TD is unreachable, the other parts still ok", async () => {
    await emu.close();
    const res = await ready(get("/api/health/ready"), ctx);
    const body = await res.json();
    expect(res.status).toBe(503);
    expect(body.status).toBe("unavailable");
    expect(body.failed).toEqual(["td"]);
    expect(body.checks.td).toMatchObject({ ok: false, error: expect.stringMatching(/^(ECONNREFUSED|timeout|\w+)$/) });
    expect(body.checks.database.ok).toBe(true);
    expect(body.checks.storage.ok).toBe(true);
  });

  it("without STUDIO_METRICS_TOKEN the metrics endpoint does not exist (404), whatever is sent", async () => {
    delete process.env.STUDIO_METRICS_TOKEN;
    vi.resetModules();
    const fresh = (await import("@/app/api/metrics/route")).GET as Handler;
    const res = await fresh(get("/api/metrics", { Authorization: `Bearer ${METRICS_TOKEN}` }), ctx);
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe("not_found");
  });
});
