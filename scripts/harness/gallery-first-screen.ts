import { spawnSync } from "node:child_process";
import { APP_DIR, firstRun, freePort, freshDataDir, Studio } from "./index";
import { launchChromium, watchScripts, type FirstLoadJs } from "./first-load";

/**
 * The gallery's first screen in real Chromium, signed in, against a production build and a team seeded with `n` demo
 * items (`npm run cli -- seed gallery`, the same rows as the query bench): which images the grid fetched and their
 * bytes, and the page's first-load JS measured as bench:pages does. Throws when anything but a thumbnail (an
 * original file, a poster, a video) was fetched for the grid, or when a visible tile has no loaded thumbnail.
 */
export interface FirstScreen {
  viewport: string;
  /** Tiles in sight that show a thumbnail (speech tiles show an icon). */
  tilesVisible: number;
  thumbnails: number;
  thumbnailBytes: number;
  otherImages: string[];
  js: FirstLoadJs;
}

const VIEWPORTS = [
  { name: "desktop 1440×900", width: 1440, height: 900 },
  { name: "phone 390×844", width: 390, height: 844 },
];
// The tiles in sight: inside the grid's scroll box and the window (a browser expression, run in the page).
const IN_SIGHT = `(() => { const g = document.querySelector('[data-testid="gallery-grid"]').getBoundingClientRect(); return [...document.querySelectorAll('[data-testid="gallery-item"]')].filter((t) => { const r = t.getBoundingClientRect(); return r.bottom > Math.max(0, g.top) && r.top < Math.min(innerHeight, g.bottom); }); })()`;
const THUMB = /^\/api\/v1\/assets\/[^/]+\/thumbnail$/;

export async function galleryFirstScreen(n: number): Promise<FirstScreen[]> {
  const dataDir = freshDataDir("bench-gallery-net");
  const studio = new Studio({
    port: await freePort(Number(process.env.BENCH_STUDIO_PORT ?? 3291)),
    // The gallery never calls TD while it renders; an address nobody answers keeps the measurement to the studio.
    tdBaseUrl: "http://127.0.0.1:9",
    apiKey: "bench-gallery-key",
    dataDir,
    pollMs: 1000,
    timeoutMs: 2000,
  });
  studio.token = "unused"; // the first-run setup below makes the account and keeps its cookie
  await studio.start();
  const browser = await launchChromium();
  try {
    const team = "Bench gallery";
    const { cookies } = await firstRun(studio.url, {
      name: "Bench",
      email: "gallery@bench.local",
      password: "bench-gallery-password",
      teamName: team,
    });
    const seeded = spawnSync(
      process.execPath,
      ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/cli.ts", "seed", "gallery"].concat([
        "--team",
        team,
        "--n",
        String(n),
      ]),
      {
        cwd: APP_DIR,
        encoding: "utf8",
        env: {
          ...process.env,
          STUDIO_ENV_FILE: "none",
          STUDIO_DATA_DIR: dataDir,
          DATABASE_URL: `file:${studio.dbFile}`,
          TD_BASE_URL: "http://127.0.0.1:9",
          TD_API_KEY: "bench-gallery-key",
        },
      },
    );
    if (seeded.status !== 0) throw new Error(`seed gallery failed: ${seeded.stderr}`);

    const out: FirstScreen[] = [];
    for (const vp of VIEWPORTS) {
      const ctx = await browser.newContext({ viewport: { width: vp.width, height: vp.height } });
      await ctx.addCookies(cookies.map((c) => ({ ...c, url: studio.url })));
      const page = await ctx.newPage();
      const measure = watchScripts(page);
      const images = new Map<string, Promise<number>>();
      const media: string[] = [];
      page.on("requestfinished", (req) => {
        const type = req.resourceType();
        if (type === "media") media.push(new URL(req.url()).pathname);
        if (type === "image")
          images.set(
            new URL(req.url()).pathname,
            req.sizes().then((s) => s.responseBodySize),
          );
      });
      const res = await page.goto(`${studio.url}/gallery`, { waitUntil: "networkidle" });
      if (!res?.ok() || new URL(page.url()).pathname !== "/gallery")
        throw new Error(`/gallery: HTTP ${res?.status()} at ${page.url()} (expected the signed-in gallery)`);
      // The first screen is there when every tile in sight (inside the grid's scroll box and the window) that has a
      // thumbnail shows it decoded; speech tiles have none (their icon over the ThumbHash).
      await page.waitForFunction(
        `(() => { const tiles = ${IN_SIGHT}; return tiles.length > 0 && tiles.every((t) => { const img = t.querySelector("img"); return !img || (img.complete && img.naturalWidth > 0); }); })()`,
        undefined,
        { timeout: 30_000 },
      );
      await page.waitForLoadState("networkidle");
      const tilesVisible = (await page.evaluate(`${IN_SIGHT}.filter((t) => t.querySelector("img")).length`)) as number;
      const html = await res.text();
      const shot: FirstScreen = {
        viewport: vp.name,
        tilesVisible,
        thumbnails: 0,
        thumbnailBytes: 0,
        otherImages: [],
        js: await measure(html),
      };
      for (const [p, size] of images) {
        if (THUMB.test(p)) {
          shot.thumbnails++;
          shot.thumbnailBytes += await size;
        } else shot.otherImages.push(p);
      }
      const originals = shot.otherImages.filter((p) => p.startsWith("/api/"));
      if (originals.length || media.length)
        throw new Error(`${vp.name}: the first screen fetched more than thumbnails: ${[...originals, ...media]}`);
      if (shot.thumbnails < tilesVisible)
        throw new Error(`${vp.name}: ${tilesVisible} tiles visible but only ${shot.thumbnails} thumbnails fetched`);
      out.push(shot);
      await ctx.close();
    }
    return out;
  } finally {
    await browser.close();
    await studio.kill();
  }
}
