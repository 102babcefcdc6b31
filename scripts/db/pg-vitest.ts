import { spawnSync } from "node:child_process";
import { postgresBin, startPgCluster } from "./pg-cluster";

// `npx tsx scripts/db/pg-vitest.ts <vitest args>`: some test files on PostgreSQL, in a throw-away cluster (the
// PostgreSQL stage of `npm test` runs them all the same way).
async function main() {
  const bin = postgresBin();
  if (!bin) throw new Error("PostgreSQL is not installed (apt-get install postgresql)");
  const cluster = await startPgCluster();
  try {
    const r = spawnSync(process.execPath, ["node_modules/vitest/vitest.mjs", "run", ...process.argv.slice(2)], {
      stdio: "inherit",
      env: { ...process.env, STUDIO_TEST_PG_URL: cluster.url(), STUDIO_PG_BIN: bin },
    });
    process.exitCode = r.status ?? 1;
  } finally {
    cluster.stop();
  }
}
void main();
