import "server-only";
import sharp from "sharp";
import { rgbaToThumbHash } from "thumbhash";
import { writeBuffer } from "@/lib/storage";

/** The grid's thumbnail: long side at most this many pixels (small enough that a screen of them is a few hundred KB). */
export const THUMB_LONG_SIDE = 400;

export interface Thumbnail {
  key: string;
  /** Base64 ThumbHash: ~25 bytes the grid paints (blurred, right aspect ratio) until the WebP arrives. */
  thumbhash: string;
}

/** ThumbHash of an image, from a ≤100 px RGBA copy (the algorithm's input limit). */
export async function thumbhashOf(input: Buffer | string): Promise<string> {
  const { data, info } = await sharp(input)
    .resize({ width: 100, height: 100, fit: "inside" })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return Buffer.from(rgbaToThumbHash(info.width, info.height, data)).toString("base64");
}

/**
 * A WebP thumbnail (≤400 px long side, never enlarged) and its ThumbHash, stored next to `key` as `<key>.thumb.webp`.
 * `source` is the image file (or a video's poster frame as bytes).
 */
export async function makeThumbnail(key: string, source: Buffer | string): Promise<Thumbnail> {
  const webp = await sharp(source)
    .rotate()
    .resize({ width: THUMB_LONG_SIDE, height: THUMB_LONG_SIDE, fit: "inside", withoutEnlargement: true })
    .webp({ quality: 78 })
    .toBuffer();
  const stored = await writeBuffer(`${key}.thumb.webp`, webp);
  return { key: stored.key, thumbhash: await thumbhashOf(webp) };
}
