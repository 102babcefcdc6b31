import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { studioEnv } from "../../playwright.config";

export type RouteMethod = { file: string; path: string; method: string; access: string };

function walk(dir: string, name: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir)) {
    const p = path.join(dir, e);
    if (statSync(p).isDirectory()) walk(p, name, out);
    else if (e === name) out.push(p);
  }
  return out;
}

/** `app/api/v1/assets/[id]/route.ts` → `/api/v1/assets/[id]` (route groups dropped). */
export function urlPathOf(file: string, root: string): string {
  const rel = path
    .relative(root, path.dirname(file))
    .split(path.sep)
    .filter((s) => !/^\(.*\)$/.test(s));
  return "/" + rel.join("/");
}

/**
 * Every exported method of every route file, with the access it declares: the permission given to
 * `route(...)` / `authorize(req, ...)`, "public" for `publicRoute`, "catch-all" for the JSON 404.
 * A method whose access cannot be read is "undeclared" — the test fails on it.
 */
export function apiRoutes(): RouteMethod[] {
  const out: RouteMethod[] = [];
  for (const file of walk("app/api", "route.ts")) {
    const src = readFileSync(file, "utf8");
    const p = urlPathOf(file, "app");
    for (const m of src.matchAll(/export (?:const|async function) (GET|POST|PUT|PATCH|DELETE|HEAD)\b([^\n]*)/g)) {
      const [, method, rest] = m;
      let access = "undeclared";
      const declared = /= (route|publicRoute)(?:<[^>]*>)?\((?:"([^"]+)")?/.exec(rest);
      if (declared) access = declared[1] === "publicRoute" ? "public" : (declared[2] ?? "undeclared");
      else if (/= notFound/.test(rest)) access = "catch-all";
      else if (/= metricsRoute\(/.test(rest)) access = "metrics-token";
      else if (/= GET;?$/.test(rest))
        access = out.find((r) => r.file === file && r.method === "GET")?.access ?? "undeclared";
      else if (rest.startsWith("(")) {
        // A hand-written handler: it must call the one check itself.
        const a = /authorize\(req, "([^"]+)"[,)]/.exec(src) ?? /route<[^>]*>\("([^"]+)"/.exec(src);
        if (a) access = a[1];
      }
      out.push({ file, path: p, method, access });
    }
  }
  return out;
}

export function studioPages(): string[] {
  return walk("app", "page.tsx").map((f) => urlPathOf(f, "app"));
}

/** `npm run cli -- …` against the e2e studio's database (or another data dir's) → its output lines. */
export function runCli(args: string[], dataDir?: string): string[] {
  const env = {
    ...process.env,
    ...studioEnv,
    STUDIO_ENV_FILE: "none",
    ...(dataDir ? { STUDIO_DATA_DIR: dataDir, DATABASE_URL: `file:${path.join(dataDir, "studio.db")}` } : {}),
  };
  const r = spawnSync(
    process.execPath,
    ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/cli.ts", ...args],
    { env, encoding: "utf8" },
  );
  if (r.status !== 0) throw new Error(`cli ${args.join(" ")} failed: ${r.stderr}`);
  return r.stdout.trim().split("\n");
}

/** The admin CLI against the e2e studio's database: an account in a team with a role, and its token. */
export function cliAccount(
  email: string,
  team: string,
  role: "admin" | "member" | "reviewer",
  dataDir?: string,
): string {
  const run = (args: string[]) => runCli(args, dataDir);
  run([
    "user",
    "create",
    "--email",
    email,
    "--password",
    "e2e-password-long",
    "--name",
    email.split("@")[0],
    "--team",
    team,
    "--role",
    role,
  ]);
  return run(["token", "create", "--email", email, "--team", team]).pop()!;
}
