import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { pipeline, Readable } from "node:stream";

interface StoredFile {
  bytes: Buffer;
  mime: string;
  /** Answer 500 instead of the bytes (download fault). */
  broken: boolean;
  /** Zero bytes of a trailing MP4 `free` box (`[[output-mb:N]]`): streamed, never held in memory. */
  padding: number;
}

const ZEROS = Buffer.alloc(64 * 1024);

/** Total size of a stored file, its padding box included. */
function sizeOf(f: StoredFile): number {
  return f.bytes.length + (f.padding ? 8 + f.padding : 0);
}

/** Bytes start..end (inclusive): the stored bytes, then the `free` box header, then zeros in 64 KB chunks. */
function* padded(f: StoredFile, start: number, end: number): Generator<Buffer> {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + f.padding, 0);
  header.write("free", 4, "latin1");
  const head = Buffer.concat([f.bytes, header]);
  if (start < head.length) yield head.subarray(start, Math.min(head.length, end + 1));
  for (let pos = Math.max(start, head.length); pos <= end; pos += ZEROS.length)
    yield ZEROS.subarray(0, Math.min(ZEROS.length, end + 1 - pos));
}

/** Output files with signed, expiring URLs, like TD's OSS/TOS/VOD links. */
export class FileStore {
  private files = new Map<string, StoredFile>();
  constructor(private secret: string) {}

  put(bytes: Buffer, mime: string, broken = false, padding = 0): string {
    const id = randomUUID();
    this.files.set(id, { bytes, mime, broken, padding });
    return id;
  }

  signedPath(id: string, ext: string, expiresAtMs: number): string {
    const expires = Math.floor(expiresAtMs / 1000);
    return `/files/${id}.${ext}?Expires=${expires}&Signature=${this.sign(id, expires)}`;
  }

  private sign(id: string, expires: number): string {
    return createHmac("sha256", this.secret).update(`${id}:${expires}`).digest("hex").slice(0, 32);
  }

  /** GET /files/{id}.{ext}?Expires&Signature — 403 once expired, Range supported. */
  serve(req: IncomingMessage, res: ServerResponse, url: URL): number {
    const m = /^\/files\/([0-9a-f-]{36})\.\w+$/.exec(url.pathname);
    const file = m ? this.files.get(m[1]) : undefined;
    const expires = Number(url.searchParams.get("Expires"));
    const sig = url.searchParams.get("Signature") ?? "";
    const deny = (status: number, code: string, message: string) => {
      res.writeHead(status, { "Content-Type": "application/xml" });
      res.end(
        `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`,
      );
      return status;
    };
    if (!m || !file) return deny(404, "NoSuchKey", "The specified key does not exist.");
    const expected = this.sign(m[1], expires);
    if (
      !Number.isFinite(expires) ||
      sig.length !== expected.length ||
      !timingSafeEqual(Buffer.from(sig), Buffer.from(expected))
    ) {
      return deny(
        403,
        "SignatureDoesNotMatch",
        "The request signature we calculated does not match the signature you provided.",
      );
    }
    if (Date.now() / 1000 > expires) return deny(403, "AccessDenied", "Request has expired.");
    if (file.broken) return deny(500, "InternalError", "We encountered an internal error. Please try again.");
    const total = sizeOf(file);
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? "");
    const headers: Record<string, string | number> = { "Content-Type": file.mime, "Accept-Ranges": "bytes" };
    if (range && (range[1] || range[2])) {
      let start = range[1] ? Number(range[1]) : total - Number(range[2]);
      let end = range[1] && range[2] ? Number(range[2]) : total - 1;
      start = Math.max(0, start);
      end = Math.min(total - 1, end);
      if (start > end) {
        res.writeHead(416, { "Content-Range": `bytes */${total}` });
        res.end();
        return 416;
      }
      res.writeHead(206, {
        ...headers,
        "Content-Range": `bytes ${start}-${end}/${total}`,
        "Content-Length": end - start + 1,
      });
      if (file.padding && req.method !== "HEAD") pipeline(Readable.from(padded(file, start, end)), res, () => {});
      else res.end(req.method === "HEAD" ? undefined : file.bytes.subarray(start, end + 1));
      return 206;
    }
    res.writeHead(200, { ...headers, "Content-Length": total });
    if (file.padding && req.method !== "HEAD") pipeline(Readable.from(padded(file, 0, total - 1)), res, () => {});
    else res.end(req.method === "HEAD" ? undefined : file.bytes);
    return 200;
  }

  clear() {
    this.files.clear();
  }
}
