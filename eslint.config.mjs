import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  // The emulator is the vendor, written from shared/td-api: it imports nothing of the studio, so that a wrong
  // limit in lib/ cannot be accepted by both sides (tests/contract/emulator-contract.test.ts compares the two).
  {
    files: ["emulator/**/*.{ts,tsx,js,mjs}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/*", "**/lib", "**/lib/*", "**/components", "**/components/*", "**/app", "**/app/*", "**/tests", "**/tests/*", "**/prisma/*"],
              message: "emulator/ is an independent witness of the TD docs: keep its own copy in emulator/spec instead of importing the studio.",
            },
          ],
        },
      ],
    },
  },
  globalIgnores([".next*/**", ".e2e-*/**", "bench-results/**", "node_modules/**", "lib/generated/**", "data/**", "test-results/**", "playwright-report/**", ".e2e-data/**", "next-env.d.ts"]),
]);
