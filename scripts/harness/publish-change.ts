// Another process of the cross-process event test (tests/integration/pg-cross-process.test.ts): makes a generation's
// status change (as the engine writes it) against the database in DATABASE_URL. Prints when the write committed.
const [generationId] = process.argv.slice(2);

async function main() {
  const { db } = await import("@/lib/db");
  await db().generation.updateMany({ where: { id: generationId }, data: { status: "running", progress: 50 } });
  console.log(JSON.stringify({ committedAt: Date.now() }));
  // The change notes are flushed a moment later (lib/events batches for 20 ms): let them go out before leaving.
  await new Promise((r) => setTimeout(r, 500));
  await db().$disconnect();
  process.exit(0);
}
void main();
