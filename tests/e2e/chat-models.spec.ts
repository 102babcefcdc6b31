import type { Page } from "@playwright/test";
import sharp from "sharp";
import { emulator, expect, test } from "./fixtures";

// Chat: DeepSeek looks at an image, and a conversation survives a switch of model.

const answers = (page: Page) => page.locator('[data-testid="message"][data-role="assistant"]');

async function ask(page: Page, text: string) {
  const box = page.getByTestId("composer-input");
  await box.fill(text);
  await box.press("Enter");
}

test.describe("Chat · models", () => {
  test("an image question to DeepSeek: checked, uploaded, sent with its detail, and answered about", async ({
    page,
  }) => {
    await page.goto("/chat");
    await expect(page.getByTestId("model-select")).toHaveValue("T0106004");

    // Something that is not an image or a video is refused at once, before any upload.
    await page
      .getByTestId("composer-file")
      .setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") });
    await expect(page.getByTestId("composer-error")).toContainText(/notes\.txt/);

    const png = await sharp({ create: { width: 640, height: 360, channels: 3, background: "#2f6fb0" } })
      .png()
      .toBuffer();
    await page.getByTestId("composer-file").setInputFiles({ name: "frame.png", mimeType: "image/png", buffer: png });
    const chip = page.getByTestId("media-chip");
    await expect(chip).toHaveAttribute("data-state", "ready");
    await expect(chip).toContainText("640×360");
    await page.getByRole("radio", { name: /^(高|High)$/ }).check({ force: true });

    const since = await emulator.lastSeq();
    await ask(page, "图片主要讲了什么?");
    const answer = answers(page).last();
    await expect(answer).toHaveAttribute("data-state", "done", { timeout: 30_000 });
    // The emulator describes what reached it: one image, read at "high" detail.
    await expect(answer.getByTestId("message-content")).toContainText("1 张图片（精细度：high）");
    const question = page.locator('[data-testid="message"][data-role="user"]').last();
    await expect(question.getByTestId("message-attachment")).toHaveAttribute("data-kind", "image");
    await expect(question.getByRole("img")).toBeVisible();
    const sent = (await emulator.requests(since)).filter((r) => r.op === "chat");
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ model: "T0106004", status: 200 });

    // Any studio asset can be attached too: the picker lists the image uploaded above.
    await page.getByRole("button", { name: /添加图片或视频|Attach images or videos/ }).click();
    await page.getByRole("menuitem", { name: /从工作室选择图片|Choose an image from the studio/ }).click();
    await page.getByTestId("asset-picker").getByTestId("picker-item").first().click();
    await expect(page.getByTestId("media-chip")).toHaveAttribute("data-state", "ready");
    await expect(page.getByTestId("media-chip")).toContainText(/来自工作室|From the studio/);
    await page
      .getByTestId("media-chip")
      .getByRole("button", { name: /移除|Remove/ })
      .click();
    await expect(page.getByTestId("media-chip")).toHaveCount(0);

    // GPT-5.4 reads text only: the page says the image will not be sent, and nothing can be attached.
    await page.getByTestId("model-select").selectOption("T0310001");
    await expect(page.getByTestId("text-only-notice")).toBeVisible();
    await expect(page.getByRole("button", { name: /添加图片或视频|Attach images or videos/ })).toBeDisabled();

    await page.reload();
    await expect(page.locator('[data-testid="message"][data-role="user"]').last().getByRole("img")).toBeVisible();
  });

  test("switching models keeps the conversation: the history goes to the new model", async ({ page, request }) => {
    await page.goto("/chat");
    await ask(page, "Remember the word lighthouse.");
    await expect(answers(page).last()).toHaveAttribute("data-state", "done", { timeout: 30_000 });
    await expect(answers(page).last()).toContainText(/DeepSeek/);

    await page.getByTestId("model-select").selectOption("T0310001");
    const since = await emulator.lastSeq();
    await ask(page, "Which word did I ask you to remember?");
    await expect(answers(page)).toHaveCount(2);
    const second = answers(page).last();
    await expect(second).toHaveAttribute("data-state", "done", { timeout: 30_000 });
    await expect(second).toContainText("GPT-5.4 (TD emulator)");
    await expect(page.locator('[data-testid="message"]')).toHaveCount(4);
    await expect(page.locator('[data-testid="message"]').first()).toContainText("Remember the word lighthouse.");
    const sent = (await emulator.requests(since)).filter((r) => r.op === "chat");
    expect(sent.map((r) => r.model)).toEqual(["T0310001"]);

    const id = new URL(page.url()).searchParams.get("c")!;
    const stored = await (await request.get(`/api/v1/conversations/${id}`)).json();
    expect(stored.model).toBe("T0310001");
    expect(stored.messages.map((m: { model?: string }) => m.model ?? "user")).toEqual([
      "user",
      "T0106004",
      "user",
      "T0310001",
    ]);
    // GPT-5.4's prompt counted the whole history, not only the last question.
    expect(stored.messages[3].usage.promptTokens).toBeGreaterThan(stored.messages[1].usage.promptTokens);

    await page.reload();
    await expect(page.getByTestId("model-select")).toHaveValue("T0310001");
    await expect(page.locator('[data-testid="message"]')).toHaveCount(4);
  });
});
