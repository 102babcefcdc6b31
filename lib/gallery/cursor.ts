import { AppError } from "@/lib/errors";

/** A page boundary: the last item's (createdAt, id), opaque to clients. */
export interface Keyset {
  createdAt: string;
  id: string;
  /** The sort's leading number: sort=rating the average stars (0 when unrated), sort=review the state's rank, a
   * board's order the position. */
  rating?: number;
}

export function encodeCursor(k: Keyset): string {
  const tail = k.rating !== undefined ? `|${k.rating}` : "";
  return Buffer.from(`${k.createdAt}|${k.id}${tail}`, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): Keyset {
  const raw = Buffer.from(cursor, "base64url").toString("utf8");
  const bar = raw.indexOf("|");
  const createdAt = raw.slice(0, bar);
  const [id, rating] = raw.slice(bar + 1).split("|");
  if (
    bar < 0 ||
    Number.isNaN(Date.parse(createdAt)) ||
    !id ||
    (rating !== undefined && !Number.isFinite(Number(rating)))
  )
    throw new AppError("invalid_request", "this cursor is not valid; start again without one", "cursor");
  return { createdAt, id, ...(rating !== undefined ? { rating: Number(rating) } : {}) };
}

/** DateTime as the better-sqlite3 adapter stores it (ISO 8601 with +00:00), so raw SQL compares like with like. */
export function sqlTime(d: Date): string {
  return d.toISOString().replace("Z", "+00:00");
}
