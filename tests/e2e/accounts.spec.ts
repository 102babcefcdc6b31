import type { Browser, Page } from "@playwright/test";
import { E2E } from "../../playwright.config";
import { cliAccount } from "./access-helpers";
import { E2E_PASSWORD } from "./auth-helpers";
import { expect, test } from "./fixtures";
import { StudioProcess } from "./studio-process";

// The whole life of a team on a studio that starts empty: first-run setup, invites, roles, another team,
// sign-out, and a session that ends while someone is typing.

const prompt = (page: Page) => page.getByRole("textbox", { name: /提示词|Prompt/ });
const generate = (page: Page) => page.getByRole("button", { name: /^(生成|Generate)$/ });

async function freshContext(browser: Browser) {
  const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  return { ctx, page: await ctx.newPage() };
}

async function fillAccount(page: Page, name: string, email: string) {
  await page.getByLabel(/^(你的名字|Your name)/).fill(name);
  await page.getByLabel(/^(电子邮箱|E-mail)/).fill(email);
  await page.getByLabel(/^(密码|Password)/).fill(E2E_PASSWORD);
}

async function createInvite(page: Page, role: "member" | "reviewer") {
  const link = page.getByTestId("invite-link");
  // The box still shows the previous link until the new one arrives: wait for a different one.
  const before = (await link.count()) ? (await link.textContent())!.trim() : "";
  await page.getByTestId("invite-role").selectOption(role);
  await page.getByRole("button", { name: /生成邀请链接|Create invite link/ }).click();
  await expect(link).toContainText("/invite/");
  await expect(link).not.toHaveText(before);
  return (await link.textContent())!.trim();
}

