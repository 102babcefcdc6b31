import type { APIRequestContext, Locator, Page } from "@playwright/test";
import sharp from "sharp";
import { cardOf, createdId, emulator, expect, test } from "./fixtures";

// Image page (GPT Image-2, T0302007) against the emulator: what a person does, what TD received, what the studio kept.

const creates = async (since: number) =>
  (await emulator.requests(since)).filter((r) => r.op === "create" && r.model === "T0302007");
const generate = (page: Page) => page.getByRole("button", { name: /^(生成|Generate)( \d+|.*张)?$/ });
const png = (color: string) =>
  sharp({ create: { width: 320, height: 320, channels: 3, background: color } })
    .png()
    .toBuffer();

/** The stored image is shown from the studio's storage and has really loaded. */
async function expectImage(card: Locator) {
  const img = card.getByTestId("image-output");
  await expect(img).toBeVisible();
  expect(await img.getAttribute("src")).toMatch(/^\/api\/v1\/assets\/[0-9a-f-]+\/file$/);
  // Result images load lazily: a card below the fold (a long results list) is fetched once it is scrolled to.
  await img.scrollIntoViewIfNeeded();
  await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBeGreaterThan(0);
}

async function finishedImage(request: APIRequestContext, prompt: string) {
  const created = await (
    await request.post("/api/v1/generations", {
      data: { model: "T0302007", mode: "text-to-image", prompt, params: { resolution: "1K" } },
    })
  ).json();
  await expect
    .poll(
      async () =>
        (await (await request.get(`/api/v1/generations/${created.id}`)).json()).outputs[0]?.asset.archiveState,
      { timeout: 30_000 },
    )
    .toBe("archived");
  return (await (await request.get(`/api/v1/generations/${created.id}`)).json()) as {
    id: string;
    outputs: { assetId: string }[];
  };
}

