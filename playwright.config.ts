import { existsSync } from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// Real Chromium against the real studio server and the TD emulator (a separate process).
export const E2E = {
  studioPort: Number(process.env.E2E_STUDIO_PORT ?? 3110),
  emulatorPort: Number(process.env.E2E_EMULATOR_PORT ?? 4110),
  dataDir: path.resolve(process.env.E2E_DATA_DIR ?? ".e2e-data"),
  apiKey: "e2e-td-key-5b1f9c",
};
export const EMULATOR_URL = `http://127.0.0.1:${E2E.emulatorPort}`;
export const STUDIO_URL = `http://127.0.0.1:${E2E.studioPort}`;

// Debian's chromium where it exists (Playwright's own download is unreachable here), Playwright's browser elsewhere.
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

// E2E_STORAGE=s3: the studio keeps its files in a bucket of s3rver (started below on E2E_S3_PORT, default the
// emulator's port + 1000), and hands TD presigned bucket URLs for inputs.
const s3Port = Number(process.env.E2E_S3_PORT ?? E2E.emulatorPort + 1000);
const onS3 = process.env.E2E_STORAGE === "s3";
const s3Env: Record<string, string> = onS3
  ? {
      STORAGE_URL: `s3://e2e/files?endpoint=${encodeURIComponent(`http://127.0.0.1:${s3Port}`)}&forcePathStyle=true`,
      STORAGE_PRESIGN_INPUTS: "1",
      AWS_ACCESS_KEY_ID: "S3RVER",
      AWS_SECRET_ACCESS_KEY: "S3RVER",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    }
  : {};

export const studioEnv = {
  PORT: String(E2E.studioPort),
  TD_BASE_URL: EMULATOR_URL,
  TD_API_KEY: E2E.apiKey,
  STUDIO_DEMO_MODE: "true",
  STUDIO_DATA_DIR: E2E.dataDir,
  DATABASE_URL: `file:${path.join(E2E.dataDir, "studio.db")}`,
  PUBLIC_BASE_URL: STUDIO_URL,
  STUDIO_POLL_MS: "300",
  TD_TIMEOUT_MS: "5000",
  // The emulator's tasks take seconds, not the catalog's minutes: the poll schedule is scaled to match.
  STUDIO_TYPICAL_SCALE: "0.02",
  STUDIO_METRICS_TOKEN: "e2e-metrics-token-0123456789",
  ...s3Env,
};

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI
    ? [["list"], ["json", { outputFile: "test-results/e2e.json" }]]
    : [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  globalSetup: "./tests/e2e/global-setup.ts",
  use: {
    baseURL: STUDIO_URL,
    // The admin signed up by the global setup (tests/e2e/global-setup.ts).
    storageState: path.join(E2E.dataDir, "auth", "storage-state.json"),
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: systemChromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: [
    ...(onS3
      ? [
          {
            command: `mkdir -p "${path.join(E2E.dataDir, "s3")}" && node node_modules/s3rver/bin/s3rver.js -d "${path.join(E2E.dataDir, "s3")}" -a 127.0.0.1 -p ${s3Port} --configure-bucket e2e --silent`,
            url: `http://127.0.0.1:${s3Port}/`,
            reuseExistingServer: false,
            stdout: "ignore" as const,
            stderr: "pipe" as const,
          },
        ]
      : []),
    {
      command: "node node_modules/tsx/dist/cli.mjs emulator/main.ts",
      url: `${EMULATOR_URL}/__emulator/health`,
      reuseExistingServer: false,
      env: {
        EMULATOR_PORT: String(E2E.emulatorPort),
        EMULATOR_API_KEY: E2E.apiKey,
        EMULATOR_TASK_SECONDS: "2",
        EMULATOR_QUIET: "1",
      },
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: process.env.E2E_DEV
        ? "node node_modules/tsx/dist/cli.mjs scripts/dev.ts"
        : "node node_modules/tsx/dist/cli.mjs scripts/start.ts",
      url: `${STUDIO_URL}/api/v1/models`,
      reuseExistingServer: false,
      timeout: 180_000,
      env: studioEnv,
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
