import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

const TD = ["@/lib/td", "@/lib/td/*", "**/lib/td", "**/lib/td/*"];
const PRISMA = [
  "@/lib/db",
  "@/lib/db/*",
  "**/lib/db",
  "**/lib/db/*",
  "@/lib/generated/*",
  "**/lib/generated/*",
  "@prisma/*",
];
const COMPONENTS = {
  group: ["@/components", "@/components/*", "**/components", "**/components/*"],
  message: "lib/ is below the UI: a domain module never imports components/.",
};

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
              group: [
                "@/*",
                "**/lib",
                "**/lib/*",
                "**/components",
                "**/components/*",
                "**/app",
                "**/app/*",
                "**/tests",
                "**/tests/*",
                "**/prisma/*",
              ],
              message:
                "emulator/ is an independent witness of the TD docs: keep its own copy in emulator/spec instead of importing the studio.",
            },
          ],
        },
      ],
    },
  },
  // Layering (STYLE.md "Arrows point one way"). Each folder gets one object: flat config does not merge the options
  // of a rule set twice for one file, so the lib/td object repeats the domain's ban on components.
  {
    files: ["lib/**/*.{ts,tsx}"],
    ignores: ["lib/client/**", "lib/i18n/client.ts", "lib/td/**", "lib/generated/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [COMPONENTS] }] },
  },
  {
    files: ["lib/td/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            COMPONENTS,
            {
              group: ["react", "react/*", "react-dom", "react-dom/*", "next", "next/*"],
              message: "lib/td is transport: no React or Next.js.",
            },
            {
              group: PRISMA,
              message: "lib/td knows nothing of the database: the domain stores what the client returns.",
            },
            {
              group: [
                "@/lib/*",
                "!@/lib/td",
                "!@/lib/td/*",
                "!@/lib/config",
                "!@/lib/catalog",
                "@/lib/catalog/*",
                "!@/lib/catalog/limits",
                "!@/lib/net",
                "!@/lib/net/*",
              ],
              message:
                "lib/td may use only lib/config, lib/net and the documented limits (lib/catalog/limits): it knows nothing of the domain.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["app/**/page.tsx", "app/**/layout.tsx", "components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [...TD, ...PRISMA],
              message:
                "UI reads the domain (lib/<domain>, lib/catalog, lib/client), never lib/td or the database: move the query into lib/<domain>.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["scripts/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/tests", "**/tests/*", "@/tests/*"],
              message: "scripts/ do not import tests/: shared harness code lives in scripts/harness.",
            },
          ],
        },
      ],
    },
  },
  // Formatting belongs to Prettier (`npm run format`; `npm run lint` runs `prettier --check`): no style rules here.
  prettier,
  globalIgnores([
    ".next*/**",
    ".e2e-*/**",
    "bench-results/**",
    "node_modules/**",
    "lib/generated/**",
    "data/**",
    "test-results/**",
    "playwright-report/**",
    ".e2e-data/**",
    "next-env.d.ts",
  ]),
]);
