import type { Page } from "@playwright/test";
import { emulator, expect, test } from "./fixtures";

// Chat: failures as the docs define them are shown in plain words, in the conversation, and stored.

const lastAnswer = (page: Page) => page.locator('[data-testid="message"][data-role="assistant"]').last();

async function ask(page: Page, text: string) {
  const box = page.getByTestId("composer-input");
  await box.fill(text);
  await box.press("Enter");
}

test.describe("Chat · errors", () => {
  test("an injected 429 is shown in plain words with TD's code, kept after a reload", async ({ page }) => {
    await page.goto("/chat");
    await ask(page, "Hello there [[fault:429]]");
    const answer = lastAnswer(page);
    await expect(answer).toHaveAttribute("data-error-kind", "rateLimited");
    const outcome = answer.getByTestId("message-outcome");
    await expect(outcome).toContainText(/请求太频繁|Too many requests/);
    await expect(outcome).toContainText(/稍等片刻|Wait a moment/);
    await expect(answer.getByTestId("error-detail")).toContainText("HTTP 429");
    await expect(answer.getByTestId("error-detail")).toContainText("RateLimitExceeded.EndpointRPMExceeded");
    // The question is kept, and so is the composer's readiness for the next try.
    await expect(page.locator('[data-testid="message"][data-role="user"]')).toContainText("Hello there");
    await expect(page.getByTestId("composer-input")).toHaveValue("");

    await page.reload();
    await expect(lastAnswer(page)).toHaveAttribute("data-error-kind", "rateLimited");
    await expect(lastAnswer(page).getByTestId("message-outcome")).toContainText(/请求太频繁|Too many requests/);
  });

  test("a content_filter ending is shown truthfully, with the part before it kept", async ({ page, request }) => {
    await page.goto("/chat");
    await ask(page, "Tell me about the sea [[fault:content_filter]]");
    const answer = lastAnswer(page);
    await expect(answer).toHaveAttribute("data-finish", "content_filter", { timeout: 30_000 });
    await expect(answer.getByTestId("message-outcome")).toContainText(/内容审核拦截|Content moderation stopped/);
    const partial = await answer.getByTestId("message-content").innerText();
    expect(partial).toContain("DeepSeek-v3.2 (TD emulator)");
    expect(partial).not.toContain("Ask a follow-up question");
    const id = new URL(page.url()).searchParams.get("c")!;
    const stored = await (await request.get(`/api/v1/conversations/${id}`)).json();
    expect(stored.messages[1]).toMatchObject({ finishReason: "content_filter" });
    expect(stored.messages[1].content.length).toBeGreaterThan(10);
  });

  test("a broken stream keeps the partial answer and says so; sensitive input is named as such", async ({ page }) => {
    await page.goto("/chat");
    // GPT-5.4 answers without thinking by default, so the break falls inside the answer text.
    await page.getByTestId("model-select").selectOption("T0310001");
    await ask(page, "Describe a harbour [[fault:drop]]");
    const answer = lastAnswer(page);
    await expect(answer).toHaveAttribute("data-error-kind", "network", { timeout: 30_000 });
    await expect(answer.getByTestId("message-outcome")).toContainText(/回答中途断开了|The answer broke off/);
    await expect(answer.getByTestId("message-outcome")).toContainText(
      /部分回答保留|part of the answer that arrived is kept/,
    );

    await ask(page, "Something risky [[fault:sensitive]]");
    await expect(lastAnswer(page)).toHaveAttribute("data-error-kind", "sensitive");
    await expect(lastAnswer(page).getByTestId("message-outcome")).toContainText(/安全审核|safety check/);
    await expect(lastAnswer(page).getByTestId("error-detail")).toContainText("InputTextRiskDetection");
  });

  test("a setting out of range is named, and nothing is sent", async ({ page }) => {
    await page.goto("/chat");
    await page.getByTestId("settings-toggle").click();
    const settings = page.getByTestId("chat-settings");
    await settings.getByRole("spinbutton", { name: /温度|Temperature/ }).fill("3");
    await expect(settings).toContainText("temperature must be at most 2");
    const since = await emulator.lastSeq();
    await page.getByTestId("composer-input").fill("Hello");
    await page.getByTestId("send").click();
    await expect(page.getByTestId("composer-error")).toContainText(/超出范围|out of range/);
    await expect(page.getByTestId("composer-input")).toHaveValue("Hello");
    expect((await emulator.requests(since)).filter((r) => r.op === "chat")).toHaveLength(0);
  });
});
