import { emulator, expect, test } from "./fixtures";

// An experiment as a person runs one: a template × values on two variants of GPT Image-2 (the e2e emulator's
// tasks take ~2 s), the estimate before anything is sent, the grid filling in, a blind vote per row, the names
// revealed, the winner's settings reopened in the Image studio, and two cells promoted to a new board.

test.describe("Experiments", () => {
  test("build a template experiment, estimate, run, watch the grid, vote blind, reveal, use the winner, promote two cells", async ({
    page,
    request,
  }) => {
    test.setTimeout(150_000);
    const run = `r${Date.now().toString(36)}`;
    await page.goto("/experiments");
    await page
      .getByRole("link", { name: /^(新建实验|New experiment)$/ })
      .first()
      .click();
    await expect(page).toHaveURL(/\/experiments\/new$/, { timeout: 60_000 });
    const builder = page.getByTestId("experiment-builder");

    await builder.getByTestId("experiment-name").fill(`e2e ${run}`);
    await builder.getByTestId("prompt-template").fill(`一只{动物}在{地点} ${run}`);
    await builder.getByTestId("variable-动物").fill("猫, 狗");
    await builder.getByTestId("variable-地点").fill("海边");
    await expect(builder.getByTestId("rows-preview").locator("li")).toHaveText([
      `1一只猫在海边 ${run}`,
      `2一只狗在海边 ${run}`,
    ]);

    // Two variants of one model: low and high quality, 1K.
    await builder.getByTestId("add-variant").click();
    const cards = builder.getByTestId("variant-card");
    await expect(cards).toHaveCount(2);
    for (const [i, quality] of [
      [0, "low"],
      [1, "high"],
    ] as const) {
      const card = cards.nth(i);
      await expect(card.getByTestId("variant-model")).toHaveValue("T0302007|text-to-image");
      await card.locator("summary").click();
      await card.locator(`input[name="quality"][value="${quality}"]`).check({ force: true });
      await card.locator('input[name="resolution"][value="1K"]').check({ force: true });
      await expect(card.locator(`input[name="quality"][value="${quality}"]`)).toBeChecked();
    }
    // The first card kept its own choice (each variant's radio groups are its own).
    await expect(cards.nth(0).locator('input[name="quality"][value="low"]')).toBeChecked();
    await expect(builder.getByTestId("cells-line")).toContainText("4");

    // The estimate is a dry run: nothing goes upstream until the run is confirmed.
    const before = await emulator.lastSeq();
    await builder.getByTestId("experiment-estimate-button").click();
    const estimate = builder.getByTestId("experiment-estimate");
    await expect(estimate.getByTestId("estimate-cells")).toHaveText("4");
    await expect(estimate.getByTestId("estimate-units")).not.toBeEmpty();
    await expect(estimate.getByTestId("estimate-time")).not.toBeEmpty();
    expect((await emulator.requests(before)).filter((r) => r.op === "create")).toHaveLength(0);

    await estimate.getByTestId("experiment-run").click();
    await expect(page).toHaveURL(/\/experiments\/(?!new)[^/?]+$/, { timeout: 60_000 });
    const id = new URL(page.url()).pathname.split("/").pop()!;

    // The grid fills in: 2 rows × 2 columns, every cell done with its image, time shown.
    const grid = page.getByTestId("experiment-grid");
    await expect(grid.getByTestId("variant-header")).toHaveCount(2);
    await expect(grid.getByTestId("experiment-row")).toHaveCount(2);
    await expect(grid.getByTestId("experiment-cell")).toHaveCount(4);
    await expect(grid.locator('[data-testid="experiment-cell"][data-status="succeeded"]')).toHaveCount(4, {
      timeout: 60_000,
    });
    await expect(grid.locator('[data-testid="experiment-cell"] img')).toHaveCount(4);
    const creates = (await emulator.requests(before)).filter((r) => r.op === "create");
    expect(creates).toHaveLength(4);
    expect(creates.every((r) => r.model === "T0302007")).toBe(true);

    // Blind: names hidden, pick per row; after the vote the row's names show.
    await page.getByText(/^(盲投|Blind vote)$/).click();
    const rows = page.getByTestId("blind-row");
    await expect(rows).toHaveCount(2);
    await expect(page.getByTestId("blind-revealed")).toHaveCount(0);
    for (let r = 0; r < 2; r++) {
      const row = rows.nth(r);
      await row.getByTestId("blind-pick").first().click();
      await expect(row).toHaveAttribute("data-voted", "true");
      await expect(row.getByTestId("blind-revealed")).toHaveCount(2);
    }
    await expect(page.getByTestId("blind-progress")).toContainText("2");

    // Reveal → results: two votes pooled, one winner (or a draw between both).
    await page.getByTestId("blind-reveal").click();
    const results = page.getByTestId("experiment-results");
    await expect(results.getByTestId("result-row")).toHaveCount(2);
    await expect(results.locator('[data-testid="result-row"][data-winner="true"]').first()).toBeVisible();
    const res = await (await request.get(`/api/v1/experiments/${id}/results`)).json();
    expect(res.totalVotes).toBe(2);

    // Keep the winner: its settings open the Image studio filled in.
    const use = results.getByTestId("use-winner");
    const href = (await use.getAttribute("href"))!;
    const genId = new URL(href, "http://x").searchParams.get("from")!;
    const gen = await (await request.get(`/api/v1/generations/${genId}`)).json();
    await use.click();
    await expect(page).toHaveURL(/\/image\?from=/, { timeout: 60_000 });
    await expect(page.locator('textarea[name="prompt"]')).toHaveValue(gen.prompt);
    expect(gen.prompt).toContain(run);
    // The Image studio's quality tiles (low / medium / high): the winner's quality is the one chosen.
    await expect(page.locator(`input[type="radio"][value="${gen.params.quality}"]`)).toBeChecked();

    // Promote two cells to a new board.
    await page.goto(`/experiments/${id}`);
    const select = page.getByTestId("cell-select");
    await expect(select).toHaveCount(4);
    await select.nth(0).check();
    await select.nth(3).check();
    await expect(page.getByTestId("compare-cells")).toHaveAttribute("href", /\/gallery\/compare\?ids=[^,]+,[^,]+$/);
    const bar = page.getByTestId("selection-bar");
    await bar.getByTestId("promote-board").selectOption("__new");
    const boardName = `实验 ${run}`;
    await bar.getByTestId("promote-board-name").fill(boardName);
    await bar.getByTestId("promote").click();
    await expect(bar.getByTestId("promote-done")).toBeVisible();
    const boards = (await (await request.get("/api/v1/boards")).json()) as {
      items: { name: string; itemCount: number }[];
    };
    expect(boards.items.find((b) => b.name === boardName)?.itemCount).toBe(2);
  });

  test("a library prompt used in the Image studio unchanged counts the generation under its version", async ({
    page,
    request,
  }) => {
    const run = `p${Date.now().toString(36)}`;
    const created = await request.post("/api/v1/prompts", {
      data: { name: `library ${run}`, body: `一座纸做的城市 ${run}` },
    });
    expect(created.status()).toBe(201);
    const prompt = (await created.json()) as { id: string; latest: { id: string; version: number } };

    await page.goto(`/prompts?id=${prompt.id}`);
    await page
      .getByTestId("prompt-detail")
      .getByRole("link", { name: /^(用于图片|Use in Image|在图片中使用)$/ })
      .click();
    await expect(page).toHaveURL(/\/image\?prompt=.*promptVersion=/, { timeout: 60_000 });
    await expect(page.getByRole("textbox", { name: /^(提示词|Prompt)/ })).toHaveValue(`一座纸做的城市 ${run}`);
    await page.getByRole("button", { name: /^(生成|Generate)( \d+|.*张)?$/ }).click();

    // The generation names the version it used; the library counts it there.
    await expect
      .poll(
        async () => {
          const p = (await (await request.get(`/api/v1/prompts/${prompt.id}`)).json()) as {
            versions?: { id: string; used: number }[];
          };
          return p.versions?.find((v) => v.id === prompt.latest.id)?.used ?? 0;
        },
        { timeout: 30_000 },
      )
      .toBe(1);
  });
});
