import { cliAccount } from "./access-helpers";
import { emulator, expect, test } from "./fixtures";

// Spend end to end: the operator sets prices (Settings → Spend) and a small budget for a team of its own (so
// no other spec meets it); its member sees the estimate follow duration and resolution, generates until the
// budget refuses with a message naming it, and the usage dashboard shows what was spent.

const MEMBER = "spend-member@e2e.test";
const TEAM = "Spend team";

test.describe("Spend: prices, estimates, budget, usage", () => {
  test.describe.configure({ mode: "serial" });

  test("operator sets prices in Settings; the REST table is the new version", async ({ page, request }) => {
    await page.goto("/settings/spend");
    const add = page.getByRole("button", { name: /添加价格|Add a price/ });
    // HappyHorse text to video (the catalog's first model): 1 CNY a second, 2 at 1080P.
    for (const [price, when] of [
      ["1", ""],
      ["2", "resolution=1080P"],
    ]) {
      await add.click();
      const row = page.getByTestId("price-row").last();
      await row.locator('select[name="model"]').selectOption("T0401001");
      await row.locator('select[name="unit"]').selectOption("video_second");
      await row.locator('input[name="when"]').fill(when);
      await row.locator('input[name="price"]').fill(price);
    }
    await page.getByRole("button", { name: /保存价格|Save prices/ }).click();
    await expect(page.getByRole("status")).toContainText(/已保存为新版本|Saved as a new version/);
    const prices = await (await request.get("/api/v1/prices")).json();
    expect(prices.items).toEqual(
      expect.arrayContaining([
        { model: "T0401001", unit: "video_second", price: 1 },
        { model: "T0401001", unit: "video_second", price: 2, when: { resolution: "1080P" } },
      ]),
    );
    expect(prices.version).toBeTruthy();
  });

  test("a member sees the estimate follow the settings, generates until the budget refuses, then sees the spend", async ({
    browser,
    request,
  }) => {
    test.setTimeout(120_000);
    cliAccount(MEMBER, TEAM, "member");
    const teams = await (await request.get("/api/v1/teams")).json();
    const team = teams.items.find((t: { name: string }) => t.name === TEAM);
    // The operator gives that team a small monthly budget: 12 CNY (four 3-second 720P clips).
    const put = await request.put(`/api/v1/budgets?teamId=${team.id}`, { data: { team: { monthly: 12 } } });
    expect(put.status()).toBe(200);
    expect((await put.json()).team).toMatchObject({ monthly: 12 });

    const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await ctx.newPage();
    expect(
      (
        await page.request.post("/api/v1/auth/sign-in", { data: { email: MEMBER, password: "e2e-password-long" } })
      ).status(),
    ).toBe(200);
    await page.goto("/video");
    const estimate = page.getByTestId("spend-estimate");
    // Defaults: 5 s at 1080P → 10 CNY.
    await expect(estimate).toContainText(/5 (视频秒|video seconds)/);
    await expect(estimate).toContainText("10.00");
    await page.getByRole("radio", { name: "720P" }).check({ force: true });
    await expect(estimate).toContainText("5.00");
    await page.locator('input[name="duration"]').fill("3");
    await expect(estimate).toContainText(/3 (视频秒|video seconds)/);
    await expect(estimate).toContainText("3.00");

    const since = await emulator.lastSeq();
    const prompt = page.getByRole("textbox", { name: /提示词|Prompt/ });
    const generate = page.getByRole("button", { name: /^(生成|Generate)$/ });
    for (let i = 1; i <= 4; i++) {
      await prompt.fill(`spend run ${i}: a paper lantern drifting`);
      await generate.click();
      await expect(page.getByTestId("generation-card")).toHaveCount(i, { timeout: 20_000 });
    }
    await prompt.fill("spend run 5: one too many");
    await generate.click();
    const refused = page.getByTestId("submit-error");
    await expect(refused).toContainText(/团队月度|team's monthly/);
    await expect(refused).toContainText(/只剩 0 CNY|has 0 CNY of 12 CNY left/);
    // Four creates reached TD; the fifth never left the studio.
    expect((await emulator.requests(since)).filter((r) => r.op === "create")).toHaveLength(4);
    await expect(page.getByTestId("generation-card").first().getByTestId("spend-line")).toBeVisible();

    await page.goto("/settings/usage");
    await expect(page.getByTestId("usage-total-generations")).toContainText("4");
    await expect(page.getByTestId("usage-total-cost")).toContainText("12.00");
    await expect(page.getByTestId("usage-table")).toBeVisible();
    await page.getByRole("radio", { name: /按模型|Model/ }).check({ force: true });
    await expect(page.getByTestId("usage-table")).toContainText("HappyHorse");
    // Over time by week: this run's four generations in one row (the week's Monday).
    await page.getByRole("radio", { name: /按时间|Time/ }).check({ force: true });
    await page.getByRole("radio", { name: /按周|Week/ }).check({ force: true });
    await expect(page.getByTestId("usage-table").locator("tbody tr")).toHaveCount(1);
    await expect(page.getByTestId("usage-table").locator("tbody tr")).toContainText("12.00");
    // The costliest generations, each a link to its record.
    const top = page.getByTestId("usage-top-link");
    await expect(top).toHaveCount(4);
    await top.first().click();
    await expect(page).toHaveURL(/\/history\?id=/);
    await expect(page.getByTestId("history-row")).toHaveCount(1);
    await expect(page.getByTestId("history-row")).toContainText("spend run");
    await ctx.close();
  });

  test("the budget refusal over REST is 402 with the documented shape", async ({ request }) => {
    const token = cliAccount("spend-api@e2e.test", TEAM, "member");
    const create = await request.fetch("/api/v1/generations", {
      method: "POST",
      headers: { Authorization: `Bearer ${token}` },
      data: { model: "T0401001", mode: "text-to-video", prompt: "over the budget", params: { duration: 3 } },
    });
    expect(create.status()).toBe(402);
    const body = await create.json();
    expect(body.error).toMatchObject({ code: "budget_exceeded", budget: "team_monthly", limit: 12, remaining: 0 });
    expect(typeof body.error.message).toBe("string");
  });
});
