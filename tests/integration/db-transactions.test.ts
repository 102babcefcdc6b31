import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { freshStudioEnv } from "../../scripts/harness/studio-env";

// SQLite is one connection per process: a statement outside a transaction must not become part of another
// request's open transaction (lib/db/sqlite-one-connection.ts). Before the fix a read saw that transaction's
// uncommitted rows and a write was undone when it rolled back. On PostgreSQL each transaction has its own
// connection and the same test holds.

beforeAll(() => freshStudioEnv("http://127.0.0.1:9", "k"));

const db = async () => (await import("@/lib/db")).db();

/** An open transaction that wrote `name`, waiting until `end()` makes it roll back. */
async function openTransaction(teamId: string, name: string) {
  let end!: () => void;
  const ended = new Promise<void>((r) => (end = r));
  let entered!: () => void;
  const inside = new Promise<void>((r) => (entered = r));
  const done = (await db())
    .$transaction(async (tx) => {
      await tx.team.update({ where: { id: teamId }, data: { name } });
      entered();
      await ended;
      throw new Error("rolled back on purpose");
    })
    .then(
      () => "committed",
      (e: Error) => e.message,
    );
  await inside;
  return { end, done };
}

describe("a statement outside a transaction", () => {
  it("neither sees another request's uncommitted rows nor is undone by its rollback", async () => {
    const id = randomUUID();
    await (await db()).team.create({ data: { id, name: "committed name" } });
    const tx = await openTransaction(id, "uncommitted name");
    // Both are sent while the transaction is open; on SQLite they wait for it, on PostgreSQL the write waits for
    // the row lock.
    const read = (await db()).team.findUnique({ where: { id } });
    const write = (await db()).team.update({ where: { id }, data: { openSignup: true } });
    await new Promise((r) => setTimeout(r, 50));
    tx.end();
    expect(await tx.done).toBe("rolled back on purpose");
    expect((await read)?.name).toBe("committed name");
    await write;
    const after = await (await db()).team.findUniqueOrThrow({ where: { id } });
    expect(after.openSignup).toBe(true); // the outside write survived the rollback
    expect(after.name).toBe("committed name");
  });

  // SQLite only: its transactions take turns on the one connection (PostgreSQL's run side by side, read committed).
  it.skipIf(!!process.env.STUDIO_TEST_PG_URL)(
    "SQLite: takes its turn in order among transactions and finishes (no starvation, no deadlock)",
    async () => {
      const id = randomUUID();
      await (await db()).team.create({ data: { id, name: "0" } });
      const order: string[] = [];
      const client = await db();
      const bump = (label: string) =>
        client.$transaction(async (tx) => {
          const t = await tx.team.findUniqueOrThrow({ where: { id } });
          await new Promise((r) => setTimeout(r, 5));
          await tx.team.update({ where: { id }, data: { name: String(Number(t.name) + 1) } });
          order.push(label);
        });
      const all = await Promise.all([
        bump("tx1"),
        client.team.findUniqueOrThrow({ where: { id } }).then((t) => order.push(`read:${t.name}`)),
        bump("tx2"),
        bump("tx3"),
        client.team.findUniqueOrThrow({ where: { id } }).then((t) => order.push(`read:${t.name}`)),
      ]);
      expect(all).toHaveLength(5);
      const final = await client.team.findUniqueOrThrow({ where: { id } });
      expect(final.name).toBe("3"); // no lost update among the three read-modify-write transactions
      // Each read saw a committed state: a whole number of finished transactions, never a half-done one.
      for (const r of order.filter((o) => o.startsWith("read:")))
        expect(Number(r.slice(5))).toBeLessThanOrEqual(order.indexOf(r));
    },
  );
});
