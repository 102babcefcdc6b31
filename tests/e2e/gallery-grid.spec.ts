import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { cliAccount, runCli } from "./access-helpers";
import { expect, test } from "./fixtures";

// The grid as a person meets it: a video previews on hover and on keyboard focus (and stops on leave, never on a
// tap); a large seeded gallery scrolls far through keyset pages with no duplicates or gaps while the DOM stays a
// screenful, a deep item opens, and Back returns to the same place.

async function output(request: APIRequestContext, data: Record<string, unknown>): Promise<string> {
  const g = await (await request.post("/api/v1/generations", { data })).json();
  let asset = "";
  await expect
    .poll(
      async () => {
        const r = await (await request.get(`/api/v1/generations/${g.id}`)).json();
        asset = r.status === "succeeded" ? (r.outputs?.[0]?.assetId ?? "") : "";
        if (!asset) return false;
        const items = (await (await request.get(`/api/v1/gallery?limit=200`)).json()).items as {
          assetId: string;
          fileUrl?: string;
        }[];
        return !!items.find((i) => i.assetId === asset)?.fileUrl;
      },
      { timeout: 60_000 },
    )
    .toBe(true);
  return asset;
}

const time = (v: Locator) => v.evaluate((el: HTMLVideoElement) => el.currentTime);

