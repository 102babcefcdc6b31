import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { config } from "./index";

const cache = new Map<string, string>();

/**
 * A secret from its variable when set, else one made once and kept in the data folder (0600), so a
 * zero-setup studio survives restarts and every process of one deployment reads the same value.
 */
export function studioSecret(file: string, configured: string | undefined): string {
  if (configured) return configured;
  const hit = cache.get(file);
  if (hit) return hit;
  const full = path.resolve(config().STUDIO_DATA_DIR, file);
  if (!existsSync(full)) {
    mkdirSync(path.dirname(full), { recursive: true });
    try {
      writeFileSync(full, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e; // another process made it first
    }
  }
  const value = readFileSync(full, "utf8").trim();
  cache.set(file, value);
  return value;
}
