import { existsSync, mkdirSync } from "node:fs";
import { chromium } from "@playwright/test";

// Screenshots of studio pages in both languages and themes, desktop and phone, for a person to look at.
// Usage: BASE=http://127.0.0.1:3000 OUT=/tmp/shots [SESSION=<session cookie value>] tsx scripts/screenshots.ts /video /history
// SESSION is the value of the `better-auth.session_token` cookie of a signed-in browser; without it the
// pages show what a signed-out visitor sees (sign-in or setup).
const base = process.env.BASE ?? "http://127.0.0.1:3000";
const out = process.env.OUT ?? "screenshots";
const pages = process.argv.slice(2).length ? process.argv.slice(2) : ["/video", "/history"];
mkdirSync(out, { recursive: true });
const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
const browser = await chromium.launch({
  executablePath,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});
const viewports = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } };
for (const path of pages) {
  for (const locale of ["zh", "en"]) {
    for (const theme of ["light", "dark"]) {
      for (const [vname, viewport] of Object.entries(viewports)) {
        if (vname === "phone" && theme === "dark" && locale === "en") continue;
        const ctx = await browser.newContext({
          viewport,
          colorScheme: theme as "light" | "dark",
          locale: locale === "zh" ? "zh-CN" : "en-US",
        });
        await ctx.addCookies([
          { name: "locale", value: locale, url: base },
          { name: "theme", value: theme, url: base },
          ...(process.env.SESSION
            ? [{ name: "better-auth.session_token", value: process.env.SESSION, url: base }]
            : []),
        ]);
        const page = await ctx.newPage();
        await page.goto(base + path, { waitUntil: "networkidle" });
        await page.waitForTimeout(300);
        const file = `${out}/${path.replace(/\W+/g, "_").replace(/^_/, "") || "home"}-${locale}-${theme}-${vname}.png`;
        await page.screenshot({ path: file, fullPage: vname === "desktop" });
        console.log(file);
        await ctx.close();
      }
    }
  }
}
await browser.close();
