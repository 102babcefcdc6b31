import { STUDIO_URL } from "../../playwright.config";
import { cliAccount } from "./access-helpers";
import { expect, test } from "./fixtures";
import { expectComparePlaysInSync, generate, rerunAsVersion, videoTime as time } from "./version-helpers";

// Version stacks and compare as a person uses them: A makes a video, reopens its settings from the gallery and runs
// it again as a new version (v2); the gallery shows the stack once with its badge; the detail lists v2 over v1 with
// what changed; compare plays both in step, a seek on one side moves both, each side has its own sound; two images
// compare with a slider; another team's asset is a 404.

test.describe("Versions and compare", () => {
  test("re-run as a new version, the stack in the grid and the detail, compare v1/v2 playing in sync", async ({
    page,
    request,
  }) => {
    test.setTimeout(300_000);
    const prompt = "versions: a kite over the dunes";
    const v1 = await generate(request, {
      model: "T0401001",
      mode: "text-to-video",
      prompt,
      params: { duration: 5 },
    });

    // "Use these settings" from the gallery offers "add as a new version", on; it runs as v2.
    const v2 = await rerunAsVersion(page, request, v1, `${prompt} at dusk`);

    // The grid shows the stack once, by v2, with the badge.
    await page.goto("/gallery");
    const grid = page.getByTestId("gallery-grid");
    const tile = grid.locator(`[data-testid="gallery-item"][data-asset-id="${v2}"]`);
    await expect(tile.getByTestId("version-badge")).toHaveText("v2 · 2");
    await expect(grid.locator(`[data-testid="gallery-item"][data-asset-id="${v1}"]`)).toHaveCount(0);
    // The "every version" switch lists v1 as well, in the URL; Back hides it again.
    await page.getByRole("switch", { name: /显示所有版本|Every version/ }).click();
    await expect(page).toHaveURL(/[?&]versions=all/);
    await expect(grid.locator(`[data-testid="gallery-item"][data-asset-id="${v1}"]`)).toBeVisible();
    await page.goBack();
    await expect(grid.locator(`[data-testid="gallery-item"][data-asset-id="${v1}"]`)).toHaveCount(0);

    // The detail: v2 over v1, what changed, then compare with v1.
    await tile.click();
    const stack = page.getByTestId("gallery-detail").getByTestId("version-stack");
    await expect(stack.getByTestId("version-row")).toHaveCount(2);
    await expect(stack.getByTestId("version-row").first()).toHaveAttribute("data-version", "2");
    await expect(stack.getByTestId("version-changes")).toContainText(`${prompt} at dusk`);
    // v1's own detail (its comments) opens from the stack.
    await stack.getByRole("button", { name: /打开 v1|Open v1/ }).click();
    await expect(page).toHaveURL(new RegExp(`asset=${v1}`));
    await expect(page.getByTestId("version-row").nth(1)).toHaveAttribute("data-version", "1");
    await page.getByTestId("compare-previous").click();
    await expect(page).toHaveURL(new RegExp(`/gallery/compare\\?ids=${v1},${v2}`));

    // Play: both advance together and stay within 0.3 s of each other (the emulator's clips are 3 s long).
    const { view, left, right } = await expectComparePlaysInSync(page);
    await expect(view.getByTestId("compare-diff")).toContainText(`${prompt} at dusk`);
    // Per-side sound: the left is heard, the right muted until its toggle.
    expect(await left.evaluate((el: HTMLVideoElement) => el.muted)).toBe(false);
    expect(await right.evaluate((el: HTMLVideoElement) => el.muted)).toBe(true);
    await view.getByTestId("compare-mute").nth(1).click();
    expect(await right.evaluate((el: HTMLVideoElement) => el.muted)).toBe(false);
    await view.getByTestId("compare-mute").nth(0).click();
    expect(await left.evaluate((el: HTMLVideoElement) => el.muted)).toBe(true);

    // A seek on one side seeks both; so does the shared position.
    await right.evaluate((el: HTMLVideoElement) => (el.currentTime = 2.2));
    await expect.poll(async () => Math.abs((await time(left)) - 2.2)).toBeLessThan(0.3);
    await view.getByTestId("compare-seek").fill("1");
    await expect.poll(async () => Math.abs((await time(right)) - 1)).toBeLessThan(0.3);
    expect(Math.abs((await time(left)) - 1)).toBeLessThan(0.3);

    // S switches to the slider and back; the videos keep their place.
    await view.focus();
    await page.keyboard.press("s");
    await expect(view).toHaveAttribute("data-layout", "slider");
    expect(Math.abs((await time(left)) - 1)).toBeLessThan(0.3);
    await page.keyboard.press("s");
    await expect(view).toHaveAttribute("data-layout", "side");

    // Another team: the stack and the compare page are 404s.
    const other = cliAccount("versions-other@e2e.test", "Versions outsiders", "admin");
    const res = await fetch(`${STUDIO_URL}/api/v1/assets/${v1}/versions`, {
      headers: { Authorization: `Bearer ${other}` },
    });
    expect(res.status).toBe(404);
  });

  test("two images from a gallery selection compare with a slider", async ({ page, request }) => {
    test.setTimeout(180_000);
    const image = (prompt: string) =>
      generate(request, { model: "T0302007", mode: "text-to-image", prompt, params: { resolution: "1K" } });
    const a = await image("versions: a red door");
    const b = await image("versions: a blue door");
    await page.goto("/gallery");
    const grid = page.getByTestId("gallery-grid");
    await grid.locator(`[data-testid="gallery-item"][data-asset-id="${a}"]`).click({ modifiers: ["ControlOrMeta"] });
    await grid.locator(`[data-testid="gallery-item"][data-asset-id="${b}"]`).click({ modifiers: ["ControlOrMeta"] });
    await page.getByTestId("selection-compare").click();
    await expect(page).toHaveURL(/\/gallery\/compare\?ids=/);
    const view = page.getByTestId("compare-view");
    await expect(view.getByTestId("compare-side")).toHaveCount(2);
    await expect(view.getByTestId("compare-diff")).toContainText("versions: a blue door");
    await view.getByText(/^(滑块|Slider)$/).click();
    await expect(view).toHaveAttribute("data-layout", "slider");
    const slider = view.getByTestId("compare-slider");
    await slider.fill("25");
    // The second image shows right of the handle: its clip starts at 25 %.
    await expect(view.getByTestId("compare-side").nth(1)).toHaveAttribute("style", /inset\(0(px)? 0(px)? 0(px)? 25%\)/);
    await slider.focus();
    await page.keyboard.press("ArrowRight");
    await expect(slider).toHaveValue("26");
    await page.keyboard.press("s");
    await expect(view).toHaveAttribute("data-layout", "side");
  });
});
