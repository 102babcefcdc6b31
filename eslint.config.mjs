import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next*/**", ".e2e-*/**", "bench-results/**", "node_modules/**", "lib/generated/**", "data/**", "test-results/**", "playwright-report/**", ".e2e-data/**", "next-env.d.ts"]),
]);
