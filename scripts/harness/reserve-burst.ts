// One process of the cross-process budget test (tests/integration/spend.test.ts): N reservations at once
// against the database in DATABASE_URL, as TEST_SCOPE. Prints how many the budget let through.
import { TEST_SCOPE } from "./studio-env";

const [count, prefix] = [Number(process.argv[2] ?? 10), process.argv[3] ?? "burst"];

async function main() {
  const { db } = await import("@/lib/db");
  const { reserveInTx } = await import("@/lib/spend/ledger");
  const one = (i: number) => {
    const id = `${prefix}-${i}`;
    const args = {
      scope: TEST_SCOPE,
      generationId: id,
      model: "T0401001",
      mode: "text-to-video",
      params: { duration: 5 },
    };
    return db().$transaction(
      (tx) =>
        reserveInTx(tx, args, () =>
          tx.generation.create({
            data: { id, teamId: TEST_SCOPE.teamId, model: "T0401001", mode: "text-to-video", status: "canceled" },
          }),
        ),
      { maxWait: 30_000, timeout: 30_000 },
    );
  };
  const results = await Promise.allSettled(Array.from({ length: count }, (_, i) => one(i)));
  const other = results.flatMap((r) =>
    r.status === "rejected" && (r.reason as { code?: string }).code !== "budget_exceeded" ? [String(r.reason)] : [],
  );
  console.log(JSON.stringify({ ok: results.filter((r) => r.status === "fulfilled").length, other }));
  await db().$disconnect();
}
void main();
