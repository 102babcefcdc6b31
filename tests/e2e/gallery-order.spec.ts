import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// Issue 12's last gaps as a person meets them: a board reordered by dragging, by Alt+arrow and by the tile's
// buttons (the order survives a reload); speech tiles show a waveform; speech goes to the clone form as its sample,
// an image to a chat question as its attachment.

async function made(request: APIRequestContext, data: Record<string, unknown>): Promise<string> {
  const g = await (await request.post("/api/v1/generations", { data })).json();
  await expect
    .poll(async () => (await (await request.get(`/api/v1/generations/${g.id}`)).json()).status, { timeout: 40_000 })
    .toBe("succeeded");
  await expect
    .poll(
      async () =>
        (await (await request.get(`/api/v1/generations/${g.id}`)).json()).outputs[0]?.asset?.archiveState as string,
      { timeout: 40_000 },
    )
    .toBe("archived");
  return (await (await request.get(`/api/v1/generations/${g.id}`)).json()).outputs[0].assetId as string;
}
const image = (request: APIRequestContext, prompt: string) =>
  made(request, { model: "T0302007", mode: "text-to-image", prompt, params: { resolution: "1K" } });
const speech = (request: APIRequestContext, prompt: string) =>
  made(request, { model: "T0311001", mode: "speech", prompt, params: { durationSeconds: 3 } });

const shown = (page: Page) =>
  page
    .getByTestId("gallery-grid")
    .getByTestId("gallery-item")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-asset-id")));
const stored = async (request: APIRequestContext, board: string) =>
  ((await (await request.get(`/api/v1/gallery?board=${board}`)).json()).items as { assetId: string }[]).map(
    (i) => i.assetId,
  );

test.describe("Gallery: board order, speech tiles, use as input", () => {
  test("a board is reordered by drag, Alt+arrow and the tile's buttons; the order is kept", async ({
    page,
    request,
  }) => {
    test.setTimeout(180_000);
    const [a, b, c] = await Promise.all(
      ["order: a kite", "order: a boat", "order: a bell"].map((p) => image(request, p)),
    );
    const board = (await (await request.post("/api/v1/boards", { data: { name: `order ${Date.now()}` } })).json()).id;
    await request.post(`/api/v1/boards/${board}/items`, { data: { assetIds: [a, b, c] } });
    await page.goto(`/gallery?board=${board}`);
    await expect.poll(() => shown(page)).toEqual([a, b, c]);
    await expect(page.getByLabel(/排序|Sort/)).toHaveValue("position");

    // Drag the first onto the last: it goes last.
    const grid = page.getByTestId("gallery-grid");
    await grid.locator(`[data-asset-id="${a}"]`).dragTo(grid.locator(`[data-asset-id="${c}"]`));
    await expect.poll(() => shown(page)).toEqual([b, c, a]);
    await expect.poll(() => stored(request, board)).toEqual([b, c, a]);

    // Keyboard: the focused item moves earlier with Alt+←, and keeps the focus.
    await grid.locator(`[data-asset-id="${a}"]`).focus();
    await page.keyboard.press("Alt+ArrowLeft");
    await expect.poll(() => shown(page)).toEqual([b, a, c]);
    await expect(grid.locator(`[data-asset-id="${a}"]`)).toBeFocused();
    await expect.poll(() => stored(request, board)).toEqual([b, a, c]);

    // The tile's own button (what a phone uses).
    const tile = grid.locator(`[data-asset-id="${c}"]`);
    await tile.hover();
    await tile.getByTestId("move-earlier").click();
    await expect.poll(() => stored(request, board)).toEqual([b, c, a]);
    await page.reload();
    await expect.poll(() => shown(page)).toEqual([b, c, a]);

    // Another sort is a view, not the order: no dragging there.
    await page.getByLabel(/排序|Sort/).selectOption("newest");
    await expect(page).toHaveURL(/sort=newest/);
    await expect(grid.locator(`[data-asset-id="${a}"]`)).toHaveAttribute("draggable", "false");
  });

  test("speech tiles show a waveform; speech opens the clone form as its sample, an image a chat attachment", async ({
    page,
    request,
  }) => {
    test.setTimeout(180_000);
    const [voice, img] = await Promise.all([
      speech(request, "A waveform for the grid, please."),
      image(request, "attach: a red umbrella"),
    ]);
    await page.goto("/gallery?kind=audio");
    const tile = page.getByTestId("gallery-grid").locator(`[data-asset-id="${voice}"]`);
    const wave = tile.getByTestId("waveform");
    await expect(wave).toHaveClass(/opacity-100/);
    expect(await wave.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(400);

    await page.goto(`/gallery?asset=${voice}`);
    const detail = page.getByTestId("gallery-detail");
    await detail
      .getByTestId("detail-use-as-input")
      .getByText(/用作输入|Use as input/)
      .click();
    await detail.getByRole("menuitem", { name: /^(作为音色复刻样本|Sample for a cloned voice)$/ }).click();
    await expect(page).toHaveURL(new RegExp(`/speech\\?voice_sample=${voice}`));
    const sample = page.getByTestId("clone-sample");
    await expect(sample).toBeVisible();
    await expect(sample).toContainText(voice.slice(0, 8));

    await page.goto(`/gallery?asset=${img}`);
    await detail
      .getByTestId("detail-use-as-input")
      .getByText(/用作输入|Use as input/)
      .click();
    await detail.getByRole("menuitem", { name: /^(作为对话附件|Attach to a chat question)$/ }).click();
    await expect(page).toHaveURL(new RegExp(`/chat\\?attach=${img}`));
    await expect(page.getByTestId("composer-attachments").getByTestId("media-chip")).toHaveCount(1);
  });
});
