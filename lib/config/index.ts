import "server-only";
import { parseEnv, type Env } from "./env";

let cached: Env | undefined;

/** The validated configuration, read once per process. */
export function config(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
