import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { requireBuild } from "./harness";
import { galleryFirstScreen } from "./harness/gallery-first-screen";
import { freshStudioEnv } from "./harness/studio-env";

/**
 * Gallery query benchmark: seeds N demo outputs (with their generations) into a fresh SQLite database with the
 * demo seeder (lib/gallery/demo-seed.ts) — the FTS triggers fill the search index as they would in use — then times the gallery's
 * query function (lib/gallery/list.ts, the route's whole server work but HTTP): the first page, page 50 following
 * cursors, a model + kind page, and searches for a Chinese and an English word and a two-character Chinese word
 * (the LIKE fallback). Prints p50/p95 at 1k and 100k, and the 100k/1k ratio.
 * Then the grid's first screen in real Chromium against a production build (scripts/harness/gallery-first-screen.ts):
 * the thumbnails it fetched and their bytes — it fails if anything else (an original, a video) was fetched — and
 * the gallery page's first-load JS, measured as bench:pages does. The last line prints the figures.
 *   npm run bench:gallery            (BENCH_SIZES=1000,100000 BENCH_RUNS=40 BENCH_SCREEN_N=1000; needs `npm run build`,
 *                                     or BENCH_NETWORK=0 for the queries alone)
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const SIZES = (process.env.BENCH_SIZES ?? "1000,100000").split(",").map(Number);
const NETWORK = process.env.BENCH_NETWORK !== "0";

type Result = Record<string, { p50: number; p95: number }>;

async function child(n: number): Promise<Result> {
  freshStudioEnv("http://127.0.0.1:9", "k");
  const { db } = await import("../lib/db");
  const { listGallery } = await import("../lib/gallery/list");
  const { seedDemoGallery } = await import("../lib/gallery/demo-seed");
  const teamId = randomUUID();
  const userId = randomUUID();
  await db().team.create({ data: { id: teamId, name: "bench" } });
  await db().user.create({ data: { id: userId, name: "Bench", email: "bench@example.com" } });
  const t0 = Date.now();
  // The same rows as `npm run cli -- seed gallery` (multi-row INSERTs in transactions, FTS triggers on).
  await seedDemoGallery(teamId, userId, n, { end: new Date("2026-06-01T00:00:00Z") });
  console.error(`[bench:gallery] seeded ${n} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const scope = { teamId, userId };
  let cursor: string | null = null;
  for (let p = 1; p < 50; p++) cursor = (await listGallery(scope, { cursor: cursor ?? undefined })).nextCursor;
  const cases: Record<string, () => Promise<unknown>> = {
    "first page": () => listGallery(scope, {}),
    "page 50": () => listGallery(scope, { cursor: cursor ?? undefined }),
    "model + kind": () => listGallery(scope, { model: "T0302007", kind: "image" }),
    "search zh 赛博朋克": () => listGallery(scope, { q: "赛博朋克" }),
    "search en sunset": () => listGallery(scope, { q: "sunset" }),
    "search zh 2 chars 雪山": () => listGallery(scope, { q: "雪山" }),
  };
  const out: Result = {};
  for (const [name, fn] of Object.entries(cases)) {
    for (let i = 0; i < 3; i++) await fn();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now();
      await fn();
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    out[name] = {
      p50: times[Math.floor(times.length * 0.5)],
      p95: times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)],
    };
  }
  return out;
}

if (process.env.BENCH_CHILD) {
  const r = await child(Number(process.env.BENCH_CHILD));
  process.stdout.write(JSON.stringify(r));
  process.exit(0);
}

// Fail before the long seeding, not after it.
if (NETWORK) requireBuild("bench:gallery");

// Each size in its own process: one database per process (lib/db keeps one client).
const results: Record<number, Result> = {};
for (const n of SIZES) {
  const json = execFileSync(process.execPath, [...process.execArgv, process.argv[1]], {
    env: { ...process.env, BENCH_CHILD: String(n) },
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 1 << 20,
  }).toString();
  results[n] = JSON.parse(json) as Result;
}
const [small, big] = [SIZES[0], SIZES.at(-1)!];
console.log(
  `query                      ${SIZES.map((n) => `${n}: p50 / p95 ms`.padStart(24)).join("")}   ratio p95 ${big}/${small}`,
);
let worst = 0;
let worstRatio = 0;
for (const name of Object.keys(results[small])) {
  const cols = SIZES.map((n) =>
    `${results[n][name].p50.toFixed(1)} / ${results[n][name].p95.toFixed(1)}`.padStart(24),
  ).join("");
  const ratio = results[big][name].p95 / results[small][name].p95;
  worst = Math.max(worst, results[big][name].p95);
  worstRatio = Math.max(worstRatio, ratio);
  console.log(`${name.padEnd(27)}${cols}   ${ratio.toFixed(2)}`);
}
const queries = `worst p95 at ${big}: ${worst.toFixed(1)} ms (goal ≤ 100), worst ratio ${worstRatio.toFixed(2)} (goal ≤ 1.5)`;
if (!NETWORK) {
  console.log(`bench:gallery ${queries}`);
  process.exit(0);
}

const kB = (b: number) => `${(b / 1000).toFixed(1)} kB`;
const screens = await galleryFirstScreen(Number(process.env.BENCH_SCREEN_N ?? 1000));
for (const s of screens) {
  console.log(
    `first screen ${s.viewport}: ${s.tilesVisible} tiles visible, ${s.thumbnails} thumbnails fetched (${kB(s.thumbnailBytes)}), ` +
      `no originals or video; other images: ${s.otherImages.join(", ") || "none"}; ` +
      `first-load JS ${kB(s.js.firstLoadBytes)} gzip in ${s.js.firstLoadScripts} scripts, later ${kB(s.js.laterBytes)}`,
  );
}
const d = screens[0];
console.log(
  `bench:gallery ${queries}; first screen: thumbnails only, ${screens.map((s) => `${s.viewport} ${s.thumbnails} = ${kB(s.thumbnailBytes)}`).join(", ")}; ` +
    `gallery first-load JS ${kB(d.js.firstLoadBytes)} (gzip, target ≤ 180 kB)`,
);
