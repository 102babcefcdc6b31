import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "@/emulator";
import { freshStudioEnv, TEST_SCOPE } from "../../scripts/harness/studio-env";
import { until } from "./helpers";

// The poller at scale (issue #11): schedule from typicalSeconds, a pool no hung call can block, one small
// write for an unchanged answer, and Seedance callbacks that wake the poll. The engine loop is not started
// here: each test drives pollTick itself, so the queries it counts are the poller's own.

type Held = { path: string; release: () => void };
const state = { target: "", held: [] as Held[], hold: undefined as ((path: string) => boolean) | undefined };
const gets: { at: number; path: string }[] = [];

// A proxy in front of the emulator that can hold a status call (a hung TD) and logs every call.
const proxy = http.createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const path = req.url ?? "/";
  if (req.method === "GET" || path.includes("DescribeTask")) gets.push({ at: Date.now(), path });
  if (state.hold?.(path)) await new Promise<void>((release) => state.held.push({ path, release }));
  const headers: Record<string, string> = {};
  for (const k of ["authorization", "x-timestamp", "content-type", "x-tc-action"])
    if (typeof req.headers[k] === "string") headers[k] = req.headers[k] as string;
  try {
    const up = await fetch(state.target + path, {
      method: req.method,
      headers,
      body: chunks.length ? Buffer.concat(chunks) : undefined,
    });
    res.writeHead(up.status, { "content-type": up.headers.get("content-type") ?? "application/json" });
    res.end(Buffer.from(await up.arrayBuffer()));
  } catch {
    res.destroy();
  }
});

// Where the emulator delivers Seedance callbacks: the route's own logic (lib/generations/callback).
const callbacks: { path: string; status: number; upstream?: string; error?: string }[] = [];
const hook = http.createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const url = new URL(req.url ?? "/", "http://x");
  const id = /^\/api\/v1\/generations\/([^/]+)\/callback$/.exec(url.pathname)?.[1];
  const { acceptCallback } = await import("@/lib/generations/callback");
  try {
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
    await acceptCallback(decodeURIComponent(id ?? ""), url.searchParams.get("sig"), body.status);
    callbacks.push({ path: url.pathname, status: 200, upstream: body.status });
    res.writeHead(200).end("{}");
  } catch (e) {
    callbacks.push({ path: url.pathname, status: 404, error: (e as Error).message });
    res.writeHead(404).end("{}");
  }
});

let emu: Emulator;
const listen = (s: http.Server) =>
  new Promise<string>((ok) =>
    s.listen(0, "127.0.0.1", () => ok(`http://127.0.0.1:${(s.address() as AddressInfo).port}`)),
  );

beforeAll(async () => {
  const proxyUrl = await listen(proxy);
  const hookUrl = await listen(hook);
  emu = await startEmulator({ port: 0, apiKey: "k", taskSeconds: 0.4, quiet: true });
  state.target = emu.url;
  freshStudioEnv(proxyUrl, "k", {
    STUDIO_TYPICAL_SCALE: "0.01",
    STUDIO_POLL_MS: "100",
    STUDIO_STATUS_CALLS_PER_SECOND: "1000",
    STUDIO_POLL_CONCURRENCY: "16",
    TD_TIMEOUT_MS: "20000",
    PUBLIC_BASE_URL: hookUrl,
    STUDIO_DB_QUERY_EVENTS: "1",
  });
});
afterAll(async () => {
  for (const h of state.held) h.release();
  await emu.close();
  proxy.closeAllConnections();
  hook.closeAllConnections();
  await Promise.all([proxy, hook].map((s) => new Promise((ok) => s.close(ok))));
});

async function load() {
  const [{ createGeneration }, engine, { db, onDbQuery }, schedule] = await Promise.all([
    import("@/lib/generations/create"),
    import("@/lib/generations/engine"),
    import("@/lib/db"),
    import("@/lib/generations/schedule"),
  ]);
  return { createGeneration, engine, db, onDbQuery, schedule };
}
const OWNER = `test-${randomUUID().slice(0, 6)}`;

/** Running records with made-up task ids, due now: each poll is one status call TD answers "unknown". */
async function dueRows(n: number, prefix: string) {
  const { db } = await load();
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = randomUUID();
    ids.push(id);
    await db().generation.create({
      data: {
        id,
        model: "T0401001",
        mode: "text-to-video",
        prompt: "x",
        status: "running",
        upstreamStatus: "RUNNING",
        upstreamTaskId: `${prefix}-${i}`,
        submittedAt: new Date(),
        nextPollAt: new Date(Date.now() - 1000 + i),
      },
    });
  }
  return ids;
}

