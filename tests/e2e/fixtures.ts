import { test as base, expect, type Page } from "@playwright/test";
import { EMULATOR_URL, STUDIO_URL } from "../../playwright.config";
import { adminToken } from "./auth-helpers";

export interface EmulatorRequest {
  seq: number;
  method: string;
  path: string;
  family: string;
  op?: string;
  model?: string;
  taskId?: string;
  status?: number;
  fault?: string;
}

/** The emulator's request log: what the studio really sent upstream. */
export const emulator = {
  async requests(since = 0): Promise<EmulatorRequest[]> {
    const r = await fetch(`${EMULATOR_URL}/__emulator/requests?since=${since}`);
    return ((await r.json()) as { requests: EmulatorRequest[] }).requests;
  },
  async lastSeq(): Promise<number> {
    const all = await emulator.requests();
    return all.length ? all[all.length - 1].seq : 0;
  },
  async configure(opts: Record<string, number>) {
    await fetch(`${EMULATOR_URL}/__emulator/config`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(opts),
    });
  },
};

/** Wait until the <video> has loaded real media from the studio (not TD) and can play. */
export async function expectVideoPlays(page: Page, locator = page.getByTestId("generation-video").first()) {
  await expect(locator).toBeVisible();
  const src = await locator.getAttribute("src");
  expect(src).toMatch(/^\/api\/v1\/assets\/[0-9a-f-]+\/file$/);
  await expect
    .poll(() => locator.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 15_000 })
    .toBeGreaterThanOrEqual(2);
  await locator.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    return v.play();
  });
  // Playing means the clock moves: wait for that state rather than a fixed time.
  await expect
    .poll(() => locator.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 })
    .toBeGreaterThan(0);
  const played = await locator.evaluate((v: HTMLVideoElement) => ({
    duration: v.duration,
    width: v.videoWidth,
    error: v.error?.code ?? null,
  }));
  expect(played.error).toBeNull();
  expect(played.duration).toBeGreaterThan(1);
  expect(played.width).toBeGreaterThan(0);
  return src!;
}

type Answer = Awaited<ReturnType<Page["goto"]>>;
async function waitHydrated(page: Page, res: Answer): Promise<Answer> {
  if (res && !/text\/html/.test(res.headers()["content-type"] ?? "")) return res;
  // Only the studio's own pages (a Next.js page carries self.__next_f); a test's stand-in for another site does not.
  await page.waitForFunction(
    () => !("__next_f" in self) || document.documentElement.dataset.hydrated === "true",
    null,
    { timeout: 20_000 },
  );
  return res;
}

/**
 * Press what creates a generation (`act`) and answer the id the create answered with. Finding "the first card"
 * instead races the page's own list: an earlier result may still be the first card when the test looks.
 */
export async function createdId(page: Page, act: () => Promise<unknown>): Promise<string> {
  const [created] = await Promise.all([
    page.waitForResponse(
      (r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/api/v1/generations",
      { timeout: 30_000 },
    ),
    act(),
  ]);
  expect(created.status(), await created.text()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

/** A generation's card (any page's: video, image, speech) by its id. */
export const cardOf = (page: Page, id: string) => page.locator(`[data-generation-id="${id}"]`).first();

/**
 * Pages run as the admin made by the global setup (its cookie); `request` calls the REST API with the
 * admin's API token, as a script would.
 */
export const test = base.extend({
  // goto and reload answer once the page has hydrated (components/providers.tsx marks <html>): a click or a
  // keystroke before that reaches the HTML but not React, and a test racing it fails now and then.
  page: async ({ page }, provide) => {
    const goto = page.goto.bind(page);
    const reload = page.reload.bind(page);
    page.goto = async (...args: Parameters<Page["goto"]>) => waitHydrated(page, await goto(...args));
    page.reload = async (...args: Parameters<Page["reload"]>) => waitHydrated(page, await reload(...args));
    await provide(page);
  },
  request: async ({ playwright }, provide) => {
    const ctx = await playwright.request.newContext({
      baseURL: STUDIO_URL,
      extraHTTPHeaders: { Authorization: `Bearer ${adminToken()}` },
    });
    await provide(ctx);
    await ctx.dispose();
  },
});
export { expect };