test.describe("Accounts and teams, end to end", () => {
  test("setup → invites → member generates, reviewer only sees, another team sees nothing, sign-out, expired session loses nothing", async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const studio = new StudioProcess("accounts", 3191);
    await studio.start();
    const opened: { close: () => Promise<void> }[] = [];
    try {
      // First run: every page leads to the setup screen.
      const admin = await freshContext(browser);
      opened.push(admin.ctx);
      await admin.page.goto(`${studio.url}/history`);
      await expect(admin.page).toHaveURL(/\/setup$/);
      await fillAccount(admin.page, "Ada Admin", "ada@accounts.test");
      await admin.page.getByLabel(/^(团队名称|Team name)/).fill("Paper City");
      await admin.page.getByRole("button", { name: /创建账号和团队|Create account and team/ }).click();
      await expect(admin.page.getByTestId("current-team").first()).toContainText("Paper City");

      // The admin invites a member and a reviewer from Settings → Team.
      await admin.page.goto(`${studio.url}/settings/team`);
      const memberLink = await createInvite(admin.page, "member");
      const reviewerLink = await createInvite(admin.page, "reviewer");

      // The member opens the link in another browser, creates an account and generates.
      const member = await freshContext(browser);
      opened.push(member.ctx);
      await member.page.goto(memberLink);
      await fillAccount(member.page, "Mo Member", "mo@accounts.test");
      await member.page.getByRole("button", { name: /创建账号并加入|Create account and join/ }).click();
      await expect(member.page.getByTestId("current-team").first()).toContainText("Paper City");
      await member.page.goto(`${studio.url}/video`);
      await prompt(member.page).fill("accounts: a paper boat on a canal");
      await generate(member.page).click();
      const card = member.page.getByTestId("generation-card").first();
      await expect(card).toHaveAttribute("data-status", "succeeded", { timeout: 40_000 });
      const genId = (await card.getAttribute("data-generation-id"))!;
      // The invite link was single use.
      const again = await freshContext(browser);
      opened.push(again.ctx);
      await again.page.goto(memberLink);
      await expect(again.page.getByText(/已失效|not valid any more/)).toBeVisible();

      // The reviewer sees the team's work but cannot generate, in the page or through the API.
      const reviewer = await freshContext(browser);
      opened.push(reviewer.ctx);
      await reviewer.page.goto(reviewerLink);
      await fillAccount(reviewer.page, "Rae Reviewer", "rae@accounts.test");
      await reviewer.page.getByRole("button", { name: /创建账号并加入|Create account and join/ }).click();
      await expect(reviewer.page.getByTestId("current-team").first()).toContainText(/Paper City/);
      await reviewer.page.goto(`${studio.url}/history`);
      await expect(reviewer.page.getByText("accounts: a paper boat on a canal").first()).toBeVisible();
      await reviewer.page.goto(`${studio.url}/video`);
      await expect(reviewer.page.getByTestId("read-only-notice")).toBeVisible();
      await expect(generate(reviewer.page)).toHaveCount(0);
      const refused = await reviewer.page.request.post(`${studio.url}/api/v1/generations`, {
        headers: { Origin: studio.url },
        data: { model: "T0401001", mode: "text-to-video", prompt: "reviewer tries" },
      });
      expect(refused.status()).toBe(403);
      expect((await refused.json()).error.permission).toBe("generation:create");

      // Someone of another team (made with the CLI) sees none of it, in pages or the API.
      const otherToken = cliAccount("olga@elsewhere.test", "Elsewhere", "admin", studio.dataDir);
      const other = await freshContext(browser);
      opened.push(other.ctx);
      await other.page.goto(`${studio.url}/sign-in`);
      await other.page.getByLabel(/^(电子邮箱|E-mail)/).fill("olga@elsewhere.test");
      await other.page.getByLabel(/^(密码|Password)/).fill(E2E_PASSWORD);
      await other.page.getByRole("button", { name: /^(登录|Sign in)$/ }).click();
      await expect(other.page.getByTestId("current-team").first()).toContainText("Elsewhere");
      await other.page.goto(`${studio.url}/history`);
      await expect(other.page.getByText("accounts: a paper boat on a canal")).toHaveCount(0);
      expect(
        (
          await fetch(`${studio.url}/api/v1/generations/${genId}`, {
            headers: { Authorization: `Bearer ${otherToken}` },
          })
        ).status,
      ).toBe(404);

      // Sign out from the account menu.
      await reviewer.page.getByTestId("account-menu").first().locator("summary").click();
      await reviewer.page
        .getByRole("button", { name: /退出登录|Sign out/ })
        .first()
        .click();
      await expect(reviewer.page).toHaveURL(/\/sign-in/);
      await reviewer.page.goto(`${studio.url}/video`);
      await expect(reviewer.page).toHaveURL(/\/sign-in\?next=%2Fvideo/);

      // The member's session ends elsewhere while a prompt is half typed: nothing is lost.
      await member.page.goto(`${studio.url}/video`);
      await prompt(member.page).fill("accounts: typed before the session ended");
      const elsewhere = await freshContext(browser);
      opened.push(elsewhere.ctx);
      await elsewhere.page.request.post(`${studio.url}/api/v1/auth/sign-in`, {
        data: { email: "mo@accounts.test", password: E2E_PASSWORD },
      });
      expect(
        (
          await elsewhere.page.request.delete(`${studio.url}/api/v1/auth/sessions`, { headers: { Origin: studio.url } })
        ).status(),
      ).toBe(200);
      await generate(member.page).click();
      const dialog = member.page.getByTestId("signed-out-dialog");
      await expect(dialog).toBeVisible();
      await expect(prompt(member.page)).toHaveValue("accounts: typed before the session ended");
      await dialog.getByLabel(/^(密码|Password)/).fill(E2E_PASSWORD);
      await dialog.getByRole("button", { name: /^(登录|Sign in)$/ }).click();
      await expect(dialog).toBeHidden();
      await generate(member.page).click();
      await expect(
        member.page.getByTestId("generation-card").filter({ hasText: "typed before the session ended" }).first(),
      ).toBeVisible();

      // The TD key never reached the server's log.
      expect(studio.log()).not.toContain(E2E.apiKey);
    } finally {
      for (const c of opened) await c.close();
      studio.kill();
    }
  });
});
