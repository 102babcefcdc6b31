import type { NextConfig } from "next";
import { SECURITY_HEADERS } from "./lib/api/security-headers";

const nextConfig: NextConfig = {
  // Native modules and Prisma must load from node_modules at run time, not be bundled.
  serverExternalPackages: [
    "better-sqlite3",
    "sharp",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    "pg",
    "@prisma/client",
    "undici",
    "pino",
    "prom-client",
  ],
  typedRoutes: false,
  // A second build folder lets a test run build while another server still serves the first.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  devIndicators: false,
  // Tests and scripts open the dev server as 127.0.0.1; Next blocks dev resources (HMR, and so
  // hydration) for origins other than localhost unless they are listed here. Dev-only setting.
  allowedDevOrigins: ["127.0.0.1"],
  poweredByHeader: false,
  // `ANALYZE=1 NEXT_DIST_DIR=.next-analyze next build` writes browser source maps, read by scripts/chunk-sources.ts.
  productionBrowserSourceMaps: process.env.ANALYZE === "1",
  // Messages are compiled on the server (lib/i18n/messages.ts); use-intl then formats them with its small
  // format-only runtime instead of shipping the ICU parser (intl-messageformat, ~12 kB gzip) to every page.
  turbopack: {
    resolveAlias: { "use-intl/format-message": "use-intl/format-message/format-only" },
  },
  // Headers for every answer, API and files included; the page CSP (with its nonce) is set in proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
};

export default nextConfig;
