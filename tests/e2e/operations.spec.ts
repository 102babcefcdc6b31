import { studioEnv } from "../../playwright.config";
import { adminToken } from "./auth-helpers";
import { expect, test } from "./fixtures";

// The operations endpoints on the production server: what a load balancer and Prometheus see.
test.describe("Operations: health, readiness, metrics", () => {
  test("health and readiness answer without a caller; a proxy's request id comes back", async ({ request }) => {
    const live = await request.get("/api/health", { headers: { "X-Request-Id": "nginx-e2e-0001" } });
    expect(live.status()).toBe(200);
    expect(live.headers()["x-request-id"]).toBe("nginx-e2e-0001");
    const ready = await request.get("/api/health/ready");
    expect(ready.status()).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ok", failed: [], checks: { td: { ok: true } } });
  });

  test("metrics: a studio token is refused; the metrics token reads the generation just made", async ({ request }) => {
    const asStudioToken = await request.get("/api/metrics", { headers: { Authorization: `Bearer ${adminToken()}` } });
    expect(asStudioToken.status()).toBe(401);
    const created = await request.post("/api/v1/generations", {
      headers: { Authorization: `Bearer ${adminToken()}` },
      data: { model: "T0401001", mode: "text-to-video", prompt: "operations: a kite over a beach" },
    });
    expect(created.status()).toBe(201);
    const auth = { Authorization: `Bearer ${studioEnv.STUDIO_METRICS_TOKEN}` };
    await expect(async () => {
      const res = await request.get("/api/metrics", { headers: auth });
      expect(res.status()).toBe(200);
      const text = await res.text();
      expect(text).toMatch(/^studio_td_calls_total\{family="dashscope",outcome="ok"\} [1-9]/m);
      expect(text).toMatch(/^studio_generations_active\{status="running",phase="none"\} \d+/m);
      expect(text).toMatch(/^studio_archive_backlog\{state="temporary"\} \d+/m);
    }).toPass({ timeout: 15_000 });
  });
});
