import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

// `npm test`: unit tests (Vitest, against a real emulator), a production build, then end-to-end tests
// (Playwright, real Chromium, real studio server + emulator). Ends with one "N passed, N failed" line.
const node = process.execPath;
const bin = (p: string) => path.resolve("node_modules", p);
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(node, args, { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;

rmSync("test-results", { recursive: true, force: true });
const unitStatus = run([bin("vitest/vitest.mjs"), "run", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/unit.json"]);

const buildEnv = { TD_BASE_URL: "http://127.0.0.1:4110", TD_API_KEY: "build", NEXT_TELEMETRY_DISABLED: "1" };
let e2eStatus = 1;
const skipE2E = process.argv.includes("--unit");
if (!skipE2E) {
  const buildStatus = process.env.E2E_DEV ? 0 : run([bin("next/dist/bin/next"), "build"], buildEnv);
  if (buildStatus === 0) {
    rmSync(process.env.E2E_DATA_DIR ?? ".e2e-data", { recursive: true, force: true });
    e2eStatus = run([bin("@playwright/test/cli.js"), "test", ...process.argv.slice(2)], { NEXT_TELEMETRY_DISABLED: "1" });
  } else console.error("next build failed: end-to-end tests not run");
}

function counts(file: string, kind: "vitest" | "playwright"): { passed: number; failed: number; skipped: number } {
  if (!existsSync(file)) return { passed: 0, failed: 0, skipped: 0 };
  const j = JSON.parse(readFileSync(file, "utf8"));
  if (kind === "vitest") return { passed: j.numPassedTests ?? 0, failed: j.numFailedTests ?? 0, skipped: (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0) };
  const s = j.stats ?? {};
  return { passed: (s.expected ?? 0) + (s.flaky ?? 0), failed: s.unexpected ?? 0, skipped: s.skipped ?? 0 };
}
const u = counts("test-results/unit.json", "vitest");
const e = skipE2E ? { passed: 0, failed: 0, skipped: 0 } : counts("test-results/e2e.json", "playwright");
const failed = u.failed + e.failed + (unitStatus !== 0 && u.failed === 0 ? 1 : 0) + (!skipE2E && e2eStatus !== 0 && e.failed === 0 ? 1 : 0);
console.log(`\nunit: ${u.passed} passed, ${u.failed} failed · end-to-end: ${e.passed} passed, ${e.failed} failed`);
console.log(`${u.passed + e.passed} passed, ${failed} failed${u.skipped + e.skipped ? `, ${u.skipped + e.skipped} skipped` : ""}`);
process.exit(unitStatus === 0 && (skipE2E || e2eStatus === 0) ? 0 : 1);