test.describe("Gallery grid", () => {
  test("a video previews muted on hover and keyboard focus, stops on leave and blur, never on a tap", async ({
    page,
    request,
    browser,
  }) => {
    test.setTimeout(150_000);
    const video = await output(request, { model: "T0401001", mode: "text-to-video", prompt: "grid: a paper kite" });
    const image = await output(request, {
      model: "T0302007",
      mode: "text-to-image",
      prompt: "grid: a kite on paper",
      params: { resolution: "1K" },
    });

    await page.goto("/gallery");
    const grid = page.getByTestId("gallery-grid");
    const cell = grid.locator(`[data-testid="gallery-item"][data-asset-id="${video}"]`);
    const other = grid.locator(`[data-testid="gallery-item"][data-asset-id="${image}"]`);
    await expect(cell).toBeVisible();
    await expect(other).toBeVisible();
    // Nothing of the video loads until someone rests on it.
    await expect(grid.getByTestId("gallery-preview")).toHaveCount(0);

    const served: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes(`/api/v1/assets/${video}/file`)) served.push(r.headers()["range"] ?? "");
    });
    await cell.hover();
    const preview = cell.getByTestId("gallery-preview");
    await expect(preview).toBeVisible();
    expect(await preview.getAttribute("src")).toBe(`/api/v1/assets/${video}/file`);
    await expect.poll(() => time(preview), { timeout: 15_000 }).toBeGreaterThan(0.3);
    expect(await preview.evaluate((el: HTMLVideoElement) => ({ muted: el.muted, paused: el.paused }))).toEqual({
      muted: true,
      paused: false,
    });
    // The browser reads the original in Range pieces.
    expect(served.length).toBeGreaterThan(0);
    expect(served[0]).toMatch(/^bytes=0-/);

    // Leaving stops it: the element goes (a removed media element pauses) and the thumbnail is back.
    const handle = await preview.elementHandle();
    await page.mouse.move(5, 5);
    await expect(cell.getByTestId("gallery-preview")).toHaveCount(0);
    expect(
      await handle!.evaluate((el: HTMLVideoElement) => ({ paused: el.paused, connected: el.isConnected })),
    ).toEqual({ paused: true, connected: false });
    await handle!.dispose();

    // Keyboard: arrows move focus onto the video (it plays) and off it (it stops).
    const index = Number(await cell.getAttribute("data-index"));
    const neighbour = grid.locator(`[data-testid="gallery-item"][data-index="${index === 0 ? 1 : index - 1}"]`);
    await neighbour.focus();
    await page.keyboard.press(index === 0 ? "ArrowLeft" : "ArrowRight");
    await expect(cell).toBeFocused();
    await expect.poll(() => time(cell.getByTestId("gallery-preview")), { timeout: 15_000 }).toBeGreaterThan(0.3);
    await page.keyboard.press(index === 0 ? "ArrowRight" : "ArrowLeft");
    await expect(cell).not.toBeFocused();
    await expect(cell.getByTestId("gallery-preview")).toHaveCount(0);

    // Opening the item ends the grid's preview: the detail view has its own player.
    await cell.hover();
    await expect(cell.getByTestId("gallery-preview")).toBeVisible();
    await cell.click();
    await expect(page.getByTestId("gallery-detail")).toBeVisible();
    await expect(grid.getByTestId("gallery-preview")).toHaveCount(0);
    await page
      .getByTestId("gallery-detail")
      .getByRole("button", { name: /^(关闭|Close)$/ })
      .first()
      .click();
    await expect(page.getByTestId("gallery-detail")).toHaveCount(0);

    // The archive-state filter lives in the URL: nothing here failed to save; both outputs are saved.
    const storage = page.getByRole("combobox", { name: /^(保存状态|Storage)$/ });
    await storage.selectOption("failed");
    await expect(page).toHaveURL(/[?&]archive=failed/);
    await expect(page.getByText(/^(加载中…|Loading…)$/)).toHaveCount(0);
    await expect(cell).toHaveCount(0);
    await expect(other).toHaveCount(0);
    await storage.selectOption("archived");
    await expect(page).toHaveURL(/[?&]archive=archived/);
    await expect(cell).toBeVisible();
    await expect(other).toBeVisible();
    await page.goBack();
    await expect(page).toHaveURL(/[?&]archive=failed/);
    await expect(storage).toHaveValue("failed");

    // A touch device: a tap opens the item and no preview starts behind it.
    const phone = await browser.newContext({
      storageState: await page.context().storageState(),
      viewport: { width: 375, height: 740 },
      hasTouch: true,
      isMobile: true,
    });
    const p = await phone.newPage();
    await p.goto("/gallery");
    const tapped = p.getByTestId("gallery-grid").locator(`[data-testid="gallery-item"][data-asset-id="${video}"]`);
    await tapped.tap();
    await expect(p.getByTestId("gallery-detail")).toBeVisible();
    // Longer than the hover delay: had the tap started a preview, it would be there by now.
    await p.waitForTimeout(1000);
    await expect(tapped.getByTestId("gallery-preview")).toHaveCount(0);
    await phone.close();
  });

  test.describe("a large seeded gallery", () => {
    // Its own team, so the seeded rows never show in the other specs' galleries or searches; removed afterwards.
    const TEAM = "Gallery scroll";
    const N = 5000;
    test.beforeAll(() => {
      cliAccount("gallery-scroll@e2e.test", TEAM, "admin");
      runCli(["seed", "gallery", "--team", TEAM, "--n", String(N)]);
    });
    test.afterAll(() => {
      runCli(["seed", "gallery", "--team", TEAM, "--remove"]);
    });

    /** Index → the number in the seeded prompt ("… #k"): newest first, so index i is item N − i. */
    async function shown(page: Page): Promise<Map<number, number>> {
      const cells = await page
        .getByTestId("gallery-grid")
        .locator('[data-testid="gallery-item"]')
        .evaluateAll((els) => els.map((e) => [Number(e.getAttribute("data-index")), e.getAttribute("aria-label")]));
      return new Map(cells.map(([i, label]) => [i as number, Number(/#(\d+)$/.exec(String(label))?.[1])]));
    }

    test("scrolls far through keyset pages: no duplicates or gaps, a bounded DOM, a deep item opens, Back returns", async ({
      browser,
    }) => {
      test.setTimeout(90_000);
      const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
      const page = await ctx.newPage();
      const signIn = await page.request.post("/api/v1/auth/sign-in", {
        data: { email: "gallery-scroll@e2e.test", password: "e2e-password-long" },
      });
      expect(signIn.status()).toBe(200);
      const cursors: string[] = [];
      page.on("request", (r) => {
        const u = new URL(r.url());
        if (u.pathname === "/api/v1/gallery") cursors.push(u.searchParams.get("cursor") ?? "");
      });

      await page.goto("/gallery");
      const grid = page.getByTestId("gallery-grid");
      await expect(grid.locator('[data-testid="gallery-item"]').first()).toBeVisible();
      const seen = new Map<number, number>();
      const record = async () => {
        const now = await shown(page);
        for (const [i, k] of now) seen.set(i, k);
        // Every cell shows the item its place calls for: newest first, none twice, none skipped.
        for (const [i, k] of now) expect(k, `item at index ${i}`).toBe(N - i);
        expect(now.size).toBeLessThan(200);
        expect(now.size).toBeGreaterThan(0);
      };
      await record();

      // Scroll to the end of what is loaded, again and again: each time the next keyset page arrives.
      const loadedRows = () => grid.evaluate((el) => Number(el.getAttribute("aria-rowcount")));
      for (let step = 0; step < 6; step++) {
        const before = await loadedRows();
        await grid.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
        await expect.poll(loadedRows, { timeout: 15_000 }).toBeGreaterThan(before);
        await record();
      }
      // Far down: at least 6 pages of 120 in, every one asked for by the cursor the last one gave.
      const deepest = Math.max(...seen.keys());
      expect(deepest).toBeGreaterThan(700);
      expect(cursors[0]).toBe("");
      expect(cursors.filter(Boolean).length).toBeGreaterThanOrEqual(6);
      expect(new Set(cursors).size).toBe(cursors.length);
      expect(new Set(seen.values()).size).toBe(seen.size);

      // Settle in the middle of the loaded rows, then open an item from there.
      await grid.evaluate((el) => el.scrollTo({ top: el.scrollHeight * 0.8 }));
      await page.waitForFunction(() => {
        const g = document.querySelector('[data-testid="gallery-grid"]')!;
        const top = g.getBoundingClientRect().top;
        return [...g.querySelectorAll('[data-testid="gallery-item"]')].some(
          (e) => Math.abs(e.getBoundingClientRect().top - top) < 400,
        );
      });
      await record();
      // The first cell wholly in view.
      const index = await grid.evaluate((g) => {
        const { top, bottom } = g.getBoundingClientRect();
        const cells = [...g.querySelectorAll<HTMLElement>('[data-testid="gallery-item"]')];
        const inView = cells.find(
          (e) => e.getBoundingClientRect().top >= top && e.getBoundingClientRect().bottom <= bottom,
        );
        return Number(inView?.dataset.index ?? -1);
      });
      const target = grid.locator(`[data-testid="gallery-item"][data-index="${index}"]`);
      expect(index).toBeGreaterThan(500);
      await target.click();
      const detail = page.getByTestId("gallery-detail");
      await expect(detail).toContainText(`#${N - index}`);
      await detail
        .getByRole("button", { name: /^(关闭|Close)$/ })
        .first()
        .click();
      await expect(detail).toHaveCount(0);

      // Away (client-side, as the sidebar goes) and Back: the grid opens where it was, not at the top.
      await page.waitForTimeout(300); // the position is written 150 ms after scrolling stops
      await page.getByRole("link", { name: /^(历史|History)$/ }).click();
      await expect(page).toHaveURL(/\/history/);
      await page.goBack();
      await expect(page).toHaveURL(/\/gallery$/);
      await expect(grid.locator(`[data-testid="gallery-item"][data-index="${index}"]`)).toBeVisible();
      expect(await grid.evaluate((el) => el.scrollTop)).toBeGreaterThan(1000);
      await record();
      await ctx.close();
    });
  });
});