describe("engine at scale (issue #11)", () => {
  it("schedules the first poll from the model's typicalSeconds, then a short interval around it, then backs off", async () => {
    const { createGeneration, db, schedule } = await load();
    const g = await createGeneration(
      { model: "T0401001", mode: "text-to-video", prompt: "first poll [[seconds:30]]" },
      TEST_SCOPE,
    );
    const row = await db().generation.findUniqueOrThrow({ where: { id: g.id } });
    // HappyHorse: typicalSeconds 75 × STUDIO_TYPICAL_SCALE 0.01 = 750 ms; the first poll at 80 % of it,
    // counted from the write that recorded TD's answer (updatedAt), not STUDIO_POLL_MS (100 ms).
    const delay = row.nextPollAt!.getTime() - row.updatedAt.getTime();
    expect(delay).toBeGreaterThanOrEqual(500); // less the time between computing it and the write, under load
    expect(delay).toBeLessThan(700);
    expect(row.callback).toBe(false);
    const model = { typicalSeconds: 75 };
    const ago = (ms: number) => new Date(Date.now() - ms);
    expect(schedule.firstPollDelay({ model })).toBe(600);
    // Around the typical time (until 1.5 ×): a fifteenth of it (50 ms), never under STUDIO_POLL_MS (100).
    expect(schedule.nextPollDelay(ago(700), { model })).toBe(100);
    // Later: a tenth of the age.
    expect(schedule.nextPollDelay(ago(5000), { model })).toBe(500);
    expect(schedule.nextPollDelay(ago(3_600_000), { model })).toBe(60_000);
    // A reported progress brings the next poll to the estimated end, never later than the schedule.
    expect(schedule.nextPollDelay(ago(5000), { model }, 95)).toBeLessThan(500);
    // With a callback on its way, polls are the safety net: first at twice the typical time.
    expect(schedule.firstPollDelay({ model, callback: true })).toBe(1500);
  });

  it("a rate limiter spaces calls: never more than the configured rate in any second", async () => {
    const { schedule } = await load();
    const limiter = new schedule.RateLimiter(() => 20);
    const at: number[] = [];
    const t0 = performance.now();
    await Promise.all(Array.from({ length: 30 }, () => limiter.take().then(() => at.push(performance.now()))));
    expect(performance.now() - t0).toBeGreaterThan(990); // 30 calls at 20/s: the last 10 wait for the next second
    at.sort((a, b) => a - b);
    for (let i = 20; i < at.length; i++) expect(at[i] - at[i - 20]).toBeGreaterThanOrEqual(995);
  });

  it("one hung status call does not hold the next 100 due polls; its lease is renewed while it hangs", async () => {
    const { engine, db } = await load();
    const [hungId] = await dueRows(1, "hung");
    const others = await dueRows(100, "other");
    state.hold = (path) => path.includes("/hung-0");
    const tick = engine.pollTick(OWNER);
    await until(
      async () => state.held.length,
      (n) => n === 1,
    );
    const done = await until(
      () => db().generation.count({ where: { id: { in: others }, status: "failed" } }),
      (n) => n === 100,
      15_000,
    );
    expect(done).toBe(100);
    const hung = await db().generation.findUniqueOrThrow({ where: { id: hungId } });
    expect(hung.status).toBe("running");
    expect(hung.leaseOwner).toBe(OWNER);
    await new Promise((r) => setTimeout(r, 20));
    await engine.renewLeases(OWNER);
    const renewed = await db().generation.findUniqueOrThrow({ where: { id: hungId } });
    expect(renewed.leaseExpiresAt!.getTime()).toBeGreaterThan(hung.leaseExpiresAt!.getTime());
    state.hold = undefined;
    state.held.splice(0).forEach((h) => h.release());
    await tick;
  });

  it("a 'still running, same progress' answer costs one small write and no read of the record", async () => {
    const { createGeneration, engine, db, onDbQuery } = await load();
    const g = await createGeneration(
      { model: "T0401001", mode: "text-to-video", prompt: "unchanged [[seconds:60]]" },
      TEST_SCOPE,
    );
    const due = () =>
      db().generation.updateMany({ where: { id: g.id }, data: { nextPollAt: new Date(Date.now() - 10) } });
    // The first poll learns PENDING → queued (a change: the full write); the next one hears the same again.
    await due();
    await engine.pollTick(OWNER);
    const first = await db().generation.findUniqueOrThrow({ where: { id: g.id } });
    expect(first.status).toBe("queued");
    // That change is pushed to the team's browsers a moment later (lib/events batches for 20 ms): let it go out
    // before counting, it belongs to the first poll.
    await new Promise((r) => setTimeout(r, 300));
    // Only this record is due (earlier tests left running ones).
    await db().generation.updateMany({ where: { id: { not: g.id } }, data: { nextPollAt: null } });
    await due();
    const sql: string[] = [];
    // Statements only (Prisma wraps each write in a transaction and reports its COMMIT too).
    const off = onDbQuery((q) => !/^\s*(BEGIN|COMMIT|ROLLBACK)/i.test(q) && sql.push(q));
    await engine.pollTick(OWNER, { recover: false });
    off();
    const row = await db().generation.findUniqueOrThrow({ where: { id: g.id } });
    expect(row.status).toBe("queued");
    expect(row.upstreamStatus).toBe("PENDING");
    expect(row.requestIds).toBe(first.requestIds);
    expect(row.nextPollAt!.getTime()).toBeGreaterThan(Date.now());
    expect(row.leaseOwner).toBeNull();
    // The claim (one SELECT of due ids, one UPDATE … RETURNING for the batch; on PostgreSQL the one UPDATE … FOR
    // UPDATE SKIP LOCKED … RETURNING does both), then exactly one write.
    const claim = sql.filter((q) => /RETURNING/i.test(q));
    const writes = sql.filter((q) => /^\s*UPDATE/i.test(q) && !/RETURNING/i.test(q));
    expect(claim, sql.join("\n")).toHaveLength(1);
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatch(/nextPollAt/);
    expect(writes[0]).not.toMatch(/requestIds|upstreamStatus|progress|errorCode/);
    expect(sql, sql.join("\n")).toHaveLength(process.env.DATABASE_URL?.startsWith("postgres") ? 2 : 3);
  });

  it("the due-work claim reads the nextPollAt index in due order", async () => {
    const { db } = await load();
    if (process.env.DATABASE_URL?.startsWith("postgres")) {
      // A test table is tiny, so the planner is told to prefer the index it would choose at scale; no Sort node.
      const plan = await db().$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`SET LOCAL enable_seqscan = off`);
        await tx.$executeRawUnsafe(`SET LOCAL enable_bitmapscan = off`);
        return (await tx.$queryRawUnsafe(
          `EXPLAIN SELECT id FROM "Generation" WHERE "nextPollAt" <= $1 AND status IN ('queued','running') AND "upstreamTaskId" IS NOT NULL ORDER BY "nextPollAt" ASC LIMIT 100`,
          new Date(),
        )) as { "QUERY PLAN": string }[];
      });
      const text = plan.map((p) => p["QUERY PLAN"]).join("; ");
      expect(text).toMatch(/Generation_nextPollAt_idx/);
      expect(text).not.toMatch(/Sort/);
      return;
    }
    const plan = (await db().$queryRawUnsafe(
      `EXPLAIN QUERY PLAN SELECT id FROM "Generation" WHERE "nextPollAt" <= ? AND status IN ('queued','running') AND "upstreamTaskId" IS NOT NULL ORDER BY "nextPollAt" ASC LIMIT 100`,
      new Date().toISOString(),
    )) as { detail: string }[];
    const text = plan.map((p) => p.detail).join("; ");
    expect(text).toMatch(/Generation_nextPollAt_idx/);
    expect(text).not.toMatch(/TEMP B-TREE/);
  });

  it("Seedance: TD's callback to the signed URL wakes the poll at once; a wrong signature is refused", async () => {
    const { createGeneration, engine, db } = await load();
    const { callbackUrlFor, acceptCallback } = await import("@/lib/generations/callback");
    const g = await createGeneration(
      { model: "T0101007", mode: "text-to-video", prompt: "call me back [[seconds:1]]" },
      TEST_SCOPE,
    );
    const row = await db().generation.findUniqueOrThrow({ where: { id: g.id } });
    expect(row.callback).toBe(true);
    const sent = emu.tasks.get(row.upstreamTaskId!)!.body as { callback_url?: string };
    expect(sent.callback_url).toBe(callbackUrlFor(g.id));
    // The safety-net poll is far away (2 × 90 s × 0.01 = 1.8 s); the callback at 1 s makes it due now.
    expect(row.nextPollAt!.getTime() - Date.now()).toBeGreaterThan(1200);
    // TD calls back on each status change it sees (queued and running may merge into one on a busy machine): wait
    // for the one that says it succeeded.
    await until(
      async () => callbacks.filter((c) => c.path.includes(g.id)),
      (cs) => cs.some((c) => c.status === 200 && c.upstream === "succeeded"),
      15_000,
    );
    const woken = await db().generation.findUniqueOrThrow({ where: { id: g.id } });
    expect(woken.nextPollAt!.getTime()).toBeLessThanOrEqual(Date.now());
    const mine = () => gets.filter((c) => c.path.includes(row.upstreamTaskId!)).length;
    const callsBefore = mine();
    await engine.pollTick(OWNER);
    const after = await db().generation.findUniqueOrThrow({ where: { id: g.id } });
    expect(["running", "succeeded"]).toContain(after.status);
    expect(after.upstreamStatus).toBe("succeeded");
    expect(mine() - callsBefore).toBe(1);
    await expect(acceptCallback(g.id, "not-the-signature", "succeeded")).rejects.toThrow();
    await expect(
      acceptCallback(randomUUID(), new URL(callbackUrlFor(g.id)!).searchParams.get("sig"), "succeeded"),
    ).rejects.toThrow();
  });
});
