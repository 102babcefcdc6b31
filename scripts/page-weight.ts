import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { APP_DIR, firstRun, freePort, freshDataDir, requireBuild, Studio } from "./harness";

/**
 * First-load JavaScript per page, as a browser sees it: real Chromium opens each studio page of a
 * production build, signed in, and adds up the gzip size of every script the first HTML asks for (its
 * <script src> and preload links) — what has to arrive before the page is interactive. Scripts fetched later
 * (lazy chunks: dialogs, pickers, the Markdown renderer) are listed apart. Target: every page ≤ 180 kB.
 *   npm run bench:pages      (needs `npm run build`; NEXT_DIST_DIR picks the build folder)
 * Builds nothing. Writes bench-results/pages.json; the last line prints the figures (kB = 1000 bytes).
 */
const PAGES = (process.env.PAGES ?? "/video,/image,/speech,/chat,/history,/gallery,/settings").split(",");
const TARGET_KB = 180;

requireBuild("bench:pages");
const studio = new Studio({
  port: await freePort(Number(process.env.BENCH_STUDIO_PORT ?? 3290)),
  // No page calls TD while it renders; an address nobody answers keeps the measurement to the studio alone.
  tdBaseUrl: "http://127.0.0.1:9",
  apiKey: "page-weight-key",
  dataDir: freshDataDir("page-weight"),
  pollMs: 1000,
  timeoutMs: 2000,
});
studio.token = "unused"; // the first-run setup below makes the account and keeps its cookie
await studio.start();
const { cookies } = await firstRun(studio.url, {
  name: "Page weight",
  email: "pages@bench.local",
  password: "page-weight-password",
  teamName: "Bench",
});

const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu"] });
const gz = (b: Buffer) => gzipSync(b).length;

interface PageWeight {
  page: string;
  firstLoadBytes: number;
  firstLoadScripts: number;
  laterBytes: number;
  laterScripts: string[];
}
const results: PageWeight[] = [];
try {
  for (const p of PAGES) {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await ctx.addCookies(cookies.map((c) => ({ ...c, url: studio.url })));
    const page = await ctx.newPage();
    const scripts = new Map<string, Promise<number>>();
    page.on("response", (r) => {
      if (r.request().resourceType() === "script" || /\.js(\?|$)/.test(r.url()))
        scripts.set(
          r.url(),
          r.body().then(gz, () => 0),
        );
    });
    // The answer after redirects (e.g. /settings opens its first tab).
    const res = await page.goto(studio.url + p, { waitUntil: "networkidle" });
    if (!res?.ok() || !new URL(page.url()).pathname.startsWith(p))
      throw new Error(`${p}: HTTP ${res?.status()} at ${page.url()} (expected the signed-in page)`);
    const html = await res.text();
    await page.waitForTimeout(500);
    const sizes = new Map<string, number>();
    for (const [u, s] of scripts) sizes.set(u, await s);
    const w: PageWeight = { page: p, firstLoadBytes: 0, firstLoadScripts: 0, laterBytes: 0, laterScripts: [] };
    for (const [u, n] of sizes) {
      // A script is first-load when the HTML names it (script tag, preload or the RSC payload's chunk list).
      const rel = new URL(u).pathname;
      if (process.env.VERBOSE)
        console.log(`  ${html.includes(rel) ? "first" : "later"} ${(n / 1000).toFixed(1)} kB ${rel}`);
      if (html.includes(rel)) {
        w.firstLoadBytes += n;
        w.firstLoadScripts++;
      } else {
        w.laterBytes += n;
        w.laterScripts.push(`${path.basename(rel)} ${(n / 1000).toFixed(1)} kB`);
      }
    }
    results.push(w);
    console.log(
      `${p.padEnd(10)} first load ${(w.firstLoadBytes / 1000).toFixed(1).padStart(6)} kB in ${w.firstLoadScripts} scripts` +
        `; later ${(w.laterBytes / 1000).toFixed(1)} kB in ${w.laterScripts.length}`,
    );
    await ctx.close();
  }
} finally {
  await browser.close();
  await studio.kill();
}

mkdirSync(path.join(APP_DIR, "bench-results"), { recursive: true });
writeFileSync(path.join(APP_DIR, "bench-results/pages.json"), JSON.stringify(results, null, 2));
const over = results.filter((r) => r.firstLoadBytes / 1000 > TARGET_KB);
console.log(
  `bench:pages first-load JS (gzip, target ≤ ${TARGET_KB} kB): ` +
    results.map((r) => `${r.page.slice(1)} ${(r.firstLoadBytes / 1000).toFixed(1)} kB`).join(", ") +
    (over.length ? ` — over target: ${over.map((r) => r.page).join(", ")}` : " — all within target"),
);
