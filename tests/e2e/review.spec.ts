import { STUDIO_URL } from "../../playwright.config";
import { cliAccount } from "./access-helpers";
import { expect, test } from "./fixtures";

// Team review as two people do it, in two browsers: A (the admin who made a video) and B (a reviewer). B pins a
// comment at 2.5 s with a rectangle and mentions A; A's bell shows it without a reload, the inbox link opens the
// video at 2.5 s with the rectangle drawn; A replies and resolves; B requests changes and the history shows it;
// a person of another team reaches none of it.

test.describe("Review", () => {
  test("comment at 2.5 s with a rectangle and a mention, the bell, the deep link, reply, resolve, decision, history; another team reaches nothing", async ({
    page,
    request,
    browser,
  }) => {
    test.setTimeout(300_000);
    const gen = await (
      await request.post("/api/v1/generations", {
        data: {
          model: "T0401001",
          mode: "text-to-video",
          prompt: "review: a lighthouse in fog",
          params: { duration: 5 },
        },
      })
    ).json();
    await expect
      .poll(async () => (await (await request.get(`/api/v1/generations/${gen.id}`)).json()).status, { timeout: 60_000 })
      .toBe("succeeded");
    const assetId = (await (await request.get(`/api/v1/generations/${gen.id}`)).json()).outputs[0].assetId as string;
    // A's own "generation finished" notification is read first, so the mention is the one new thing.
    await request.post("/api/v1/notifications/read", { data: { all: true } });

    // A has a page open before anything happens: the bell must change without a reload.
    await page.goto("/history");
    const bell = page.getByTestId("notification-bell").first();
    await expect(bell).toHaveAttribute("data-unread", "0");

    cliAccount("reviewer-b@e2e.test", "E2E", "reviewer");
    const bCtx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const b = await bCtx.newPage();
    expect(
      (
        await b.request.post("/api/v1/auth/sign-in", {
          data: { email: "reviewer-b@e2e.test", password: "e2e-password-long" },
        })
      ).status(),
    ).toBe(200);
    await b.goto(`/gallery?asset=${assetId}`);
    const detail = b.getByTestId("gallery-detail");
    const video = detail.getByTestId("review-video");
    await expect
      .poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 45_000 })
      .toBeGreaterThan(0);
    await video.evaluate(
      (v: HTMLVideoElement) =>
        new Promise<void>((done) => {
          v.addEventListener("seeked", () => done(), { once: true });
          v.currentTime = 2.5;
        }),
    );
    // Typing pauses playback and takes the frame: the composer says 0:02.500.
    const input = detail.getByTestId("review-comment-input");
    await input.click();
    await expect(detail.getByTestId("review-composer")).toContainText("0:02.500");
    await detail.getByText(/^(矩形|Rectangle)$/).click();
    const overlay = detail.getByTestId("review-shapes");
    const box = (await overlay.boundingBox())!;
    await b.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.2);
    await b.mouse.down();
    await b.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.35, { steps: 4 });
    await b.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5, { steps: 4 });
    await b.mouse.up();
    await expect(overlay.locator('[data-shape="rect"]')).toHaveCount(1);
    // @mention with autocomplete.
    await input.click();
    await input.pressSequentially("@E2E A");
    await expect(detail.getByRole("option", { name: "@E2E Admin" })).toBeVisible();
    await input.press("Enter");
    await input.pressSequentially("the fog is too thin here");
    await expect(input).toHaveValue("@E2E Admin the fog is too thin here");
    await detail.getByTestId("review-send").click();
    await expect(detail.getByTestId("review-comment")).toContainText("the fog is too thin here");
    await expect(detail.getByTestId("review-marker")).toHaveCount(1);

    const list = await (await request.get(`/api/v1/assets/${assetId}/comments`)).json();
    expect(list.items).toHaveLength(1);
    const c = list.items[0];
    expect(c).toMatchObject({ timeSeconds: 2.5, mentions: [{ name: "E2E Admin" }], author: { name: "reviewer-b" } });
    expect(c.shapes).toHaveLength(1);
    expect(c.shapes[0].type).toBe("rect");
    expect(c.shapes[0].x).toBeCloseTo(0.2, 1);
    expect(c.shapes[0].w).toBeCloseTo(0.4, 1);

    // A's bell, live; the inbox item opens the video at 2.5 s with the rectangle drawn.
    await expect(bell).toHaveAttribute("data-unread", "1", { timeout: 15_000 });
    await bell.click();
    await expect(page).toHaveURL(/\/inbox$/);
    const item = page.getByTestId("inbox-item").first();
    await expect(item).toContainText(/reviewer-b/);
    await item.getByRole("button").first().click();
    await expect(page).toHaveURL(new RegExp(`/gallery\\?asset=${assetId}&comment=${c.id}&t=2.5`));
    const aDetail = page.getByTestId("gallery-detail");
    const aVideo = aDetail.getByTestId("review-video");
    await expect
      .poll(() => aVideo.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 15_000 })
      .toBeCloseTo(2.5, 2);
    await expect(aDetail.getByTestId("review-shapes").locator('[data-shape="rect"]')).toHaveCount(1);
    await expect(aDetail.locator(`[data-comment-id="${c.id}"][data-active]`)).toBeVisible();
    await expect(bell).toHaveAttribute("data-unread", "0");

    // A replies and resolves.
    const thread = aDetail.locator(`[data-testid="review-comment"][data-comment-id="${c.id}"]`);
    await thread.getByRole("button", { name: /^(回复|Reply)$/ }).click();
    await thread.getByTestId("review-reply-input").fill("thicker fog in the next run");
    await thread.getByRole("button", { name: /^(发送|Send)$/ }).click();
    await expect(thread.getByTestId("review-reply")).toContainText("thicker fog in the next run");
    await thread.getByTestId("review-resolve").click();
    await expect(thread).toContainText(/已解决|Resolved/);
    const after = await (await request.get(`/api/v1/assets/${assetId}/comments`)).json();
    expect(after.items.map((x: { parentId: string | null }) => x.parentId)).toEqual([null, c.id]);
    expect(after.items[0].resolved).toBe(true);

    // B requests changes with a note; A sees the state and the history.
    await detail.getByTestId("review-decision").selectOption("changes_requested");
    await detail.getByRole("textbox", { name: /备注|Note/ }).fill("more fog, please");
    await detail.getByRole("button", { name: /^(记录|Record)$/ }).click();
    await expect(detail.getByTestId("review-state")).toContainText(/需修改|Changes requested/);
    await page.reload();
    await expect(aDetail.getByTestId("review-state")).toContainText(/需修改|Changes requested/);
    await aDetail.getByRole("button", { name: /历史|History/ }).click();
    await expect(aDetail.getByTestId("review-history")).toContainText("reviewer-b");
    await expect(aDetail.getByTestId("review-history")).toContainText("more fog, please");
    const asset = await (await request.get(`/api/v1/assets/${assetId}`)).json();
    expect(asset.review).toMatchObject({ state: "changes_requested", decidedBy: { name: "reviewer-b" } });
    expect(asset.review.history[0]).toMatchObject({
      from: "none",
      state: "changes_requested",
      note: "more fog, please",
    });
    await bCtx.close();

    // Another team: every route answers 404, their inbox is empty, their gallery search finds nothing.
    const other = cliAccount("review-other@e2e.test", "Review outsiders", "admin");
    const as = (path: string, init: RequestInit = {}) =>
      fetch(`${STUDIO_URL}${path}`, {
        ...init,
        headers: { Authorization: `Bearer ${other}`, "Content-Type": "application/json" },
      });
    expect((await as(`/api/v1/assets/${assetId}/comments`)).status).toBe(404);
    expect((await as(`/api/v1/assets/${assetId}/comments`, { method: "POST", body: '{"body":"x"}' })).status).toBe(404);
    expect((await as(`/api/v1/comments/${c.id}`, { method: "PATCH", body: '{"resolved":false}' })).status).toBe(404);
    expect((await as(`/api/v1/comments/${c.id}`, { method: "DELETE" })).status).toBe(404);
    expect((await as(`/api/v1/assets/${assetId}/rating`, { method: "PUT", body: '{"stars":1}' })).status).toBe(404);
    expect(
      (await as(`/api/v1/assets/${assetId}/review`, { method: "POST", body: '{"decision":"approved"}' })).status,
    ).toBe(404);
    expect((await (await as("/api/v1/notifications")).json()).items).toEqual([]);
    expect((await (await as(`/api/v1/gallery?q=${encodeURIComponent("fog is too thin")}`)).json()).items).toEqual([]);
    // Our own search finds the comment's words.
    const found = await (await request.get(`/api/v1/gallery?q=${encodeURIComponent("fog is too thin")}`)).json();
    expect(found.items.map((i: { assetId: string }) => i.assetId)).toEqual([assetId]);
  });
});
