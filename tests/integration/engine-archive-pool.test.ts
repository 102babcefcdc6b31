import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshStudioEnv, TEST_SCOPE } from "../../scripts/harness/studio-env";
import { until } from "./helpers";

// The archiver is a pool (issue #11): each slot takes the next due output as soon as its own download ends, so a
// download that hangs holds one slot — not the outputs that became due after it. Before, the archiver took 20 at
// a time and waited for the slowest before it looked again: one hung link held every later output.

const held: (() => void)[] = [];
// TD's file host (it is TD_BASE_URL, so the studio's download guard trusts it): `/files/hang-…` never answers
// until the test lets it, anything else answers at once.
const files = http.createServer(async (req, res) => {
  if (req.url?.startsWith("/files/hang-")) await new Promise<void>((go) => held.push(go));
  res.writeHead(200, { "Content-Type": "video/mp4", "Content-Length": "4" });
  res.end(Buffer.from("mp4!"));
});

beforeAll(async () => {
  await new Promise<void>((ok) => files.listen(0, "127.0.0.1", ok));
  freshStudioEnv(`http://127.0.0.1:${(files.address() as AddressInfo).port}`, "k", { STUDIO_POLL_MS: "100" });
});
afterAll(async () => {
  held.splice(0).forEach((go) => go());
  const { startEngine } = await import("@/lib/generations/engine");
  startEngine().stop();
  files.closeAllConnections();
  await new Promise((ok) => files.close(ok));
});

async function output(name: string): Promise<string> {
  const { db } = await import("@/lib/db");
  const id = randomUUID();
  await db().asset.create({
    data: {
      id,
      teamId: TEST_SCOPE.teamId,
      createdById: TEST_SCOPE.userId,
      kind: "video",
      mime: "video/mp4",
      origin: "output",
      upstreamUrl: `${process.env.TD_BASE_URL}/files/${name}.mp4`,
      upstreamExpiresAt: new Date(Date.now() + 3600_000),
      archiveState: "temporary",
      nextArchiveAt: new Date(),
    },
  });
  return id;
}

describe("archive pool", () => {
  it("a download that hangs holds one slot: outputs due after it are stored meanwhile", async () => {
    const [{ db }, { startEngine }, { wakeArchiver }] = await Promise.all([
      import("@/lib/db"),
      import("@/lib/generations/engine"),
      import("@/lib/generations/wake"),
    ]);
    const stuck = await output(`hang-${randomUUID()}`);
    startEngine();
    await until(
      async () => held.length,
      (n) => n === 1,
    );
    // Due only now, while the first download hangs.
    const later = [await output(randomUUID()), await output(randomUUID())];
    wakeArchiver();
    const rows = await until(
      () => db().asset.findMany({ where: { id: { in: later } } }),
      (r) => r.every((a) => a.archiveState === "archived"),
      5000,
    );
    expect(rows.map((a) => a.size)).toEqual([4, 4]);
    expect((await db().asset.findUniqueOrThrow({ where: { id: stuck } })).archiveState).toBe("archiving");
    // Let it answer: it is stored too.
    held.splice(0).forEach((go) => go());
    await until(
      () => db().asset.findUniqueOrThrow({ where: { id: stuck } }),
      (a) => a.archiveState === "archived",
      5000,
    );
  });
});
