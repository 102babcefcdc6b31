import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "tests/helpers/server-only-stub.ts"),
      // As in next.config.ts: messages are precompiled (lib/i18n/messages.ts), so use-intl formats without a parser.
      "use-intl/format-message": "use-intl/format-message/format-only",
    },
  },
  test: {
    include: [
      "tests/unit/**/*.test.ts",
      "tests/integration/**/*.test.ts",
      "tests/contract/**/*.test.ts",
      "emulator/**/*.test.ts",
    ],
    environment: "node",
    // PostgreSQL run only (STUDIO_TEST_PG_URL): the template database the fresh ones are copied from.
    globalSetup: ["tests/helpers/pg-global-setup.ts"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: "forks",
    // use-intl is run through Vite so the format-message alias above reaches its own imports.
    server: { deps: { inline: ["use-intl"] } },
  },
});
