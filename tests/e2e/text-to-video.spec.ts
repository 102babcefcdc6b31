import { cardOf, createdId, expect, expectVideoPlays, emulator, test } from "./fixtures";

test.describe("Video · text to video (HappyHorse)", () => {
  test("a person types a prompt, generates, watches it run and plays the stored video", async ({ page, request }) => {
    await page.goto("/video");
    await expect(page.getByText(/演示模式|Demo mode/).first()).toBeVisible();
    const since = await emulator.lastSeq();

    const prompt = page.getByRole("textbox", { name: /提示词|Prompt/ });
    await prompt.fill("一座由硬纸板和瓶盖搭建的微型城市，在夜晚焕发出生机。");
    await expect(page.getByTestId("prompt-counter")).toContainText("%");
    await page.getByRole("radio", { name: "9:16" }).check({ force: true });
    const card = cardOf(
      page,
      await createdId(page, () => page.getByRole("button", { name: /^(生成|Generate)$/ }).click()),
    );
    await expect(card).toHaveAttribute("data-status", /queued|running/);
    await expect(card.getByRole("progressbar")).toBeVisible();
    await expect(card).toHaveAttribute("data-status", "succeeded", { timeout: 30_000 });
    const src = await expectVideoPlays(page, card.getByTestId("generation-video"));
    await expect(card.getByTestId("archive-state")).toContainText(/已保存|Saved/);

    // What went upstream: exactly one create, with the watermark off (the studio's default) and the chosen ratio.
    const sent = (await emulator.requests(since)).filter((r) => r.op === "create");
    expect(sent).toHaveLength(1);
    const id = await card.getAttribute("data-generation-id");
    const gen = await (await request.get(`/api/v1/generations/${id}`)).json();
    expect(gen.params).toMatchObject({ ratio: "9:16", watermark: false, duration: 5, resolution: "1080P" });
    expect(gen.outputs[0]).toMatchObject({ kind: "video", mime: "video/mp4" });

    // The file is ours: served with Range support, not TD's expiring link.
    const ranged = await request.get(src, { headers: { Range: "bytes=0-99" } });
    expect(ranged.status()).toBe(206);
    expect(ranged.headers()["content-range"]).toMatch(/^bytes 0-99\/\d+$/);

    // And it is still there after a reload (a row in the database, a file on our storage).
    await page.reload();
    await expect(page.locator(`[data-generation-id="${id}"]`)).toHaveAttribute("data-status", "succeeded");
    await expectVideoPlays(page, page.locator(`[data-generation-id="${id}"]`).getByTestId("generation-video"));
  });

  test("an injected upstream failure is shown in plain words and the record is kept", async ({ page }) => {
    await page.goto("/video");
    await page.getByRole("textbox", { name: /提示词|Prompt/ }).fill("A storm over the sea [[fault:failed]]");
    const id = await createdId(page, () => page.keyboard.press("Control+Enter"));
    const card = cardOf(page, id);
    await expect(card).toHaveAttribute("data-status", "failed", { timeout: 30_000 });
    const error = card.getByTestId("generation-error");
    await expect(error).toContainText(/生成失败|Generation failed/);
    await expect(error).toContainText("Video generation failed");
    await expect(error).toContainText("InternalError.Algo");
    await page.reload();
    await expect(cardOf(page, id)).toHaveAttribute("data-status", "failed");
  });

  test("a prompt over the limit is refused before anything is sent", async ({ page }) => {
    await page.goto("/video");
    const since = await emulator.lastSeq();
    await page.getByRole("textbox", { name: /提示词|Prompt/ }).fill("字".repeat(2501));
    await expect(page.getByText(/2500 (个汉字|Chinese)/).first()).toBeVisible();
    await expect(page.getByRole("button", { name: /^(生成|Generate)$/ })).toBeDisabled();
    expect((await emulator.requests(since)).filter((r) => r.op === "create")).toHaveLength(0);
  });
});
