import { AppError } from "@/lib/errors";

/** A page boundary: the last item's (createdAt, id), opaque to clients. */
export interface Keyset {
  createdAt: string;
  id: string;
}

export function encodeCursor(k: Keyset): string {
  return Buffer.from(`${k.createdAt}|${k.id}`, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): Keyset {
  const raw = Buffer.from(cursor, "base64url").toString("utf8");
  const bar = raw.indexOf("|");
  const createdAt = raw.slice(0, bar);
  if (bar < 0 || Number.isNaN(Date.parse(createdAt)) || !raw.slice(bar + 1))
    throw new AppError("invalid_request", "this cursor is not valid; start again without one", "cursor");
  return { createdAt, id: raw.slice(bar + 1) };
}

/** DateTime as the better-sqlite3 adapter stores it (ISO 8601 with +00:00), so raw SQL compares like with like. */
export function sqlTime(d: Date): string {
  return d.toISOString().replace("Z", "+00:00");
}
