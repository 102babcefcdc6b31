import type { Page } from "@playwright/test";
import { emulator, expect, test } from "./fixtures";

// Chat: an answer streams in progressively, thinking is folded apart, Stop keeps what arrived, and a reload
// shows exactly what the database holds.

const lastAnswer = (page: Page) => page.locator('[data-testid="message"][data-role="assistant"]').last();

async function ask(page: Page, text: string) {
  const box = page.getByTestId("composer-input");
  await box.fill(text);
  await box.press("Enter");
}

test.describe("Chat · streaming", () => {
  test("an answer appears progressively, thinking is folded apart, and a reload shows the stored conversation", async ({
    page,
    request,
  }) => {
    await page.goto("/chat");
    await expect(page.getByText(/想聊点什么|What shall we talk about/)).toBeVisible();
    await ask(page, "Explain a dolly zoom [[slow:60]]");

    const answer = lastAnswer(page);
    const content = answer.getByTestId("message-content");
    const reasoning = answer.getByTestId("reasoning");
    // Thinking comes first (DeepSeek's default), folded: its text is not on screen.
    await expect(reasoning).toBeVisible();
    await expect(answer).toHaveAttribute("data-state", "streaming");
    await expect(reasoning).toHaveJSProperty("open", false);
    await expect(answer.getByTestId("reasoning-text")).toBeHidden();

    // The answer grows while the message is still streaming: two intermediate states, not only the end.
    await expect.poll(async () => (await content.innerText()).length, { timeout: 20_000 }).toBeGreaterThan(20);
    const early = (await content.innerText()).length;
    await expect(answer).toHaveAttribute("data-state", "streaming");
    await expect.poll(async () => (await content.innerText()).length).toBeGreaterThan(early + 30);
    await expect(answer).toHaveAttribute("data-state", "streaming");
    await expect(page.getByTestId("stop")).toBeVisible();

    await expect(answer).toHaveAttribute("data-state", "done", { timeout: 30_000 });
    await expect(answer).toHaveAttribute("data-finish", "stop");
    const finalText = (await content.textContent()) ?? "";
    expect(finalText.length).toBeGreaterThan(early + 30);
    await expect(content.getByTestId("code-block")).toContainText('print(f"You asked: {question}")');
    await expect(answer.getByTestId("usage")).toContainText(/\d+/);

    // Thinking opens on demand and stays apart from the answer.
    await reasoning.locator("summary").click();
    await expect(answer.getByTestId("reasoning-text")).toContainText("dolly zoom");
    expect(finalText).not.toContain("First I pin down what matters");

    // The conversation is in the database and in the address: a reload shows it as stored.
    await expect(page).toHaveURL(/\/chat\?c=[0-9a-f-]{36}$/);
    const id = new URL(page.url()).searchParams.get("c")!;
    const stored = await (await request.get(`/api/v1/conversations/${id}`)).json();
    expect(stored.title).toBe("Explain a dolly zoom [[slow:60]]");
    expect(stored.messages.map((m: { role: string }) => m.role)).toEqual(["user", "assistant"]);
    expect(stored.messages[1]).toMatchObject({ finishReason: "stop", model: "T0106004" });
    expect(stored.messages[1].reasoning).toContain("dolly zoom");

    await page.reload();
    const again = lastAnswer(page);
    await expect(again).toHaveAttribute("data-state", "done");
    await expect(again.getByTestId("message-content")).toHaveText(finalText);
    await expect(again.getByTestId("reasoning")).toHaveJSProperty("open", false);
    await expect(page.getByTestId("conversation-item").filter({ hasText: "Explain a dolly zoom" })).toBeVisible();
  });

  test("Stop mid-stream aborts TD's request and keeps the partial answer, also after a reload", async ({ page }) => {
    await page.goto("/chat");
    await ask(page, "Write me a long story [[slow:80]]");
    const answer = lastAnswer(page);
    const content = answer.getByTestId("message-content");
    await expect.poll(async () => (await content.innerText()).length, { timeout: 20_000 }).toBeGreaterThan(15);
    await page.getByTestId("stop").click();

    await expect(answer).toHaveAttribute("data-finish", "stopped");
    await expect(answer).toHaveAttribute("data-state", "done");
    await expect(answer.getByTestId("message-outcome")).toContainText(/已停止|Stopped/);
    const partial = (await answer.getByTestId("message-content").textContent()) ?? "";
    expect(partial.length).toBeGreaterThan(15);
    // The emulator's answer ends with this line: a stopped answer never gets there.
    expect(partial).not.toContain("Ask a follow-up question");
    // TD saw the connection close before the answer was complete (nginx's 499).
    await expect.poll(async () => (await emulator.requests()).filter((r) => r.op === "chat").at(-1)?.status).toBe(499);
    await expect(page.getByTestId("send")).toBeVisible();

    await page.reload();
    const stored = lastAnswer(page);
    await expect(stored).toHaveAttribute("data-finish", "stopped");
    await expect(stored.getByTestId("message-content")).toHaveText(partial);
  });
});
