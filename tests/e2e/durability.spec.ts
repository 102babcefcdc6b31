import { emulator, expect, expectVideoPlays, test } from "./fixtures";
import { StudioProcess } from "./studio-process";

test.describe("Durable generations", () => {
  test("a generation survives a killed server: it finishes after the restart and its video plays", async ({ page }) => {
    test.setTimeout(160_000);
    await emulator.configure({ taskSeconds: 8 });
    const studio = new StudioProcess("restart", 3190);
    try {
      await studio.start();
      await studio.signInAdmin(page.context());
      await page.goto(`${studio.url}/video`);
      await page.getByRole("textbox", { name: /提示词|Prompt/ }).fill("A lighthouse in a storm, filmed from a boat");
      await page.getByRole("button", { name: /^(生成|Generate)$/ }).click();
      const card = page.getByTestId("generation-card").first();
      await expect(card).toHaveAttribute("data-status", /queued|running/);
      const id = await card.getAttribute("data-generation-id");

      studio.kill(); // mid-task, while the upstream task still runs
      await studio.start();

      await page.goto(`${studio.url}/history`);
      const row = page.locator(`[data-testid="history-row"][data-generation-id="${id}"]`);
      // A create cut by the kill is resolved only after its lease and stuck-submit window (the call's longest time + 30 s).
      await expect(row).toHaveAttribute("data-status", "succeeded", { timeout: 80_000 });
      await expect(row.getByTestId("archive-state")).toContainText(/已保存|Saved/);
      await page.goto(`${studio.url}/video`);
      await expectVideoPlays(page, page.locator(`[data-generation-id="${id}"]`).getByTestId("generation-video"));
      // The restart did not send the task twice.
      const creates = (await emulator.requests()).filter((r) => r.op === "create" && r.status === 200);
      const ours = await (await page.request.get(`${studio.url}/api/v1/generations/${id}`)).json();
      expect(creates.filter((r) => r.taskId === ours.upstreamTaskId)).toHaveLength(1);
    } finally {
      studio.kill();
      await emulator.configure({ taskSeconds: 2 });
    }
  });

  test("an output that cannot be downloaded is shown truthfully, with TD's link expiry", async ({ page }) => {
    await page.goto("/video");
    await page.getByRole("textbox", { name: /提示词|Prompt/ }).fill("Save me if you can [[fault:download]]");
    await page.getByRole("button", { name: /^(生成|Generate)$/ }).click();
    const card = page.getByTestId("generation-card").first();
    // TD finished, but the output is not on our storage: the generation stays in its "saving" phase (a
    // succeeded generation always has readable files) and says why, with TD's link expiry.
    const state = card.getByTestId("archive-state");
    await expect(state).toContainText(/保存失败|Could not save/, { timeout: 30_000 });
    await expect(card).toHaveAttribute("data-status", "running");
    await expect(card).toContainText(/正在保存|Saving output/);
    await expect(state).toContainText(/HTTP 500/);
    await expect(state).toContainText(/小时|h \d+ min/);
    await expect(card.getByTestId("generation-video")).toHaveCount(0);
    const id = await card.getAttribute("data-generation-id");

    await page.goto("/history");
    await expect(
      page.locator(`[data-testid="history-row"][data-generation-id="${id}"]`).getByTestId("archive-state"),
    ).toContainText(/保存失败|Could not save/);
  });
});
