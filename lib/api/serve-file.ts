import "server-only";
import { Readable } from "node:stream";
import type { NextRequest } from "next/server";
import { readStream, statKey } from "@/lib/storage";
import { AppError } from "@/lib/errors";

/** Serve a stored file: correct type, Range (so videos seek), ETag, long caching (stored files never change). */
export async function serveFile(
  req: NextRequest,
  key: string,
  mime: string,
  etag?: string | null,
  opts: { downloadName?: string; revalidate?: boolean } = {},
): Promise<Response> {
  const st = await statKey(key);
  if (!st) throw new AppError("not_found", "the file is not on the studio's storage");
  const tag = etag ? `"${etag}"` : `"${st.size}-${st.mtime.getTime()}"`;
  const headers: Record<string, string> = {
    "Content-Type": mime,
    "Accept-Ranges": "bytes",
    ETag: tag,
    // A share link's files are asked again each time (ETag → 304), so revoking the link takes effect at once.
    "Cache-Control": opts.revalidate ? "private, no-cache" : "private, max-age=31536000, immutable",
    "X-Content-Type-Options": "nosniff",
    ...(opts.downloadName
      ? { "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(opts.downloadName)}` }
      : {}),
  };
  if (req.headers.get("if-none-match") === tag) return new Response(null, { status: 304, headers });
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.get("range") ?? "");
  const total = st.size;
  if (range && (range[1] || range[2])) {
    let start = range[1] ? Number(range[1]) : Math.max(0, total - Number(range[2]));
    let end = range[1] && range[2] ? Math.min(Number(range[2]), total - 1) : total - 1;
    if (start >= total || start > end) {
      return new Response(null, { status: 416, headers: { ...headers, "Content-Range": `bytes */${total}` } });
    }
    start = Math.max(0, start);
    end = Math.max(start, end);
    const body =
      req.method === "HEAD" ? null : (Readable.toWeb(await readStream(key, { start, end })) as ReadableStream);
    return new Response(body, {
      status: 206,
      headers: {
        ...headers,
        "Content-Range": `bytes ${start}-${end}/${total}`,
        "Content-Length": String(end - start + 1),
      },
    });
  }
  const body = req.method === "HEAD" ? null : (Readable.toWeb(await readStream(key)) as ReadableStream);
  return new Response(body, { status: 200, headers: { ...headers, "Content-Length": String(total) } });
}
