import { STUDIO_URL } from "../../playwright.config";
import { cliAccount } from "./access-helpers";
import { expect, test } from "./fixtures";
import { expectReady, field, generate, generationOf, promptBox } from "./video-helpers";

// The shared gallery as a person uses it: outputs of the team appear with thumbnails, a Chinese search
// and a filter live in the URL (back works), an item opens with its prompt and can be favourited and
// tagged, "use these settings" reopens the studio — and another team sees none of it.

async function image(request: import("@playwright/test").APIRequestContext, prompt: string) {
  const g = await (
    await request.post("/api/v1/generations", {
      data: { model: "T0302007", mode: "text-to-image", prompt, params: { resolution: "1K" } },
    })
  ).json();
  await expect
    .poll(async () => (await (await request.get(`/api/v1/generations/${g.id}`)).json()).status, { timeout: 40_000 })
    .toBe("succeeded");
  return (await (await request.get(`/api/v1/generations/${g.id}`)).json()) as {
    id: string;
    outputs: { assetId: string }[];
  };
}

test.describe("Gallery", () => {
  test("search in Chinese and filter in the URL, open, favourite and tag, reuse settings; another team sees nothing", async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    // A word of this run only: a retry (or an earlier run on the same data) must not add to the counts below.
    const run = `r${Date.now().toString(36)}`;
    const catPrompt = `画廊：雪山下的橘猫 ${run}`;
    const tag = `猫咪${run}`;
    const cat = await image(request, catPrompt);
    const city = await image(request, "gallery: a neon city in the rain");
    const catAsset = cat.outputs[0].assetId;

    await page.goto("/gallery");
    const grid = page.getByTestId("gallery-grid");
    await expect(grid.locator(`[data-testid="gallery-item"][data-asset-id="${catAsset}"]`)).toBeVisible();
    // Thumbnails only in the grid: a WebP made at archive time.
    const thumb = grid.locator(`[data-testid="gallery-item"][data-asset-id="${catAsset}"] img`).first();
    await expect(thumb).toHaveAttribute("src", new RegExp(`/api/v1/assets/${catAsset}/thumbnail`));
    const thumbRes = await request.get(`/api/v1/assets/${catAsset}/thumbnail`);
    expect(thumbRes.headers()["content-type"]).toBe("image/webp");

    // Typing writes the search into the address after a pause (a new history entry), Enter then adds nothing,
    // so Back returns to the whole gallery.
    await page.getByTestId("gallery-search").fill(`橘猫 ${run}`);
    await expect(page).toHaveURL(/[?&]q=%E6%A9%98%E7%8C%AB/);
    await page.getByTestId("gallery-search").press("Enter");
    await expect(grid.locator('[data-testid="gallery-item"]')).toHaveCount(1);
    await expect(grid.locator(`[data-asset-id="${catAsset}"]`)).toBeVisible();
    await page.goBack();
    await expect(grid.locator(`[data-asset-id="${city.outputs[0].assetId}"]`)).toBeVisible();

    await grid.locator(`[data-asset-id="${catAsset}"]`).click();
    const detail = page.getByTestId("gallery-detail");
    await expect(detail).toContainText(catPrompt);
    await detail.getByRole("button", { name: /^(加入收藏|Add to favourites)$/ }).click();
    await expect(detail.getByRole("button", { name: /^(取消收藏|Remove from favourites)$/ })).toBeVisible();
    const tagBox = detail.getByLabel(/输入标签后按回车|Add a tag and press Enter/);
    await tagBox.fill(tag);
    await tagBox.press("Enter");
    await expect(detail.getByTestId("gallery-tags")).toContainText(tag);
    // The tag shows at once (optimistic); the server has it when the PATCH lands.
    const tagged = () => request.get(`/api/v1/gallery?tag=${encodeURIComponent(tag)}`).then((r) => r.json());
    await expect
      .poll(async () => (await tagged()).items.map((i: { assetId: string }) => i.assetId))
      .toEqual([catAsset]);
    const saved = await tagged();
    expect(saved.items[0]).toMatchObject({
      tags: [tag],
      prompt: catPrompt,
      creator: { name: "E2E Admin" },
    });

    await detail.getByRole("link", { name: /使用这些设置|Use these settings/ }).click();
    await expect(page).toHaveURL(new RegExp(`/image\\?from=${cat.id}`));
    await expect(page.getByRole("textbox", { name: /提示词|Prompt/ })).toHaveValue(catPrompt);

    // Another team: an empty gallery, and our asset is a 404.
    const other = cliAccount("gallery-other@e2e.test", "Gallery outsiders", "admin");
    const theirs = await (
      await fetch(`${STUDIO_URL}/api/v1/gallery?origin=all`, { headers: { Authorization: `Bearer ${other}` } })
    ).json();
    expect(theirs.items).toEqual([]);
    expect(
      (
        await fetch(`${STUDIO_URL}/api/v1/assets/${catAsset}/thumbnail`, {
          headers: { Authorization: `Bearer ${other}` },
        })
      ).status,
    ).toBe(404);
  });

  test("use as input from the detail starts a first-frame video with the image; lineage shows both directions", async ({
    page,
    request,
  }) => {
    test.setTimeout(180_000);
    const img = await image(request, "lineage: a paper lantern on a pond");
    const imgAsset = img.outputs[0].assetId;
    await page.goto(`/gallery?asset=${imgAsset}`);
    const detail = page.getByTestId("gallery-detail");
    await detail
      .getByTestId("detail-use-as-input")
      .getByText(/用作输入|Use as input/)
      .click();
    await detail.getByRole("menuitem", { name: /^(视频首帧|Video first frame)$/ }).click();
    await expect(page).toHaveURL(new RegExp(`/video\\?mode=first-frame&first_frame=${imgAsset}`));
    await expect(page.getByTestId("video-form")).toHaveAttribute("data-mode", "first-frame");
    await expectReady(page, "first_frame", 1);
    await expect(field(page, "first_frame").getByTestId("media-chip")).toContainText(/来自工作室|From the studio/);
    await promptBox(page).fill("the lantern drifts slowly");
    const card = await generate(page);
    await expect(card).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
    const gen = await generationOf(request, card);
    expect(gen.inputs).toEqual([{ role: "first_frame", position: 0, assetId: imgAsset }]);
    const videoAsset = (gen.outputs as { assetId: string; role?: string }[]).find(
      (o) => o.role !== "last_frame",
    )!.assetId;

    // The video's detail: the full generation, frame step and speed; made from the image (a click opens it); the
    // image's: used in the video, zoom and pan.
    await page.goto(`/gallery?asset=${videoAsset}`);
    await expect(detail.getByTestId("detail-generation")).toContainText(/完成于|Finished/);
    await expect(detail.getByTestId("archive-state")).toContainText(/已保存|Saved/);
    const player = detail.getByTestId("review-video");
    await expect.poll(() => player.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThan(0);
    await detail.getByTestId("review-speed").selectOption("2");
    expect(await player.evaluate((v: HTMLVideoElement) => v.playbackRate)).toBe(2);
    await detail.getByRole("button", { name: /前进一帧|One frame forward/ }).click();
    await expect.poll(() => player.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeCloseTo(1 / 24, 2);
    const from = detail.getByTestId("lineage-from").locator(`[data-asset-id="${imgAsset}"]`);
    await expect(from).toBeVisible();
    await from.click();
    await expect(page).toHaveURL(new RegExp(`asset=${imgAsset}`));
    await expect(detail.getByTestId("lineage-in").locator(`[data-asset-id="${videoAsset}"]`)).toBeVisible();
    await expect(detail.getByTestId("detail-params")).toContainText("1K");
    const zoom = detail.getByTestId("review-zoom");
    await expect(zoom).toHaveAttribute("data-scale", "1.00");
    await detail.getByRole("button", { name: /^(放大|Zoom in)$/ }).click();
    await expect(zoom).toHaveAttribute("data-scale", "1.50");
    await detail.getByTestId("review-zoom-reset").click();
    await expect(zoom).toHaveAttribute("data-scale", "1.00");
    await detail.getByTestId("lineage-in").locator(`[data-asset-id="${videoAsset}"]`).click();
    await expect(page).toHaveURL(new RegExp(`asset=${videoAsset}`));
  });
});
