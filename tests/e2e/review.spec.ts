import sharp from "sharp";
import { STUDIO_URL } from "../../playwright.config";
import { cliAccount } from "./access-helpers";
import { expect, test } from "./fixtures";
import { expectComparePlaysInSync, outputOf, rerunAsVersion } from "./version-helpers";

// Team review as two people do it, in two browsers (issue 13's Tests paragraph, in one test): A (the admin) generates
// a video in the studio; B (a reviewer) pins a comment at 2.5 s with a rectangle and mentions A; A's bell shows it
// without a reload, the inbox link opens the video at 2.5 s with the rectangle drawn; A replies and resolves; B
// requests changes; A re-runs it as a new version and compares v1/v2 playing in sync; B approves v2; the history
// shows all of it; a person of another team reaches none of it.

test.describe("Review", () => {
  test("two people: A generates a video; B comments at 2.5 s with a rectangle and a mention; A's bell, the seek and the rectangle; reply, resolve; changes requested; A re-runs it as v2 and compares in sync; B approves v2; the history; another team reaches nothing", async ({
    page,
    request,
    browser,
  }) => {
    test.setTimeout(420_000);
    // A generates the video in the studio, as a person does.
    const prompt = "review: a lighthouse in fog";
    await page.goto("/video");
    await page.getByRole("textbox", { name: /提示词|Prompt/ }).fill(prompt);
    const created = page.waitForResponse(
      (r) => r.url().endsWith("/api/v1/generations") && r.request().method() === "POST",
    );
    await page.getByRole("button", { name: /^(生成|Generate)$/ }).click();
    const gen = await (await created).json();
    await expect(page.locator(`[data-generation-id="${gen.id}"]`)).toHaveAttribute("data-status", "succeeded", {
      timeout: 60_000,
    });
    const assetId = await outputOf(request, gen.id);
    // A's own "generation finished" notification is read first, so the mention is the one new thing.
    await expect
      .poll(async () =>
        (await (await request.get("/api/v1/notifications")).json()).items.some(
          (n: { generationId?: string }) => n.generationId === gen.id,
        ),
      )
      .toBe(true);
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

    // A re-runs it as a new version (v2) and compares v1 and v2 side by side, playing in sync.
    const v2 = await rerunAsVersion(page, request, assetId, `${prompt}, thicker fog`);
    await page.goto(`/gallery?asset=${v2}`);
    const stack = aDetail.getByTestId("version-stack");
    await expect(stack.getByTestId("version-row")).toHaveCount(2);
    await expect(stack.getByTestId("version-row").first()).toHaveAttribute("data-version", "2");
    await page.getByTestId("compare-previous").click();
    await expect(page).toHaveURL(new RegExp(`/gallery/compare\\?ids=${assetId},${v2}`));
    const { view } = await expectComparePlaysInSync(page);
    await expect(view.getByTestId("compare-diff")).toContainText(`${prompt}, thicker fog`);

    // B approves v2 in their own browser.
    await b.goto(`/gallery?asset=${v2}`);
    await expect(detail.getByTestId("review-state")).toContainText(/未审阅|Not reviewed/);
    await detail.getByTestId("review-decision").selectOption("approved");
    await detail.getByRole("button", { name: /^(记录|Record)$/ }).click();
    await expect(detail.getByTestId("review-state")).toContainText(/已通过|Approved/);
    await bCtx.close();

    // The history shows all of it: v2 approved by B over v1; v1 keeps its thread (reply, resolved) and its decision.
    await page.goto(`/gallery?asset=${v2}`);
    await expect(aDetail.getByTestId("review-state")).toContainText(/已通过|Approved/);
    await aDetail.getByRole("button", { name: /历史|History/ }).click();
    await expect(aDetail.getByTestId("review-history")).toContainText("reviewer-b");
    await expect(aDetail.getByTestId("review-comment")).toHaveCount(0);
    await stack.getByRole("button", { name: /打开 v1|Open v1/ }).click();
    await expect(page).toHaveURL(new RegExp(`asset=${assetId}`));
    await expect(aDetail.getByTestId("review-state")).toContainText(/需修改|Changes requested/);
    await expect(thread).toContainText("the fog is too thin here");
    await expect(thread.getByTestId("review-reply")).toContainText("thicker fog in the next run");
    await expect(thread).toContainText(/已解决|Resolved/);
    await aDetail.getByRole("button", { name: /历史|History/ }).click();
    await expect(aDetail.getByTestId("review-history")).toContainText("more fog, please");
    const v2Asset = await (await request.get(`/api/v1/assets/${v2}`)).json();
    expect(v2Asset.review).toMatchObject({ state: "approved", decidedBy: { name: "reviewer-b" } });
    expect(v2Asset.review.history[0]).toMatchObject({ from: "none", state: "approved" });
    expect(v2Asset.stack).toBeTruthy();
    expect(v2Asset.versions.map((v: { assetId: string }) => v.assetId)).toEqual([v2, assetId]);

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
    for (const id of [assetId, v2]) {
      expect((await as(`/api/v1/assets/${id}`)).status).toBe(404);
      expect((await as(`/api/v1/assets/${id}/versions`)).status).toBe(404);
      expect((await as(`/api/v1/assets/${id}/file`)).status).toBe(404);
    }
    expect(
      (
        await as(`/api/v1/generations`, {
          method: "POST",
          body: JSON.stringify({ model: "T0401001", mode: "text-to-video", prompt: "x", versionOf: v2 }),
        })
      ).status,
    ).toBe(404);
    expect((await (await as("/api/v1/notifications")).json()).items).toEqual([]);
    expect((await (await as(`/api/v1/gallery?q=${encodeURIComponent("fog is too thin")}`)).json()).items).toEqual([]);
    // Our own search finds the comment's words (on v1: a stack shows v2 alone unless every version is asked for).
    const found = await (
      await request.get(`/api/v1/gallery?q=${encodeURIComponent("fog is too thin")}&versions=all`)
    ).json();
    expect(found.items.map((i: { assetId: string }) => i.assetId)).toEqual([assetId]);
  });
  test("review request: A asks two people from a gallery selection; each decides in their own browser; the overall state follows Ziflow's rule; A is told live; the share page shows comments to the team only", async ({
    page,
    request,
    browser,
  }) => {
    test.setTimeout(240_000);
    const png = (color: string) =>
      sharp({ create: { width: 320, height: 240, channels: 3, background: color } })
        .png()
        .toBuffer();
    const upload = async (color: string) =>
      (
        await (
          await request.post("/api/v1/assets", {
            multipart: { file: { name: `${color.slice(1)}.png`, mimeType: "image/png", buffer: await png(color) } },
          })
        ).json()
      ).id as string;
    const [a1, a2] = [await upload("#aa3344"), await upload("#3344aa")];
    cliAccount("rq-reviewer@e2e.test", "E2E", "reviewer");
    cliAccount("rq-member@e2e.test", "E2E", "member");
    const signIn = async (email: string) => {
      const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
      const p = await ctx.newPage();
      const res = await p.request.post("/api/v1/auth/sign-in", { data: { email, password: "e2e-password-long" } });
      expect(res.status()).toBe(200);
      return { ctx, p };
    };
    const b = await signIn("rq-reviewer@e2e.test");
    const c = await signIn("rq-member@e2e.test");
    // A hears each decision on their assets too: switched off here, so the bell counts only "review complete".
    expect(
      (await request.patch("/api/v1/me/notification-settings", { data: { decision: { inbox: false } } })).status(),
    ).toBe(200);
    await request.post("/api/v1/notifications/read", { data: { all: true } });

    // A selects the two pictures (Ctrl-click) and asks B and C, by a date, with a note.
    await page.goto("/gallery?origin=all");
    for (const id of [a1, a2])
      await page.locator(`[data-testid="gallery-item"][data-asset-id="${id}"]`).click({ modifiers: ["Control"] });
    await page.getByTestId("selection-request-review").click();
    const dialog = page.getByTestId("request-review-dialog");
    await expect(dialog).toContainText(/2/);
    await dialog.getByLabel(/选择成员|Choose people/).check();
    await dialog.getByLabel("rq-reviewer").check();
    await dialog.getByLabel("rq-member").check();
    const due = new Date(Date.now() + 3 * 86_400_000);
    await dialog
      .getByLabel(/截止日期|Due date/)
      .fill(
        `${due.getFullYear()}-${String(due.getMonth() + 1).padStart(2, "0")}-${String(due.getDate()).padStart(2, "0")}`,
      );
    await dialog.getByLabel(/备注|Note/).fill("colours for the poster");
    await dialog.getByRole("button", { name: /^(请求审阅|Request review)$/ }).click();
    await dialog.getByTestId("request-review-open").click();
    await expect(page).toHaveURL(/\/reviews\?id=/);
    const reviewId = new URL(page.url()).searchParams.get("id")!;
    const card = page.locator(`[data-testid="review-request"][data-id="${reviewId}"]`).first();
    await expect(card.getByTestId("review-request-state").first()).toHaveAttribute("data-state", "pending");
    await expect(card).toContainText("colours for the poster");
    const bell = page.getByTestId("notification-bell").first();
    await expect(bell).toHaveAttribute("data-unread", "0");

    // B's bell says a review was requested; the Reviews page lists it under "waiting for me".
    await b.p.goto("/reviews");
    await expect(b.p.getByTestId("notification-bell").first()).toHaveAttribute("data-unread", "1");
    const waiting = b.p.locator(`[data-testid="review-request"][data-id="${reviewId}"]`);
    await expect(waiting).toContainText(/2 个等你决定|2 wait for you/);
    await waiting.getByTestId("review-request-toggle").click();
    await expect(waiting.getByTestId("review-request-asset")).toHaveCount(2);
    // B (a reviewer) approves the first in the gallery's detail view, the second through the API.
    await waiting.getByTestId("review-request-asset").first().getByRole("link").click();
    await expect(b.p).toHaveURL(new RegExp(`/gallery\\?asset=${a1}`));
    const bDetail = b.p.getByTestId("gallery-detail");
    await bDetail.getByTestId("review-decision").selectOption("approved");
    await bDetail.getByRole("button", { name: /^(记录|Record)$/ }).click();
    await expect
      .poll(async () => (await (await request.get(`/api/v1/reviews/${reviewId}`)).json()).progress.decided)
      .toBe(1);
    expect((await b.p.request.post(`/api/v1/assets/${a2}/review`, { data: { decision: "approved" } })).status()).toBe(
      200,
    );
    // Still waiting for C: nothing complete, nothing new on A's bell.
    await expect(card.getByText(/已有 2\/4 个结论|2 of 4 decisions/)).toBeVisible({ timeout: 15_000 });
    await expect(card.getByTestId("review-request-state").first()).toHaveAttribute("data-state", "pending");

    // C asks for changes on one: the whole request is "changes requested", on A's open page and bell, live.
    expect(
      (
        await c.p.request.post(`/api/v1/assets/${a2}/review`, {
          data: { decision: "changes_requested", note: "warmer blue" },
        })
      ).status(),
    ).toBe(200);
    await expect(card.getByTestId("review-request-state").first()).toHaveAttribute("data-state", "changes_requested", {
      timeout: 15_000,
    });
    await expect(bell).toHaveAttribute("data-unread", "1", { timeout: 15_000 });
    // C changes their mind and approves both: approved; A is told again.
    for (const id of [a1, a2])
      expect((await c.p.request.post(`/api/v1/assets/${id}/review`, { data: { decision: "approved" } })).status()).toBe(
        200,
      );
    await expect(card.getByTestId("review-request-state").first()).toHaveAttribute("data-state", "approved", {
      timeout: 15_000,
    });
    await expect(bell).toHaveAttribute("data-unread", "2", { timeout: 15_000 });
    await bell.click();
    await expect(page.getByTestId("inbox-item").first()).toContainText(/审阅已有结论|review you asked for is complete/);
    const r = await (await request.get(`/api/v1/reviews/${reviewId}`)).json();
    expect(r).toMatchObject({ state: "approved", progress: { decided: 4, total: 4 } });
    expect((await (await request.get(`/api/v1/assets/${a2}`)).json()).review.state).toBe("approved");
    // A reviewer decides but never asks for reviews or generates.
    expect(
      (await b.p.request.post("/api/v1/reviews", { data: { assetIds: [a1], reviewerIds: "team" } })).status(),
    ).toBe(403);

    // The share page: the team's signed-in member sees the comments and can write; a signed-out viewer sees none.
    const share = await (
      await request.post("/api/v1/shares", { data: { assetId: a1, showPrompt: true, allowDownload: false } })
    ).json();
    const sharePath = new URL(share.url).pathname;
    await request.post(`/api/v1/assets/${a1}/comments`, { data: { body: "seen from the share page" } });
    await c.p.goto(sharePath);
    await expect(c.p.getByTestId("review-panel")).toBeVisible();
    await expect(c.p.getByTestId("review-comment")).toContainText("seen from the share page");
    const anon = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const outsider = await anon.newPage();
    await outsider.goto(sharePath);
    await expect(outsider.getByTestId("share-asset")).toBeVisible();
    await expect(outsider.getByTestId("review-panel")).toHaveCount(0);
    await expect(outsider.getByText("seen from the share page")).toHaveCount(0);

    // A shared board: the member opens each item's comments and review from the board (and writes one there);
    // the signed-out viewer gets no way in, not even with the item in the URL.
    const board = await (await request.post("/api/v1/boards", { data: { name: "Poster colours" } })).json();
    await request.post(`/api/v1/boards/${board.id}/items`, { data: { assetIds: [a1, a2] } });
    const boardShare = await (await request.post("/api/v1/shares", { data: { boardId: board.id } })).json();
    const boardPath = new URL(boardShare.url).pathname;
    await c.p.goto(boardPath);
    await expect(c.p.getByTestId("share-board-review")).toHaveCount(2);
    await c.p
      .locator("li", { has: c.p.locator(`img[src*="${a1}"]`) })
      .getByTestId("share-board-review")
      .click();
    await expect(c.p).toHaveURL(new RegExp(`\\?item=${a1}`));
    await expect(c.p.getByTestId("review-comment")).toContainText("seen from the share page");
    const input = c.p.getByTestId("review-comment-input");
    await input.fill("written on the board's share page");
    await c.p.getByTestId("review-send").click();
    await expect(c.p.getByTestId("review-comment")).toHaveCount(2);
    const onA1 = await (await request.get(`/api/v1/assets/${a1}/comments`)).json();
    expect(onA1.items.map((x: { body: string }) => x.body)).toContain("written on the board's share page");
    await c.p.goBack();
    await expect(c.p.getByTestId("share-board")).toBeVisible();
    await outsider.goto(boardPath);
    await expect(outsider.getByTestId("share-board")).toBeVisible();
    await expect(outsider.getByTestId("share-board-review")).toHaveCount(0);
    await outsider.goto(`${boardPath}?item=${a1}`);
    await expect(outsider.getByTestId("share-board")).toBeVisible();
    await expect(outsider.getByTestId("review-panel")).toHaveCount(0);
    await expect(outsider.getByText("written on the board's share page")).toHaveCount(0);
    await request.patch("/api/v1/me/notification-settings", { data: { decision: { inbox: true } } });
    await Promise.all([b.ctx.close(), c.ctx.close(), anon.close()]);
  });
});
