import "server-only";
import path from "node:path";
import { Readable } from "node:stream";
import ZipStream from "zip-stream";
import type { Scope } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { readStream, statKey } from "@/lib/storage";

/**
 * Streamed ZIPs of a board or a selection, in constant memory whatever the size: the rows are read in keyset pages
 * twice — once for manifest.json (written as it is read), once for the files (one open file at a time, each piped
 * through zip-stream with the response's backpressure). Media are already compressed, so entries are stored.
 */

const PAGE = 200;

const select = {
  id: true,
  kind: true,
  mime: true,
  title: true,
  createdAt: true,
  storageKey: true,
  origin: true,
  archiveState: true,
  model: true,
  mode: true,
  width: true,
  height: true,
  durationSeconds: true,
  generationId: true,
  createdBy: { select: { name: true } },
  generation: { select: { prompt: true, params: true } },
} as const;

type Row = {
  id: string;
  kind: string;
  mime: string | null;
  title: string | null;
  createdAt: Date;
  storageKey: string | null;
  origin: string;
  archiveState: string;
  model: string | null;
  mode: string | null;
  width: number | null;
  height: number | null;
  durationSeconds: number | null;
  generationId: string | null;
  createdBy: { name: string } | null;
  generation: { prompt: string | null; params: string } | null;
};

/** One page of rows after `after` (the last row of the previous page), newest first. */
type Pager = (after: Row | undefined) => Promise<Row[]>;

const saved = (r: Row) => !!r.storageKey && (r.origin === "upload" || r.archiveState === "archived");

/** The name inside the ZIP: date, a short id (unique) and the stored file's extension. */
function entryName(r: Row): string {
  const day = r.createdAt.toISOString().slice(0, 19).replace(/[:T]/g, "-");
  return `files/${day}_${r.id.slice(0, 8)}${path.extname(r.storageKey ?? "")}`;
}

function manifestEntry(r: Row) {
  let params: unknown = undefined;
  try {
    params = r.generation ? JSON.parse(r.generation.params) : undefined;
  } catch {
    /* an unreadable record keeps the rest */
  }
  return {
    file: saved(r) ? entryName(r) : null,
    assetId: r.id,
    kind: r.kind,
    mime: r.mime,
    ...(r.title ? { title: r.title } : {}),
    createdAt: r.createdAt.toISOString(),
    creator: r.createdBy?.name ?? null,
    ...(r.generationId ? { generationId: r.generationId } : {}),
    ...(r.model ? { model: r.model } : {}),
    ...(r.mode ? { mode: r.mode } : {}),
    ...(r.generation?.prompt ? { prompt: r.generation.prompt } : {}),
    ...(params !== undefined ? { params } : {}),
    ...(r.width ? { width: r.width, height: r.height } : {}),
    ...(r.durationSeconds ? { durationSeconds: r.durationSeconds } : {}),
    ...(saved(r) ? {} : { note: `not saved on the studio's storage (${r.archiveState})` }),
  };
}

async function* pages(pager: Pager): AsyncGenerator<Row[]> {
  let after: Row | undefined;
  for (;;) {
    const rows = await pager(after);
    if (rows.length) yield rows;
    if (rows.length < PAGE) return;
    after = rows.at(-1);
  }
}

/** manifest.json as a stream of text, page by page. */
function manifest(title: string, pager: Pager): Readable {
  return Readable.from(
    (async function* () {
      yield `{\n  "source": "TD Studio",\n  "title": ${JSON.stringify(title)},\n  "exportedAt": "${new Date().toISOString()}",\n  "items": [`;
      let first = true;
      for await (const rows of pages(pager)) {
        for (const r of rows) {
          yield `${first ? "\n" : ",\n"}    ${JSON.stringify(manifestEntry(r))}`;
          first = false;
        }
      }
      yield `\n  ]\n}\n`;
    })(),
  );
}

function zipResponse(fileName: string, title: string, pager: Pager): Response {
  const zip = new ZipStream({ store: true, zlib: { level: 0 } });
  let closed = false;
  zip.on("close", () => (closed = true));
  // One entry at a time; a client that goes away ends the loop (the zip stream is destroyed, the wait rejects).
  const add = (source: Readable | string, name: string, date: Date) =>
    new Promise<void>((resolve, reject) => {
      if (closed) return reject(new Error("client gone"));
      const onClose = () => reject(new Error("client gone"));
      zip.once("close", onClose);
      zip.entry(source as never, { name, date }, (err) => {
        zip.off("close", onClose);
        if (err) reject(err);
        else resolve();
      });
    });
  void (async () => {
    try {
      await add(manifest(title, pager), "manifest.json", new Date());
      for await (const rows of pages(pager)) {
        for (const r of rows) {
          if (!saved(r) || !r.storageKey || !(await statKey(r.storageKey))) continue;
          await add(await readStream(r.storageKey), entryName(r), r.createdAt);
        }
      }
      zip.finalize();
    } catch (e) {
      if (!closed) zip.destroy(e as Error);
    }
  })();
  return new Response(Readable.toWeb(zip as unknown as Readable) as ReadableStream, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

const safeName = (s: string) => s.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, "_").slice(0, 80) || "board";

/** GET /api/v1/boards/{id}/zip — the board's items that are not in the trash, with their manifest. */
export async function boardZip(scope: Scope, boardId: string): Promise<Response> {
  const board = await db().board.findFirst({ where: { id: boardId, teamId: scope.teamId }, select: { name: true } });
  if (!board) throw new AppError("not_found", `board ${boardId} does not exist`);
  // In the board's own order (position, assetId): the pager keeps the last item's key, as rows carry no position.
  let last: { position: number; assetId: string } | undefined;
  const pager: Pager = async (after) => {
    const items = await db().boardItem.findMany({
      where: {
        boardId,
        asset: { teamId: scope.teamId, trashedAt: null },
        ...(after && last
          ? {
              OR: [{ position: { gt: last.position } }, { position: last.position, assetId: { gt: last.assetId } }],
            }
          : {}),
      },
      orderBy: [{ position: "asc" }, { assetId: "asc" }],
      take: PAGE,
      select: { position: true, assetId: true, asset: { select } },
    });
    const end = items.at(-1);
    if (end) last = { position: end.position, assetId: end.assetId };
    return items.map((i) => i.asset);
  };
  return zipResponse(`${safeName(board.name)}.zip`, board.name, pager);
}

/** POST /api/v1/gallery/zip — a selection (≤ 500 of the team's assets; others are skipped as if absent). */
export async function selectionZip(scope: Scope, assetIds: string[]): Promise<Response> {
  // The team's ids first, by id alone (a teamId term next to an id list makes SQLite walk the whole team).
  const mine = (
    await db().asset.findMany({ where: { id: { in: assetIds } }, select: { id: true, teamId: true } })
  ).flatMap((a) => (a.teamId === scope.teamId ? [a.id] : []));
  const pager: Pager = async (after) =>
    db().asset.findMany({
      where: {
        id: { in: mine },
        ...(after
          ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }
          : {}),
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: PAGE,
      select,
    });
  return zipResponse(`td-studio-${new Date().toISOString().slice(0, 10)}.zip`, "selection", pager);
}
