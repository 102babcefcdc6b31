import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshStudioEnv, testPgUrl, TEST_SCOPE } from "../../scripts/harness/studio-env";

// A process that serves pages and the API only (STUDIO_ENGINE=off) still takes part in the processes' relay
// (lib/generations/relay.ts): a token revoked through it is forgotten by the other processes at once, and it hears
// their changes — so its caller cache may keep a token's caller as long as an engine process does.
// "Another process" here is a plain PostgreSQL client on the same channel: the wire message is all they share.

const CHANNEL = "studio_wake";
let other: pg.Client | undefined;
const heard: string[] = [];

beforeAll(async () => {
  freshStudioEnv("http://127.0.0.1:9", "unused", { STUDIO_ENGINE: "off" });
  process.env.NEXT_RUNTIME = "nodejs";
  const { register } = await import("../../instrumentation");
  await register();
  if (testPgUrl()) {
    other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    other.on("notification", (m) => heard.push(m.payload ?? ""));
    await other.query(`LISTEN ${CHANNEL}`);
    await (await import("@/lib/db/pg-listen")).pgListenReady();
  }
});
afterAll(async () => {
  await other?.end();
  delete process.env.NEXT_RUNTIME;
});

const waitFor = async (ok: () => boolean, ms = 3000) => {
  for (let t = 0; !ok() && t < ms; t += 20) await new Promise((r) => setTimeout(r, 20));
  return ok();
};

describe("the processes' relay in a process without the engine", () => {
  it("no engine runs, and a token's caller is remembered as long as with one (changes reach it at once)", async () => {
    const { runningEngine } = await import("@/lib/generations/engine");
    expect(runningEngine()).toBeUndefined();
    const { rememberCaller, CALLER_CACHE_MS, CALLER_CACHE_RELAYED_MS } = await import("@/lib/auth/caller-cache");
    rememberCaller("relay-test", { id: 1 });
    const entry = (
      globalThis as unknown as { __studioCallerCache: Map<string, { until: number }> }
    ).__studioCallerCache.get("relay-test")!;
    expect(entry.until - Date.now()).toBeGreaterThan(CALLER_CACHE_MS);
    expect(entry.until - Date.now()).toBeLessThanOrEqual(CALLER_CACHE_RELAYED_MS);
  });

  it.skipIf(!testPgUrl())("a token revoked through it is told to the other processes", async () => {
    const { createToken, revokeToken } = await import("@/lib/auth/tokens");
    const t = await createToken(TEST_SCOPE, "revoked on a web-only process");
    heard.length = 0;
    await revokeToken(TEST_SCOPE, t.id);
    expect(await waitFor(() => heard.some((p) => p.endsWith(" callers"))), JSON.stringify(heard)).toBe(true);
  });

  it.skipIf(!testPgUrl())(
    "a budget set through it is told too (the others' memory of a team without budgets)",
    async () => {
      const { randomUUID } = await import("node:crypto");
      const { db } = await import("@/lib/db");
      heard.length = 0;
      await db().budget.create({ data: { id: randomUUID(), teamId: TEST_SCOPE.teamId, monthly: 10 } });
      expect(await waitFor(() => heard.some((p) => p.endsWith(" callers"))), JSON.stringify(heard)).toBe(true);
    },
  );

  it.skipIf(!testPgUrl())(
    "another process's change makes it forget its callers within a second (not at the end of their time)",
    async () => {
      const { cachedCaller, rememberCaller } = await import("@/lib/auth/caller-cache");
      rememberCaller("relay-test-2", { id: 2 });
      expect(cachedCaller("relay-test-2")).toEqual({ id: 2 });
      await other!.query("SELECT pg_notify($1, $2)", [CHANNEL, "999-elsewhere callers"]);
      expect(await waitFor(() => cachedCaller("relay-test-2") === undefined, 1000)).toBe(true);
    },
  );
});
