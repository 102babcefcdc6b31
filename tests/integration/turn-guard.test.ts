import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { freshStudioEnv, TEST_SCOPE } from "../../scripts/harness/studio-env";

// One turn per conversation across processes (issue 16): a message's place is unique, so two turns written at
// once (e.g. by two app processes, each with its own in-memory guard) cannot both land. Both backends.
describe("one turn per conversation, in the database", () => {
  beforeAll(() => {
    freshStudioEnv("http://127.0.0.1:9", "unused");
  });

  it("a second message at a taken (conversationId, position) is refused, and the loser's batch leaves nothing", async () => {
    const { db } = await import("@/lib/db");
    const conversationId = randomUUID();
    await db().conversation.create({
      data: { id: conversationId, teamId: TEST_SCOPE.teamId, title: "t", model: "T0106004" },
    });
    const turn = (content: string) => [
      db().message.create({ data: { id: randomUUID(), conversationId, position: 0, role: "user", content } }),
      db().message.create({ data: { id: randomUUID(), conversationId, position: 1, role: "assistant" } }),
    ];
    await db().$transaction(turn("first"));
    await expect(db().$transaction(turn("second"))).rejects.toMatchObject({ code: "P2002" });
    const rows = await db().message.findMany({ where: { conversationId }, orderBy: { position: "asc" } });
    expect(rows.map((r) => [r.position, r.role, r.content])).toEqual([
      [0, "user", "first"],
      [1, "assistant", ""],
    ]);
  });
});
