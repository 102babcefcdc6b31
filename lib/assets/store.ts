import "server-only";
import type { Scope } from "@/lib/auth/scope";
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { getModeSpec, type InputRole, type Mode } from "@/lib/catalog";
import { checkMedia } from "@/lib/catalog/validate";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assetView } from "@/lib/assets/view";
import { safeFetch } from "@/lib/net/safe-fetch";
import { trustedOrigins } from "@/lib/net/trusted-origins";
import { localDisk, pathForKey, storage } from "@/lib/storage";
import { ACCEPTED, readMeta, sniffFile } from "./sniff";
import { makeThumbnail, type Thumbnail } from "./thumbnail";
import { audioThumbnail } from "./waveform";

export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

export interface IntendedUse {
  model?: string;
  mode?: string;
  role?: string;
}

/**
 * Keep a file the user gave us: stream it to the local disk (staged: sniffing and probing read a file), find its
 * type from the bytes, read its facts, and — when the intended model/mode/role is known — check the model's
 * documented limits now, before anything is sent; then move it to the storage backend under its final key.
 */
export async function storeAsset(source: Readable, scope: Scope, use: IntendedUse = {}) {
  const id = randomUUID();
  const tmpKey = `uploads/${id}.incoming`;
  let stored;
  try {
    stored = await localDisk().writeStream(tmpKey, source, { maxBytes: MAX_UPLOAD_BYTES });
  } catch (e) {
    await localDisk().remove(tmpKey);
    if (/larger than/.test((e as Error).message))
      throw new AppError(
        "validation_failed",
        `the file is larger than the studio's upload limit of ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`,
        "file",
      );
    throw e;
  }
  try {
    if (stored.size === 0) throw new AppError("validation_failed", "the file is empty", "file");
    const mime = await sniffFile(pathForKey(tmpKey));
    const accepted = mime ? ACCEPTED[mime] : undefined;
    if (!mime || !accepted) {
      throw new AppError(
        "validation_failed",
        `${mime ? `files of type ${mime}` : "this file's type"} cannot be used (accepted: JPEG, PNG, WebP images; MP4, MOV, WebM videos; WAV, MP3, M4A, OGG, WebM audio)`,
        "file",
      );
    }
    let kind = accepted.kind;
    const meta = await readMeta(pathForKey(tmpKey), kind, mime);
    let finalMime = mime;
    if (kind === "video" && mime === "video/mp4" && meta.width === undefined && meta.durationSeconds !== undefined) {
      kind = "audio"; // an MP4 with no video stream is an M4A
      finalMime = "audio/mp4";
    }
    if (use.model && use.mode && use.role) {
      const spec = getModeSpec(use.model, use.mode as Mode);
      const roleSpec = spec?.inputs.find((i) => i.role === (use.role as InputRole));
      if (!roleSpec)
        throw new AppError("validation_failed", `${use.model} ${use.mode} takes no ${use.role} input`, "role");
      if (roleSpec.kind !== kind)
        throw new AppError(
          "validation_failed",
          `${use.role} must be ${roleSpec.kind === "image" ? "an image" : `a ${roleSpec.kind}`}, this file is ${kind === "image" ? "an image" : `a ${kind}`}`,
          "file",
        );
      const problems = checkMedia(roleSpec, { mime: finalMime, size: stored.size, ...meta });
      if (problems.length) throw new AppError("validation_failed", `${use.role}: ${problems.join("; ")}`, "file");
    }
    const key = `uploads/${id}.${accepted.ext}`;
    // The gallery shows uploads behind a toggle; an unreadable image simply has no thumbnail.
    const thumb: Thumbnail | undefined =
      kind === "image"
        ? await makeThumbnail(key, pathForKey(tmpKey)).catch(() => undefined)
        : kind === "audio"
          ? await audioThumbnail(key, pathForKey(tmpKey))
          : undefined;
    await storage().adoptFile(key, pathForKey(tmpKey), stored, finalMime);
    const row = await db().asset.create({
      data: {
        id,
        teamId: scope.teamId,
        createdById: scope.userId,
        kind,
        mime: finalMime,
        size: stored.size,
        sha256: stored.sha256,
        width: meta.width ?? null,
        height: meta.height ?? null,
        durationSeconds: meta.durationSeconds ?? null,
        storageKey: key,
        origin: "upload",
        archiveState: "archived",
        ...(thumb ? { thumbKey: thumb.key, thumbhash: thumb.thumbhash } : {}),
      },
    });
    return { ...assetView(row), ...(meta.fps ? { fps: meta.fps } : {}) };
  } catch (e) {
    await localDisk().remove(tmpKey);
    throw e;
  }
}

/** Import a file from a user's URL (public addresses only; TD's origin and STUDIO_FETCH_ALLOW_ORIGINS are allowed). */
export async function importFromUrl(url: string, scope: Scope, use: IntendedUse = {}) {
  const res = await safeFetch(url, { allowOrigins: trustedOrigins() });
  if (!res.ok || !res.body) throw new AppError("validation_failed", `the URL answered HTTP ${res.status}`, "url");
  const length = Number(res.headers.get("content-length"));
  if (length > MAX_UPLOAD_BYTES)
    throw new AppError(
      "validation_failed",
      `the file is larger than the studio's upload limit of ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`,
      "url",
    );
  return storeAsset(Readable.fromWeb(res.body as unknown as WebReadableStream), scope, use);
}
