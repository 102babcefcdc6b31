import { emulator, expect, test } from "./fixtures";

// The prompt helper on the Video page, and the public OpenAI-compatible gateway it talks through.

test.describe("Chat · prompt helper and gateway", () => {
  test("Video page: improve a draft with a chat model, edit the suggestion, accept it; discard leaves the draft alone", async ({
    page,
  }) => {
    await page.goto("/video");
    const prompt = page.getByRole("textbox", { name: /提示词|Prompt/ }).first();
    await prompt.fill("a paper boat on a rainy street");
    await page.getByTestId("prompt-helper-open").click();
    const helper = page.getByTestId("prompt-helper");
    await helper.getByRole("radio", { name: /GPT-5\.4/ }).check({ force: true });
    const since = await emulator.lastSeq();
    await helper.getByRole("button", { name: /开始优化|^Improve$/ }).click();
    const result = page.getByTestId("prompt-helper-result");
    await expect(result).toBeVisible({ timeout: 30_000 });
    await expect(result).toHaveValue(/a paper boat on a rainy street/);
    await expect(prompt).toHaveValue("a paper boat on a rainy street"); // nothing changes before accept
    const sent = (await emulator.requests(since)).filter((r) => r.op === "chat");
    expect(sent).toEqual([expect.objectContaining({ model: "T0310001", status: 200 })]);

    await result.fill("A paper boat drifts down a rain-soaked street at dusk, low tracking shot.");
    await page.getByTestId("prompt-helper-accept").click();
    await expect(prompt).toHaveValue("A paper boat drifts down a rain-soaked street at dusk, low tracking shot.");
    await expect(helper).toBeHidden();

    await page.getByTestId("prompt-helper-open").click();
    await page
      .getByTestId("prompt-helper")
      .getByRole("button", { name: /开始优化|^Improve$/ })
      .click();
    await expect(page.getByTestId("prompt-helper-result")).toBeVisible({ timeout: 30_000 });
    await page
      .getByTestId("prompt-helper")
      .getByRole("button", { name: /放弃|Discard/ })
      .click();
    await expect(prompt).toHaveValue("A paper boat drifts down a rain-soaked street at dusk, low tracking shot.");
  });

  test("the gateway answers OpenAI clients: completion, SSE stream, and errors in OpenAI's shape", async ({
    request,
  }) => {
    const done = await request.post("/api/v1/chat/completions", {
      data: { model: "T0310001", messages: [{ role: "user", content: "你好" }], max_tokens: 1000 },
    });
    expect(done.status()).toBe(200);
    expect(await done.json()).toMatchObject({
      object: "chat.completion",
      choices: [{ message: { role: "assistant" }, finish_reason: "stop" }],
    });

    const stream = await request.post("/api/v1/chat/completions", {
      data: {
        model: "T0106004",
        messages: [{ role: "user", content: "hello" }],
        stream: true,
        stream_options: { include_usage: true },
      },
    });
    expect(stream.headers()["content-type"]).toMatch(/^text\/event-stream/);
    expect(stream.headers()["cache-control"]).toBe("no-cache, no-transform");
    expect(stream.headers()["content-encoding"]).toBeUndefined();
    const body = await stream.text();
    expect(body.trim().endsWith("data: [DONE]")).toBe(true);
    expect(body).toContain('"usage":{"prompt_tokens"');

    const unknown = await request.post("/api/v1/chat/completions", {
      data: { model: "gpt-4o", messages: [{ role: "user", content: "hi" }] },
    });
    expect(unknown.status()).toBe(404);
    expect(await unknown.json()).toEqual({
      error: {
        message: expect.stringContaining("T0106004"),
        type: "invalid_request_error",
        code: "model_not_found",
        param: "model",
      },
    });
    const limited = await request.post("/api/v1/chat/completions", {
      data: { model: "T0106004", messages: [{ role: "user", content: "hi [[fault:429]]" }] },
    });
    expect(limited.status()).toBe(429);
    expect((await limited.json()).error.type).toBe("rate_limit_error");
  });

  test("a token's call takes the production server's fast lane (none under next dev), a browser session's goes through Next; both answer alike", async ({
    request,
    page,
  }) => {
    const production = !process.env.E2E_DEV; // `next dev` serves the gateway through Next only
    const body = { model: "T0106004", messages: [{ role: "user", content: "which lane" }], stream: true };
    const viaToken = await request.post("/api/v1/chat/completions", { data: body });
    await page.goto("/video"); // the browser context's session cookie
    const viaSession = await page.request.post("/api/v1/chat/completions", { data: body });
    for (const [res, lane] of [
      [viaToken, production],
      [viaSession, false],
    ] as const) {
      expect(res.status()).toBe(200);
      const h = res.headers();
      expect(h["server-timing"]).toMatch(/auth;dur=.*total;dur=/);
      expect(h["server-timing"].includes('lane;desc="direct"')).toBe(lane);
      expect(h["content-type"]).toMatch(/^text\/event-stream/);
      expect(h["x-content-type-options"]).toBe("nosniff");
      expect(h["x-frame-options"]).toBe("SAMEORIGIN");
      expect((await res.text()).trim().endsWith("data: [DONE]")).toBe(true);
    }
    // The lane is the route's handler: the same checks, the same OpenAI-shaped errors.
    const tooMany = await request.post("/api/v1/chat/completions", { data: { ...body, n: 2 } });
    expect(tooMany.status()).toBe(400);
    expect((await tooMany.json()).error).toMatchObject({ code: "unsupported_parameter", param: "n" });
  });
});
