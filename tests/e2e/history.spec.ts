import { expect, test } from "./fixtures";

test.describe("History", () => {
  test("lists generations newest first with live status, filters them, and retries a failure", async ({
    page,
    request,
  }) => {
    const ok = await (
      await request.post("/api/v1/generations", {
        data: { model: "T0401001", mode: "text-to-video", prompt: "history: a calm lake at dawn" },
      })
    ).json();
    const bad = await (
      await request.post("/api/v1/generations", {
        data: { model: "T0401001", mode: "text-to-video", prompt: "history: doomed [[fault:failed]]" },
      })
    ).json();
    await page.goto("/history");
    const rows = page.getByTestId("history-row");
    await expect(rows.first()).toHaveAttribute("data-generation-id", bad.id);
    await expect(page.locator(`[data-generation-id="${ok.id}"]`)).toHaveAttribute("data-status", "succeeded", {
      timeout: 30_000,
    });
    await expect(page.locator(`[data-generation-id="${bad.id}"]`)).toHaveAttribute("data-status", "failed");

    await page.getByRole("combobox", { name: /状态|Status/ }).selectOption("failed");
    await expect(page).toHaveURL(/status=failed/);
    await expect(page.locator(`[data-generation-id="${ok.id}"]`)).toHaveCount(0);
    await expect(page.locator(`[data-generation-id="${bad.id}"]`)).toBeVisible();

    await page
      .locator(`[data-generation-id="${bad.id}"]`)
      .getByRole("button", { name: /重试|Retry/ })
      .click();
    await page.getByRole("combobox", { name: /状态|Status/ }).selectOption("");
    await expect
      .poll(
        async () =>
          (await (await request.get("/api/v1/generations?status=failed")).json()).items.filter(
            (g: { prompt: string }) => g.prompt === bad.prompt,
          ).length,
        { timeout: 20_000 },
      )
      .toBe(2);
  });

  test("filters that match nothing say so, and the API rejects a bad filter with a JSON error", async ({
    page,
    request,
  }) => {
    await page.goto("/history?status=expired&model=T0401004");
    await expect(page.getByText(/没有符合筛选条件的记录|Nothing matches these filters/)).toBeVisible();
    const r = await request.get("/api/v1/generations?status=bogus");
    expect(r.status()).toBe(400);
    expect((await r.json()).error).toMatchObject({ code: "invalid_request", field: "status" });
  });
});
