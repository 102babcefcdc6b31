import { readFileSync } from "node:fs";
import { STUDIO_URL } from "../../playwright.config";
import { readZip } from "../helpers/zip-read";
import { cliAccount } from "./access-helpers";
import { expect, test } from "./fixtures";

// Share links as a person uses them: made in the detail view, opened in a signed-out browser (the video plays, nothing
// else of the team shows), revoked, expired, behind a password; a shift-selected board downloaded as a ZIP; trash and
// restore — and another team sees none of it.

type Req = import("@playwright/test").APIRequestContext;

async function output(request: Req, data: Record<string, unknown>) {
  const g = await (await request.post("/api/v1/generations", { data })).json();
  await expect
    .poll(
      async () => {
        const r = await (await request.get(`/api/v1/generations/${g.id}`)).json();
        const a = r.outputs?.[0]?.assetId;
        if (r.status !== "succeeded" || !a) return "";
        const items = (await (await request.get(`/api/v1/gallery?limit=200`)).json()).items as {
          assetId: string;
          fileUrl?: string;
        }[];
        return items.find((i) => i.assetId === a)?.fileUrl ? a : "";
      },
      { timeout: 60_000 },
    )
    .not.toBe("");
  return (await (await request.get(`/api/v1/generations/${g.id}`)).json()).outputs[0].assetId as string;
}

async function plays(video: import("@playwright/test").Locator) {
  await expect(video).toBeVisible();
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 15_000 })
    .toBeGreaterThan(1);
  await video.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    return v.play();
  });
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 })
    .toBeGreaterThan(0);
}

const GONE = /此链接不可用|This link does not work/;

