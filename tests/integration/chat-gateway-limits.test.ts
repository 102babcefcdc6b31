import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_KEY, until, withEmulator } from "./helpers";
import { freshStudioEnv, TEST_SCOPE } from "../../scripts/harness/studio-env";

// The gateway counts its requests after the first byte (no database write before it), yet still enforces the
// limit: a window this process has seen fill up is refused at once, with Retry-After.

describe("chat gateway: rate limit counted after the first byte", () => {
  const t = withEmulator({ chatFirstTokenMs: 5, chatChunkMs: 2 });
  let POST: (req: NextRequest) => Promise<Response>;
  let token = "";
  beforeAll(async () => {
    freshStudioEnv(t.emu.url, TEST_KEY, { STUDIO_RATE_CHAT_PER_MINUTE: "3" });
    ({ POST } = await import("@/app/api/v1/chat/completions/route"));
    ({ token } = await (await import("@/lib/auth/tokens")).createToken(TEST_SCOPE, "limits"));
  });
  const call = () =>
    POST(
      new NextRequest("http://studio.test/api/v1/chat/completions", {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
        body: JSON.stringify({ model: "T0106004", messages: [{ role: "user", content: "count me" }], stream: true }),
      }),
    );

  it("three answers, then 429 with Retry-After; the counts are kept and the token's last use is in the database", async () => {
    const { db } = await import("@/lib/db");
    const { limitUsed } = await import("@/lib/auth/rate-limit");
    for (let i = 0; i < 3; i++) {
      const res = await call();
      expect(res.status, `request ${i + 1}`).toBe(200);
      expect(await res.text()).toContain("[DONE]");
    }
    // Counted after each answer's first byte (in the database on PostgreSQL, in the process on SQLite).
    const counted = await until(
      () => limitUsed("chat", TEST_SCOPE.userId),
      (n) => n === 3,
      3000,
    );
    expect(counted).toBe(3);
    if (process.env.DATABASE_URL?.startsWith("postgres"))
      expect((await db().rateLimiterFlexible.findUnique({ where: { key: `chat:${TEST_SCOPE.userId}` } }))?.points).toBe(
        3,
      );
    const refused = await call();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await refused.json()).error).toMatchObject({ type: "rate_limit_error", code: "rate_limited" });
    const row = await db().apiToken.findFirst({ where: { name: "limits" } });
    expect(row?.lastUsedAt).toBeInstanceOf(Date);
  });
});
