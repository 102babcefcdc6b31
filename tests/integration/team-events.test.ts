import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SseParser } from "@/lib/td/sse";
import { until } from "./helpers";
import { freshStudioEnv, TEST_SCOPE } from "../../scripts/harness/studio-env";

// GET /api/v1/events against a real database: who may listen, that a team hears its own changes (and only
// those), reconnect with Last-Event-ID, another process's bump, heartbeats and cleanup.

type Got = { event: string; id?: string; data: Record<string, unknown> };
type Route = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

const OTHER = { teamId: "team-other", userId: "user-other" };

describe("team event stream", () => {
  let GET: Route;
  let tokenA = "";
  let tokenB = "";
  let db: typeof import("@/lib/db").db;
  let events: typeof import("@/lib/events/team-events");
  const open: AbortController[] = [];

  beforeAll(async () => {
    freshStudioEnv("http://127.0.0.1:9", "unused");
    ({ GET } = (await import("@/app/api/v1/events/route")) as unknown as { GET: Route });
    ({ db } = await import("@/lib/db"));
    events = await import("@/lib/events/team-events");
    const { createToken } = await import("@/lib/auth/tokens");
    await db().user.create({ data: { id: OTHER.userId, name: "Other", email: "other@td.studio" } });
    await db().team.create({ data: { id: OTHER.teamId, name: "Other team" } });
    await db().membership.create({ data: { id: randomUUID(), ...OTHER, role: "member" } });
    ({ token: tokenA } = await createToken(TEST_SCOPE, "events A"));
    ({ token: tokenB } = await createToken(OTHER, "events B"));
  });
  afterAll(() => open.forEach((c) => c.abort()));

  /** Opens the stream and collects its events as they arrive. */
  async function listen(token: string | undefined, headers: Record<string, string> = {}) {
    const ctl = new AbortController();
    open.push(ctl);
    const res = await GET(
      new NextRequest("http://studio.test/api/v1/events", {
        headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
        signal: ctl.signal,
      }),
      { params: Promise.resolve({}) },
    );
    const got: Got[] = [];
    if (res.ok && res.body) {
      const parser = new SseParser((data, event, id) =>
        got.push({ event: event ?? "message", id, data: JSON.parse(data) }),
      );
      const reader = res.body.getReader();
      void (async () => {
        for (;;) {
          const r = await reader.read().catch(() => ({ done: true, value: undefined }));
          if (r.done) break;
          parser.feed(r.value!);
        }
      })();
    }
    const wait = (pred: (g: Got) => boolean, ms = 3000) =>
      until(
        async () => got.find(pred),
        (x) => !!x,
        ms,
      );
    return { res, got, ctl, wait };
  }

  const newGeneration = (teamId: string) =>
    db().generation.create({ data: { id: randomUUID(), teamId, model: "T0401001", mode: "text-to-video" } });

  it("needs a caller with team:read: without one it answers 401 in the API's error shape", async () => {
    const { res } = await listen(undefined);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("unauthorized");
    const bad = await listen("tds_nope");
    expect(bad.res.status).toBe(401);
  });

  it("a team hears its generations' status changes with the record's view; another team hears none of them", async () => {
    const a = await listen(tokenA);
    const b = await listen(tokenB);
    expect(a.res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(a.res.headers.get("cache-control")).toBe("no-cache, no-transform");
    await a.wait((e) => e.event === "ready");
    await b.wait((e) => e.event === "ready");

    const g = await newGeneration(TEST_SCOPE.teamId);
    const queued = await a.wait((e) => e.event === "generation" && (e.data.generation as { id: string }).id === g.id);
    expect(queued?.data.generation).toMatchObject({ id: g.id, status: "queued", model: "T0401001" });
    // The status write, as the engine makes it (updateMany by id), arrives as the next version.
    await db().generation.updateMany({
      where: { id: g.id, status: "queued" },
      data: { status: "running", progress: 40 },
    });
    const running = await a.wait(
      (e) => e.event === "generation" && (e.data.generation as { status: string }).status === "running",
    );
    expect(running?.data.generation).toMatchObject({ id: g.id, status: "running", progress: 40 });
    expect(Number(running!.id)).toBeGreaterThan(Number(queued!.id));
    // A write that changes nothing a page shows (the poll schedule) is not an event.
    const before = a.got.length;
    await db().generation.update({ where: { id: g.id }, data: { nextPollAt: new Date() } });

    // B is alive (it hears its own team) and never heard A's record.
    const mine = await newGeneration(OTHER.teamId);
    await b.wait((e) => e.event === "generation" && (e.data.generation as { id: string }).id === mine.id);
    expect(JSON.stringify(b.got)).not.toContain(g.id);
    expect(JSON.stringify(a.got)).not.toContain(mine.id);
    expect(a.got.slice(before).filter((e) => e.event === "generation")).toEqual([]);
  });

  it("a status written inside a transaction that commits late arrives as committed", async () => {
    const a = await listen(tokenA);
    await a.wait((e) => e.event === "ready");
    const g = await newGeneration(TEST_SCOPE.teamId);
    await a.wait((e) => e.event === "generation" && (e.data.generation as { id: string }).id === g.id);
    await db().$transaction(async (tx) => {
      await tx.generation.updateMany({ where: { id: g.id }, data: { status: "succeeded", finishedAt: new Date() } });
      await new Promise((r) => setTimeout(r, 150));
    });
    const done = await a.wait(
      (e) =>
        e.event === "generation" &&
        (e.data.generation as { id: string; status: string }).id === g.id &&
        (e.data.generation as { status: string }).status === "succeeded",
    );
    expect(done?.data.generation).toMatchObject({ id: g.id, status: "succeeded", finishedAt: expect.any(String) });
  });

  it("a generic topic reaches the team's tabs as `changed`", async () => {
    const a = await listen(tokenA);
    await a.wait((e) => e.event === "ready");
    await events.publishTeamChange(TEST_SCOPE.teamId, "notifications", { count: 1 });
    const c = await a.wait((e) => e.event === "changed");
    expect(c?.data).toEqual({ version: Number(c!.id), topic: "notifications", data: { count: 1 } });
  });

  it("a tab reconnecting with an older Last-Event-ID is told it missed something; an up-to-date one is not", async () => {
    const version = await events.teamVersion(TEST_SCOPE.teamId);
    expect(version).toBeGreaterThan(1);
    const behind = await listen(tokenA, { "Last-Event-ID": String(version - 1) });
    await behind.wait((e) => e.event === "changed" && e.data.topic === "any");
    expect(behind.got[0]).toMatchObject({ event: "ready", id: String(version), data: { version } });
    const current = await listen(tokenA, { "Last-Event-ID": String(version) });
    await current.wait((e) => e.event === "ready");
    await new Promise((r) => setTimeout(r, 100));
    expect(current.got.map((e) => e.event)).toEqual(["ready"]);
  });

  it("another process's bump (the stamp moved, no local event) becomes `changed` within the watch interval", async () => {
    const a = await listen(tokenA);
    const ready = await a.wait((e) => e.event === "ready");
    // PostgreSQL: the bump arrives by NOTIFY, on this process's LISTEN connection once it is up.
    if (process.env.DATABASE_URL?.startsWith("postgres")) await (await import("@/lib/db/pg-listen")).pgListenReady();
    const { sql } = await import("@/lib/db");
    await db().$executeRawUnsafe(
      sql(`UPDATE "TeamEventStamp" SET "version" = "version" + 1 WHERE "teamId" = ?`),
      TEST_SCOPE.teamId,
    );
    const c = await a.wait((e) => e.event === "changed" && e.data.topic === "any", 5000);
    expect(Number(c!.id)).toBe(Number(ready!.id) + 1);
  });

  it("heartbeats keep an idle stream alive, and the subscription ends when the client goes away", async () => {
    const { teamEventStream } = await import("@/lib/events/stream");
    const ctl = new AbortController();
    const before = events.listenerCount(TEST_SCOPE.teamId);
    const res = await teamEventStream(TEST_SCOPE.teamId, ctl.signal, null, 30);
    expect(events.listenerCount(TEST_SCOPE.teamId)).toBe(before + 1);
    const reader = res.body!.getReader();
    let text = "";
    while (!text.includes("event: heartbeat")) text += new TextDecoder().decode((await reader.read()).value);
    ctl.abort();
    expect(events.listenerCount(TEST_SCOPE.teamId)).toBe(before);
    expect((await reader.read()).done).toBe(true);
    // Closing all tabs of every test leaves no listener behind.
    open.forEach((c) => c.abort());
    await until(
      async () => events.listenerCount(),
      (n) => n === 0,
      2000,
    );
  });
});