test.describe("Image · GPT Image-2", () => {
  test("text → image: options as shapes and tiers, progress from the job, the stored image in full size", async ({
    page,
    request,
  }) => {
    await page.goto("/image");
    const since = await emulator.lastSeq();
    await page.getByRole("textbox", { name: /^(提示词|Prompt)/ }).fill("A lighthouse made of paper, dusk");
    await page.getByRole("radio", { name: /^(最佳|Best)/ }).check({ force: true });
    await page.getByRole("radio", { name: "16:9" }).check({ force: true });
    await page.getByRole("radio", { name: "1K" }).check({ force: true });
    const card = cardOf(page, await createdId(page, () => generate(page).click()));
    await expect(card.getByRole("progressbar")).toBeVisible();
    await expect(card).toHaveAttribute("data-status", "succeeded", { timeout: 30_000 });
    await expectImage(card);
    expect(await creates(since)).toHaveLength(1);
    const id = await card.getAttribute("data-generation-id");
    const gen = await (await request.get(`/api/v1/generations/${id}`)).json();
    expect(gen.params).toMatchObject({
      quality: "high",
      aspectRatio: "16:9",
      resolution: "1K",
      personGeneration: "AllowAdult",
      enhancePrompt: false,
      priority: 0,
    });
    expect(gen.outputs[0].asset).toMatchObject({ width: 1024, height: 576, archiveState: "archived" });

    await card.getByRole("button", { name: /查看原图|View full size/ }).click();
    const box = page.getByTestId("lightbox");
    await expect(box).toBeVisible();
    await expect.poll(() => box.locator("img").evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(1024);
    await page.keyboard.press("Escape");
    await expect(box).toHaveCount(0);

    // "Use as input" toward the Video page carries the asset id.
    await card.getByText(/用作输入|Use as input/).click();
    await expect(card.getByRole("menuitem", { name: /视频首帧|Video first frame/ })).toHaveAttribute(
      "href",
      `/video?mode=first-frame&first_frame=${gen.outputs[0].assetId}`,
    );
    await expect(card.getByRole("menuitem", { name: /视频尾帧|Video last frame/ })).toHaveAttribute(
      "href",
      `/video?mode=first-last-frame&last_frame=${gen.outputs[0].assetId}`,
    );
  });

  test("image → image with a studio asset as reference", async ({ page, request }) => {
    const source = await finishedImage(request, "a red paper boat");
    await page.goto("/image");
    const since = await emulator.lastSeq();
    const card = page.locator(`[data-generation-id="${source.id}"]`);
    // The card is its own chunk and hydrates after the page: a click on it before that does not reach React.
    await expect(card).toHaveAttribute("data-hydrated", "true");
    await card.getByText(/用作输入|Use as input/).click();
    await card.getByRole("menuitem", { name: /作为新图的参考图|Reference for a new image/ }).click();
    await expect(page.getByRole("radio", { name: /^(图生图|Image to image)$/ })).toBeChecked();
    const refs = page.getByTestId("input-reference_image");
    await expect(refs.getByTestId("media-chip")).toHaveCount(1);
    await page.getByRole("textbox", { name: /^(提示词|Prompt)/ }).fill("the same boat, at night");
    const made = cardOf(page, await createdId(page, () => generate(page).click()));
    await expect(made).not.toHaveAttribute("data-generation-id", source.id);
    await expect(made).toHaveAttribute("data-status", "succeeded", { timeout: 30_000 });
    await expectImage(made);
    const gen = await (
      await request.get(`/api/v1/generations/${await made.getAttribute("data-generation-id")}`)
    ).json();
    expect(gen.mode).toBe("image-to-image");
    expect(gen.inputs).toEqual([{ role: "reference_image", position: 0, assetId: source.outputs[0].assetId }]);
    expect(await creates(since)).toHaveLength(1);
  });

  test("a variation batch: the same prompt with N seeds, run together", async ({ page, request }) => {
    await page.goto("/image");
    const since = await emulator.lastSeq();
    await page.getByRole("textbox", { name: /^(提示词|Prompt)/ }).fill("variations of a glass teapot");
    await page.getByRole("combobox", { name: /^(张数|Images)/ }).selectOption("3");
    await generate(page).click();
    const cards = page.getByTestId("image-card").filter({ hasText: "variations of a glass teapot" });
    await expect(cards).toHaveCount(3);
    for (const c of await cards.all()) await expect(c).toHaveAttribute("data-status", "succeeded", { timeout: 30_000 });
    expect(await creates(since)).toHaveLength(3);
    const seeds = await Promise.all(
      (await cards.all()).map(
        async (c) =>
          (await (await request.get(`/api/v1/generations/${await c.getAttribute("data-generation-id")}`)).json()).params
            .seed,
      ),
    );
    expect(new Set(seeds).size).toBe(3);

    // "Run again" repeats exactly the same settings.
    const first = cards.first();
    const before = await emulator.lastSeq();
    const original = await (
      await request.get(`/api/v1/generations/${await first.getAttribute("data-generation-id")}`)
    ).json();
    await first.getByRole("button", { name: /^(重新生成|Run again)$/ }).click();
    await expect(page.getByTestId("image-card").filter({ hasText: "variations of a glass teapot" })).toHaveCount(4);
    const again = await (
      await request.get(
        `/api/v1/generations/${await page.getByTestId("image-card").first().getAttribute("data-generation-id")}`,
      )
    ).json();
    expect(again.params).toEqual(original.params);
    expect(await creates(before)).toHaveLength(1);
  });

  test("a 4th reference image is refused in the browser; nothing is sent upstream", async ({ page }) => {
    await page.goto("/image");
    const since = await emulator.lastSeq();
    await page.getByRole("radio", { name: /^(图生图|Image to image)$/ }).check({ force: true });
    const refs = page.getByTestId("input-reference_image");
    const files = await Promise.all(
      ["#aa3333", "#33aa33", "#3333aa", "#aaaa33"].map(async (c, i) => ({
        name: `ref-${i + 1}.png`,
        mimeType: "image/png",
        buffer: await png(c),
      })),
    );
    await refs.locator('input[type="file"]').setInputFiles(files);
    await expect(refs.getByTestId("input-notice")).toContainText("ref-4.png");
    await expect(refs.getByTestId("input-notice")).toContainText("3");
    await expect(refs.getByTestId("media-chip")).toHaveCount(3);
    expect(await creates(since)).toHaveLength(0);
  });
});
