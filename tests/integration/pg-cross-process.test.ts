import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { freshStudioEnv, testPgUrl, TEST_SCOPE } from "../../scripts/harness/studio-env";

// Issue 16 on PostgreSQL: a status change written by one process reaches the tabs connected to another within a
// second (the stamp bump NOTIFYs, every process LISTENs). The writer here is a real second OS process.
describe.skipIf(!testPgUrl())("across processes (PostgreSQL)", () => {
  beforeAll(() => {
    freshStudioEnv("http://127.0.0.1:9", "unused");
  });

  it("a status change made by another process reaches this process's listeners within a second", async () => {
    const { db } = await import("@/lib/db");
    const events = await import("@/lib/events/team-events");
    const { pgListenReady } = await import("@/lib/db/pg-listen");
    const id = randomUUID();
    await db().generation.create({
      data: { id, teamId: TEST_SCOPE.teamId, model: "T0401001", mode: "text-to-video", status: "queued" },
    });
    const got: { at: number; type: string; topic?: string; status?: string }[] = [];
    const off = events.subscribeTeam(TEST_SCOPE.teamId, (e) =>
      got.push({
        at: Date.now(),
        type: e.type,
        topic: e.type === "changed" ? e.topic : undefined,
        status: e.type === "generation" ? e.generation.status : undefined,
      }),
    );
    try {
      await pgListenReady();
      // Settle what this process itself published for the create.
      await new Promise((r) => setTimeout(r, 200));
      const before = got.length;
      const out = await new Promise<string>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          ["--import", "tsx", "--conditions=react-server", "scripts/harness/publish-change.ts", id],
          { env: process.env, stdio: ["ignore", "pipe", "inherit"] },
        );
        let text = "";
        child.stdout.on("data", (b) => (text += b));
        child.on("exit", (code) => (code === 0 ? resolve(text) : reject(new Error(`exit ${code}`))));
      });
      const { committedAt } = JSON.parse(out.trim().split("\n").pop()!) as { committedAt: number };
      // The tab hears it one of two ways, whichever comes first: the other process's NOTIFY ("changed"), or, while
      // this process still re-reads the record it pushed a moment ago (team-events' settle window), the record's
      // new view ("generation", running). Either is the change reaching this process's tabs.
      const heardIt = (e: (typeof got)[number]) =>
        (e.type === "changed" && e.topic === "any") || (e.type === "generation" && e.status === "running");
      for (let waited = 0; !got.slice(before).some(heardIt) && waited < 3000; waited += 20)
        await new Promise((r) => setTimeout(r, 20));
      const heard = got.slice(before).find(heardIt);
      expect(heard, JSON.stringify(got)).toBeDefined();
      expect(heard!.at - committedAt).toBeLessThan(1000);
      const row = await db().generation.findUniqueOrThrow({ where: { id } });
      expect(row.status).toBe("running");
    } finally {
      off();
    }
    // A second process starts cold (tsx, Prisma): minutes on a loaded CI machine are not the studio's latency.
  }, 90_000);
});
