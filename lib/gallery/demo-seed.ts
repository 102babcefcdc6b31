import "server-only";
import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { thumbhashOf } from "@/lib/assets/thumbnail";
import { db, sql } from "@/lib/db";
import { removeKey, statKey, writeBuffer } from "@/lib/storage";
import { sqlTime } from "./cursor";

/**
 * Demo and benchmark data: `npm run cli -- seed gallery --team T --n 100000 [--remove]`. Rows are outputs of demo
 * generations (so they show in the default gallery), marked three ways — the prompt starts with "[demo]", the
 * generation's upstreamTaskId is DEMO_TASK and the files live under demo/ — and removable with --remove. A small set
 * of real WebP thumbnails (with ThumbHashes) is shared by all rows. Inserted as multi-row INSERTs in transactions,
 * so the FTS triggers index them as they would in use.
 */
export const DEMO_TASK = "demo-seed";
export const DEMO_PREFIX = "[demo] ";

// (model, mode, kind) as the catalog has them.
const MODELS: [string, string, "video" | "image" | "audio"][] = [
  ["T0401003", "reference", "video"],
  ["T0401001", "text-to-video", "video"],
  ["T0302007", "text-to-image", "image"],
  ["T0301004", "text-to-video", "video"],
  ["T0311001", "speech", "audio"],
  ["T0101007", "first-frame", "video"],
];
const ZH = ["一只橘猫", "赛博朋克城市", "海边日落", "雪山", "古风少女", "霓虹夜景", "森林小屋", "水墨山水"];
const EN = [
  "golden sunset",
  "drone shot",
  "portrait",
  "cinematic",
  "rainy street",
  "product photo",
  "watercolor",
  "slow motion",
];
const COLORS = ["#f59e0b", "#0ea5e9", "#8b5cf6", "#10b981", "#ef4444", "#64748b", "#ec4899", "#14b8a6"];
const SHAPES: [number, number][] = [
  [400, 225],
  [400, 400],
  [225, 400],
];
const BATCH = 400;

/** The shared demo thumbnails: colour × aspect ratio, each a real WebP with its ThumbHash. */
async function thumbnails(): Promise<{ key: string; hash: string; w: number; h: number }[]> {
  const out = [];
  for (const [ci, color] of COLORS.entries()) {
    for (const [si, [w, h]] of SHAPES.entries()) {
      const key = `demo/thumb-${ci}-${si}.webp`;
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${color}"/><stop offset="1" stop-color="#111827"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/><circle cx="${w * 0.7}" cy="${h * 0.35}" r="${Math.min(w, h) * 0.18}" fill="#ffffff" fill-opacity="0.35"/><text x="16" y="${h - 18}" font-family="sans-serif" font-size="22" fill="#ffffff" fill-opacity="0.85">DEMO</text></svg>`;
      const webp = await sharp(Buffer.from(svg)).webp({ quality: 70 }).toBuffer();
      if (!(await statKey(key))) await writeBuffer(key, webp);
      out.push({ key, hash: await thumbhashOf(webp), w, h });
    }
  }
  return out;
}

const q = (v: string | number | null) =>
  v === null ? "NULL" : typeof v === "number" ? String(v) : `'${v.replaceAll("'", "''")}'`;

/** Add `n` demo outputs to a team, newest at `end`, one every 7 s back in time. → rows added. */
export async function seedDemoGallery(
  teamId: string,
  userId: string,
  n: number,
  opts: { end?: Date; log?: (line: string) => void } = {},
): Promise<number> {
  const thumbs = await thumbnails();
  const end = (opts.end ?? new Date()).getTime();
  const now = sqlTime(new Date());
  let done = 0;
  for (let from = 0; from < n; from += BATCH * 10) {
    // Ten statements of BATCH rows per transaction: one fsync per 4,000 rows.
    const stmts: string[] = [];
    for (let b = from; b < Math.min(n, from + BATCH * 10); b += BATCH) {
      const gens: string[] = [];
      const assets: string[] = [];
      for (let i = b; i < Math.min(n, b + BATCH); i++) {
        const [model, mode, kind] = MODELS[i % MODELS.length];
        const t = thumbs[i % thumbs.length];
        const at = sqlTime(new Date(end - (n - 1 - i) * 7_000));
        const gid = randomUUID();
        const prompt = `${DEMO_PREFIX}${ZH[i % ZH.length]}，${EN[(i * 7) % EN.length]} #${i + 1}`;
        const params = JSON.stringify({ seed: (i * 7919) % 2147483647, demo: true });
        gens.push(
          `(${[gid, teamId, userId, model, mode, prompt, params, "succeeded", DEMO_TASK, at, at, at].map(q).join(",")})`,
        );
        // Images show their thumbnail as the "original"; demo videos and speech have no file (the detail says so).
        const file = kind === "image" ? t.key : null;
        assets.push(
          `(${[
            randomUUID(),
            teamId,
            userId,
            kind,
            kind === "image" ? "image/webp" : kind === "video" ? "video/mp4" : "audio/wav",
            kind === "audio" ? "audio" : kind,
            kind === "audio" ? null : t.w,
            kind === "audio" ? null : t.h,
            kind === "image" ? null : 5,
            file,
            "output",
            gid,
            "archived",
            model,
            mode,
            kind === "audio" ? null : t.key,
            kind === "audio" ? null : t.hash,
            at,
            now,
          ]
            .map(q)
            .join(",")})`,
        );
      }
      stmts.push(
        `INSERT INTO "Generation" ("id","teamId","createdById","model","mode","prompt","params","status","upstreamTaskId","createdAt","finishedAt","updatedAt") VALUES ${gens.join(",")}`,
        `INSERT INTO "Asset" ("id","teamId","createdById","kind","mime","role","width","height","durationSeconds","storageKey","origin","generationId","archiveState","model","mode","thumbKey","thumbhash","createdAt","updatedAt") VALUES ${assets.join(",")}`,
      );
    }
    await db().$transaction(stmts.map((s) => db().$executeRawUnsafe(s)));
    done = Math.min(n, from + BATCH * 10);
    if (done % 20_000 === 0 || done === n) opts.log?.(`seeded ${done} / ${n}`);
  }
  return done;
}

/** Remove a team's demo rows (and the shared demo files once no team has demo rows left). → rows removed. */
export async function removeDemoGallery(teamId: string): Promise<number> {
  const demo = `SELECT "id" FROM "Generation" WHERE "teamId" = ? AND "upstreamTaskId" = ?`;
  const assets = `SELECT "id" FROM "Asset" WHERE "generationId" IN (${demo})`;
  // What people attached to demo rows goes with them (spelled out: not every connection enforces foreign keys).
  const children = ["AssetTag", "Favorite", "BoardItem", "Share"].map((t) =>
    db().$executeRawUnsafe(sql(`DELETE FROM "${t}" WHERE "assetId" IN (${assets})`), teamId, DEMO_TASK),
  );
  const [, , , , removed] = await db().$transaction([
    ...children,
    db().$executeRawUnsafe(sql(`DELETE FROM "Asset" WHERE "generationId" IN (${demo})`), teamId, DEMO_TASK),
    db().$executeRawUnsafe(sql(`DELETE FROM "Generation" WHERE "id" IN (${demo})`), teamId, DEMO_TASK),
  ]);
  const left = await db().generation.count({ where: { upstreamTaskId: DEMO_TASK } });
  if (!left)
    for (let ci = 0; ci < COLORS.length; ci++)
      for (let si = 0; si < SHAPES.length; si++) await removeKey(`demo/thumb-${ci}-${si}.webp`);
  return removed;
}
