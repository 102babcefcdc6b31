import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { expect } from "./fixtures";

// Shared by versions.spec.ts and review.spec.ts: a generation waited for, a re-run as a new version from the gallery,
// and compare's synchronised playback.

/** Wait for generation `id` to succeed → its main output's asset id (not a last-frame still). */
export async function outputOf(request: APIRequestContext, id: string): Promise<string> {
  await expect
    .poll(async () => (await (await request.get(`/api/v1/generations/${id}`)).json()).status, { timeout: 60_000 })
    .toBe("succeeded");
  const done = await (await request.get(`/api/v1/generations/${id}`)).json();
  return (done.outputs as { assetId: string; role?: string }[]).find((o) => o.role !== "last_frame")!.assetId;
}

export async function generate(request: APIRequestContext, data: Record<string, unknown>) {
  const g = await (await request.post("/api/v1/generations", { data })).json();
  return outputOf(request, g.id);
}

/**
 * From `asset`'s detail in the gallery, "use these settings" opens the video studio with "add as a new version" on;
 * the prompt becomes `prompt` and it runs → the new version's asset id.
 */
export async function rerunAsVersion(page: Page, request: APIRequestContext, asset: string, prompt: string) {
  await page.goto(`/gallery?asset=${asset}`);
  await page
    .getByTestId("gallery-detail")
    .getByRole("link", { name: /使用这些设置|Use these settings/ })
    .click();
  await expect(page).toHaveURL(new RegExp(`/video\\?from=.*&version=${asset}`));
  await expect(page.getByTestId("version-option").getByRole("switch")).toHaveAttribute("aria-checked", "true");
  const box = page.getByRole("textbox", { name: /提示词|Prompt/ }).first();
  // The earlier run's prompt is filled in first; then it is edited.
  await expect(box).not.toHaveValue("");
  await box.fill(prompt);
  const created = page.waitForResponse(
    (r) => r.url().endsWith("/api/v1/generations") && r.request().method() === "POST",
  );
  await page.getByRole("button", { name: /^(生成|Generate)$/ }).click();
  const body = await (await created).json();
  expect(body.versionOf).toBe(asset);
  return outputOf(request, body.id);
}

export const videoTime = (v: Locator) => v.evaluate((el: HTMLVideoElement) => el.currentTime);

/** Compare's two videos: loaded, then played with the shared button they advance together within 0.3 s; paused. */
export async function expectComparePlaysInSync(page: Page) {
  const view = page.getByTestId("compare-view");
  const [left, right] = [view.getByTestId("compare-video").nth(0), view.getByTestId("compare-video").nth(1)];
  for (const v of [left, right])
    await expect
      .poll(() => v.evaluate((el: HTMLVideoElement) => el.readyState), { timeout: 45_000 })
      .toBeGreaterThanOrEqual(2);
  await view.getByTestId("compare-play").click();
  await expect.poll(() => videoTime(left), { timeout: 15_000 }).toBeGreaterThan(0.3);
  const start = await videoTime(right);
  for (let i = 0; i < 3; i++) {
    const [a, b] = await Promise.all([videoTime(left), videoTime(right)]);
    expect(Math.abs(a - b)).toBeLessThan(0.3);
    await page.waitForTimeout(150);
  }
  expect(await videoTime(right)).toBeGreaterThan(start);
  await view.getByTestId("compare-play").click();
  await expect.poll(() => right.evaluate((el: HTMLVideoElement) => el.paused)).toBe(true);
  expect(await left.evaluate((el: HTMLVideoElement) => el.paused)).toBe(true);
  return { view, left, right };
}
