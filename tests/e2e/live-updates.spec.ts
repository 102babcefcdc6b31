import { emulator, expect, test } from "./fixtures";

// The pages learn about status changes from the team's event stream (GET /api/v1/events), not by polling:
// a generation's whole life reaches two open tabs while neither polls for it.

test.describe("Live updates over the team's event stream", () => {
  test.afterEach(async () => emulator.configure({ taskSeconds: 2 }));

  test("the history page follows a generation from queued to succeeded in two tabs, with polling effectively off", async ({
    page,
    context,
    request,
  }) => {
    // Long enough that polling (every 1.5 s while something runs) would have fetched the list several times.
    await emulator.configure({ taskSeconds: 8 });
    const second = await context.newPage();
    const tabs = [page, second].map((p) => {
      const seen = { streams: 0, reads: [] as string[] };
      p.on("request", (r) => {
        const u = new URL(r.url());
        if (u.pathname === "/api/v1/events") seen.streams++;
        else if (u.pathname.startsWith("/api/v1/generations") && r.method() === "GET") seen.reads.push(u.pathname);
      });
      return { p, seen };
    });
    for (const { p } of tabs) {
      await p.goto("/history");
      await expect(p.locator("[data-live]")).toHaveAttribute("data-live", "on");
      await p.waitForTimeout(500); // let the first list read settle
    }
    const before = tabs.map((t) => t.seen.reads.length);

    const g = await (
      await request.post("/api/v1/generations", {
        data: { model: "T0401001", mode: "text-to-video", prompt: "live: a lantern drifting over a dark river" },
      })
    ).json();
    const started = Date.now();
    for (const { p } of tabs) {
      const row = p.locator(`[data-generation-id="${g.id}"]`);
      await expect(row).toBeVisible();
      await expect(row).toHaveAttribute("data-status", "running");
    }
    for (const { p } of tabs)
      await expect(p.locator(`[data-generation-id="${g.id}"]`)).toHaveAttribute("data-status", "succeeded", {
        timeout: 30_000,
      });
    expect(Date.now() - started).toBeGreaterThan(6000);

    for (const [i, t] of tabs.entries()) {
      // The new record, running, progress, saving and succeeded all arrived inside the events: the tab read
      // nothing from the API meanwhile (no list refetch, no record polled).
      expect(t.seen.reads.slice(before[i]), `tab ${i + 1} reads`).toEqual([]);
      expect(t.seen.streams, `tab ${i + 1} streams`).toBe(1);
    }
  });
});
