import { existsSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type Page } from "@playwright/test";

/**
 * How bench:pages and bench:gallery measure a page's first load in real Chromium: every script the first HTML asks
 * for (its <script src>, preload links and the RSC payload's chunk list), counted gzip-compressed; scripts fetched
 * later (lazy chunks) are listed apart.
 */
export interface FirstLoadJs {
  firstLoadBytes: number;
  firstLoadScripts: number;
  laterBytes: number;
  laterScripts: string[];
}

export function launchChromium(): Promise<Browser> {
  const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
  return chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu"] });
}

/** Start collecting scripts on `page`; call the result with the first HTML once the page has loaded. */
export function watchScripts(page: Page): (html: string) => Promise<FirstLoadJs> {
  const gz = (b: Buffer) => gzipSync(b).length;
  const scripts = new Map<string, Promise<number>>();
  page.on("response", (r) => {
    if (r.request().resourceType() === "script" || /\.js(\?|$)/.test(r.url()))
      scripts.set(
        r.url(),
        r.body().then(gz, () => 0),
      );
  });
  return async (html) => {
    const w: FirstLoadJs = { firstLoadBytes: 0, firstLoadScripts: 0, laterBytes: 0, laterScripts: [] };
    for (const [u, size] of scripts) {
      const n = await size;
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
    return w;
  };
}