test.describe("Gallery sharing", () => {
  test("a shared video plays signed out and shows nothing else; revoke, expiry and a password stop it", async ({
    page,
    request,
    browser,
  }) => {
    test.setTimeout(180_000);
    const video = await output(request, { model: "T0401001", mode: "text-to-video", prompt: "share: a paper boat" });
    const other = await output(request, {
      model: "T0302007",
      mode: "text-to-image",
      prompt: "share: not shared",
      params: { resolution: "1K" },
    });

    await page.goto("/gallery");
    await page.getByTestId("gallery-grid").locator(`[data-asset-id="${video}"]`).click();
    const detail = page.getByTestId("gallery-detail");
    await detail.getByRole("button", { name: /^(分享|Share)$/ }).click();
    const dialog = page.getByTestId("share-dialog");
    await dialog.getByRole("button", { name: /生成链接|Create link/ }).click();
    const url = await dialog.getByTestId("share-url").inputValue();
    expect(url).toMatch(new RegExp(`^${STUDIO_URL}/s/[A-Za-z0-9_-]{32}$`));

    const outsider = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const anon = await outsider.newPage();
    await anon.goto(url);
    await plays(anon.getByTestId("share-video"));
    await expect(anon.getByTestId("share-prompt")).toHaveText("share: a paper boat");
    const html = await anon.content();
    expect(html).not.toContain(other);
    expect(await anon.locator('a[href^="/gallery"], a[href^="/video"], nav').count()).toBe(0);
    // The studio itself stays closed to this browser.
    await anon.goto("/gallery");
    await expect(anon).toHaveURL(/sign-in|setup/);

    // Opened again, the dialog lists the link with its view; revoke it and the page is gone.
    await dialog.getByRole("button", { name: /^(关闭|Close)$/ }).click();
    await detail.getByRole("button", { name: /^(分享|Share)$/ }).click();
    await expect(dialog.getByTestId("share-list")).toContainText(/1 (次查看|view)/);
    await dialog.getByRole("button", { name: /撤销|Revoke/ }).click();
    await expect(dialog.getByTestId("share-list")).toContainText(/已撤销|Revoked/);
    await anon.goto(url);
    await expect(anon.getByRole("heading", { name: GONE })).toBeVisible();
    const token = url.split("/").at(-1);
    expect((await anon.request.get(`/api/v1/s/${token}/assets/${video}/file`)).status()).toBe(404);

    // Expiry: a link that lives three seconds.
    const short = await (
      await request.post("/api/v1/shares", {
        data: { assetId: video, expiresAt: new Date(Date.now() + 3000).toISOString() },
      })
    ).json();
    await anon.goto(short.url);
    await expect(anon.getByTestId("share-video")).toBeVisible();
    await anon.waitForTimeout(3500);
    await anon.reload();
    await expect(anon.getByRole("heading", { name: GONE })).toBeVisible();

    // A password: the form first, a wrong answer says so, the right one opens the video.
    const locked = await (
      await request.post("/api/v1/shares", { data: { assetId: video, password: "纸船 boat" } })
    ).json();
    await anon.goto(locked.url);
    await expect(anon.getByTestId("share-video")).toHaveCount(0);
    await anon.getByLabel(/^(密码|Password)$/).fill("wrong one");
    await anon.getByRole("button", { name: /^(打开|Open)$/ }).click();
    await expect(anon.getByText(/密码不正确|The password is not right/)).toBeVisible();
    await anon.getByLabel(/^(密码|Password)$/).fill("纸船 boat");
    await anon.getByRole("button", { name: /^(打开|Open)$/ }).click();
    await plays(anon.getByTestId("share-video"));
    await outsider.close();

    // Another team: none of our links, and ours cannot be revoked from there.
    const them = cliAccount("share-other@e2e.test", "Share outsiders", "admin");
    const auth = { headers: { Authorization: `Bearer ${them}` } };
    expect((await (await fetch(`${STUDIO_URL}/api/v1/shares`, auth)).json()).items).toEqual([]);
    expect((await fetch(`${STUDIO_URL}/api/v1/shares/${locked.id}`, { ...auth, method: "DELETE" })).status).toBe(404);
    expect(
      (
        await fetch(`${STUDIO_URL}/api/v1/shares`, {
          ...auth,
          method: "POST",
          headers: { ...auth.headers, "Content-Type": "application/json" },
          body: JSON.stringify({ assetId: video }),
        })
      ).status,
    ).toBe(404);
  });

  test("shift-select → add to a new board → the board's ZIP holds the files and manifest; trash and restore", async ({
    page,
    request,
  }) => {
    test.setTimeout(150_000);
    const a = await output(request, {
      model: "T0302007",
      mode: "text-to-image",
      prompt: "zip: 第一张",
      params: { resolution: "1K" },
    });
    const b = await output(request, {
      model: "T0302007",
      mode: "text-to-image",
      prompt: "zip: second",
      params: { resolution: "1K" },
    });
    await page.goto("/gallery");
    const grid = page.getByTestId("gallery-grid");
    await grid.locator(`[data-asset-id="${b}"]`).click({ modifiers: ["ControlOrMeta"] });
    await grid.locator(`[data-asset-id="${a}"]`).click({ modifiers: ["Shift"] });
    const bar = page.getByTestId("gallery-selection");
    await expect(bar).toContainText(/2/);
    const name = `zip board ${Date.now()}`;
    page.once("dialog", (d) => void d.accept(name));
    await bar.getByLabel(/加入看板|Add to board/).selectOption("__new");
    await expect(page.getByText(/已更新 2 项|2 items updated/).last()).toBeVisible();
    const board = ((await (await request.get("/api/v1/boards")).json()).items as { id: string; name: string }[]).find(
      (x) => x.name === name,
    );
    expect(board).toBeTruthy();

    await page.goto(`/gallery?board=${board!.id}`);
    const download = page.waitForEvent("download");
    await page
      .getByTestId("gallery-board-bar")
      .getByRole("link", { name: /下载 ZIP|Download ZIP/ })
      .click();
    const file = await (await download).path();
    const zip = readZip(readFileSync(file));
    const manifest = JSON.parse(zip.get("manifest.json")!.toString("utf8"));
    expect(manifest.items.map((i: { assetId: string }) => i.assetId).sort()).toEqual([a, b].sort());
    expect(manifest.items.map((i: { prompt: string }) => i.prompt).sort()).toEqual(["zip: second", "zip: 第一张"]);
    for (const i of manifest.items) expect(zip.get(i.file)?.subarray(1, 4).toString()).toBe("PNG");

    // Organise the board: the item that is not the cover yet becomes it, the board is renamed, the other item is
    // removed (it stays in the gallery).
    const boardBar = page.getByTestId("gallery-board-bar");
    const boardGrid = page.getByTestId("gallery-grid");
    const firstCover = (await (await request.get(`/api/v1/boards/${board!.id}`)).json()).coverAssetId;
    const [cover, other] = firstCover === a ? [b, a] : [a, b];
    await boardGrid.locator(`[data-asset-id="${cover}"]`).click({ modifiers: ["ControlOrMeta"] });
    await boardBar.getByRole("button", { name: /设为封面|Use as cover/ }).click();
    await expect
      .poll(async () => (await (await request.get(`/api/v1/boards/${board!.id}`)).json()).coverAssetId)
      .toBe(cover);
    page.once("dialog", (d) => void d.accept(`${name} (final)`));
    await boardBar.getByTestId("board-rename").click();
    await expect(boardBar.getByRole("heading")).toContainText(`${name} (final)`);
    await boardGrid.locator(`[data-asset-id="${other}"]`).click({ modifiers: ["ControlOrMeta"] });
    await boardBar.getByTestId("board-remove").click();
    await expect(boardGrid.locator(`[data-asset-id="${other}"]`)).toHaveCount(0);
    await expect(boardGrid.locator(`[data-asset-id="${cover}"]`)).toBeVisible();
    const after = await (await request.get(`/api/v1/boards/${board!.id}`)).json();
    expect(after).toMatchObject({ name: `${name} (final)`, itemCount: 1, coverAssetId: cover });

    // Trash and restore from the detail view.
    await page.goto("/gallery");
    await grid.locator(`[data-asset-id="${a}"]`).click();
    await page
      .getByTestId("gallery-detail")
      .getByRole("button", { name: /移到回收站|Move to trash/ })
      .click();
    await expect(grid.locator(`[data-asset-id="${a}"]`)).toHaveCount(0);
    await page.goto("/gallery?trashed=true");
    await grid.locator(`[data-asset-id="${a}"]`).click();
    await page
      .getByTestId("gallery-detail")
      .getByRole("button", { name: /^(恢复|Restore)$/ })
      .click();
    await expect(grid.locator(`[data-asset-id="${a}"]`)).toHaveCount(0);
    await page.goto("/gallery");
    await expect(grid.locator(`[data-asset-id="${a}"]`)).toBeVisible();
  });
});
