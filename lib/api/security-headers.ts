/**
 * Headers on every answer, pages, API and files alike. next.config.ts gives them to Next.js; the production
 * server's fast lane (lib/chat/fast-lane.ts), which answers without Next's router, sets them itself.
 * The page CSP (with its per-request nonce) is set in proxy.ts.
 */
export const SECURITY_HEADERS: { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "SAMEORIGIN" },
  { key: "Permissions-Policy", value: "camera=(), geolocation=(), microphone=(self)" },
];
