import { PassThrough, Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import busboy from "busboy";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { readJson, route } from "@/lib/api/handler";
import type { Scope } from "@/lib/auth/scope";
import { listAssets, listAssetsQuery } from "@/lib/assets/list";
import { importFromUrl, MAX_UPLOAD_BYTES, storeAsset, type IntendedUse } from "@/lib/assets/store";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

const importBody = z.object({
  url: z.url({ protocol: /^https?$/ }),
  model: z.string().optional(),
  mode: z.string().optional(),
  role: z.string().optional(),
});

/**
 * POST /api/v1/assets — multipart (field `file`; optional fields model, mode, role to check that model's limits
 * at once) streamed to disk, or JSON `{"url"}` to import a public file. → 201 {id, kind, mime, size, sha256, …}
 */
export const POST = route("asset:upload", async (req, caller) => {
  const type = req.headers.get("content-type") ?? "";
  if (type.startsWith("application/json")) {
    const b = importBody.parse(await readJson(req));
    return NextResponse.json(await importFromUrl(b.url, caller, b), { status: 201 });
  }
  if (!type.startsWith("multipart/form-data"))
    throw new AppError("invalid_request", 'send the file as multipart/form-data (field `file`), or JSON {"url": …}');
  return NextResponse.json(await parseMultipart(req, caller), { status: 201 });
});

/** GET /api/v1/assets?kind=&origin=&role=&cursor=&limit= — stored files usable as inputs, newest first → {items, nextCursor}. */
export const GET = route("team:read", async (req, caller) => {
  const q = listAssetsQuery.parse(Object.fromEntries(req.nextUrl.searchParams));
  return NextResponse.json(await listAssets(caller, q));
});

function parseMultipart(req: NextRequest, scope: Scope): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const fields: IntendedUse = {};
    let pending: Promise<unknown> | undefined;
    let fileStream: Readable | undefined;
    const bb = busboy({
      headers: Object.fromEntries(req.headers),
      limits: { files: 1, fileSize: MAX_UPLOAD_BYTES + 1, fields: 10 },
    });
    bb.on("field", (name, value) => {
      if (name === "model" || name === "mode" || name === "role") fields[name] = value;
    });
    bb.on("file", (name, stream) => {
      if (name !== "file" || fileStream) {
        stream.resume();
        return;
      }
      fileStream = stream;
      // The fields sent after the file are seen by the time the stream ends; the check runs after storing.
      const pass = new PassThrough();
      stream.on("limit", () => pass.destroy(new Error(`File is larger than ${MAX_UPLOAD_BYTES} bytes`)));
      stream.pipe(pass);
      pending = storeAsset(pass, scope, fields);
    });
    bb.on("close", () => {
      if (!pending) return reject(new AppError("validation_failed", "no file in the form (field `file`)", "file"));
      pending.then(resolve, reject);
    });
    bb.on("error", (e) =>
      reject(new AppError("invalid_request", `the upload could not be read: ${(e as Error).message}`)),
    );
    if (!req.body) return reject(new AppError("invalid_request", "empty body"));
    Readable.fromWeb(req.body as unknown as WebReadableStream).pipe(bb);
  });
}
