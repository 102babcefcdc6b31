import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { APP_DIR, firstRun, freePort, freshDataDir, requireBuild, Studio } from "./harness";
import { launchChromium, watchScripts, type FirstLoadJs } from "./harness/first-load";

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

const browser = await launchChromium();

type PageWeight = FirstLoadJs & { page: string };
const results: PageWeight[] = [];
try {
  for (const p of PAGES) {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await ctx.addCookies(cookies.map((c) => ({ ...c, url: studio.url })));
    const page = await ctx.newPage();
    const measure = watchScripts(page);
    // The answer after redirects (e.g. /settings opens its first tab).
    const res = await page.goto(studio.url + p, { waitUntil: "networkidle" });
    if (!res?.ok() || !new URL(page.url()).pathname.startsWith(p))
      throw new Error(`${p}: HTTP ${res?.status()} at ${page.url()} (expected the signed-in page)`);
    const html = await res.text();
    await page.waitForTimeout(500);
    const w: PageWeight = { page: p, ...(await measure(html)) };
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
