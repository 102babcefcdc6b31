import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

interface StoredFile {
  bytes: Buffer;
  mime: string;
  /** Answer 500 instead of the bytes (download fault). */
  broken: boolean;
}

/** Output files with signed, expiring URLs, like TD's OSS/TOS/VOD links. */
export class FileStore {
  private files = new Map<string, StoredFile>();
  constructor(private secret: string) {}

  put(bytes: Buffer, mime: string, broken = false): string {
    const id = randomUUID();
    this.files.set(id, { bytes, mime, broken });
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
      res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`);
      return status;
    };
    if (!m || !file) return deny(404, "NoSuchKey", "The specified key does not exist.");
    const expected = this.sign(m[1], expires);
    if (!Number.isFinite(expires) || sig.length !== expected.length || !timingSafeEqual(Buffer.from(sig), Buffer.from(expected))) {
      return deny(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
    }
    if (Date.now() / 1000 > expires) return deny(403, "AccessDenied", "Request has expired.");
    if (file.broken) return deny(500, "InternalError", "We encountered an internal error. Please try again.");
    const total = file.bytes.length;
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
      res.writeHead(206, { ...headers, "Content-Range": `bytes ${start}-${end}/${total}`, "Content-Length": end - start + 1 });
      res.end(req.method === "HEAD" ? undefined : file.bytes.subarray(start, end + 1));
      return 206;
    }
    res.writeHead(200, { ...headers, "Content-Length": total });
    res.end(req.method === "HEAD" ? undefined : file.bytes);
    return 200;
  }

  clear() {
    this.files.clear();
  }
}
