import { spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/**
 * A throw-away PostgreSQL cluster for the tests and the migration tools: initdb into a temporary folder, trust auth
 * on 127.0.0.1 only, a free port, removed by stop(). PostgreSQL refuses to run as root, so as root the cluster runs
 * as the `postgres` user (Debian's package creates it) and its folder belongs to that user.
 */
export interface PgCluster {
  url: (database?: string) => string;
  port: number;
  stop: () => void;
}

const BIN_DIRS = ["/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin"];

/** The folder holding initdb and pg_ctl, or undefined when PostgreSQL is not installed. */
export function postgresBin(): string | undefined {
  if (process.env.STUDIO_PG_BIN) return process.env.STUDIO_PG_BIN;
  const onPath = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" }).stdout.trim();
  // (A symlink on PATH, e.g. /usr/local/bin/initdb, points at the folder that also holds psql and pg_ctl.)
  if (onPath) return path.dirname(realpathSync(onPath));
  return BIN_DIRS.find((d) => existsSync(path.join(d, "initdb")));
}

export async function startPgCluster(): Promise<PgCluster> {
  const bin = postgresBin();
  if (!bin) throw new Error("PostgreSQL is not installed (apt-get install postgresql)");
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(os.tmpdir(), "studio-pg-"));
  if (root) chownSync(dir, Number(idOf("-u")), Number(idOf("-g")));
  const asUser = (cmd: string, args: string[]) => {
    const r = root
      ? spawnSync("runuser", ["-u", "postgres", "--", cmd, ...args], { encoding: "utf8" })
      : spawnSync(cmd, args, { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`${path.basename(cmd)} failed: ${r.stderr || r.stdout || r.error}`);
  };
  const data = path.join(dir, "data");
  asUser(path.join(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8"]);
  const port = await freePort();
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`;
  asUser(path.join(bin, "pg_ctl"), ["-D", data, "-o", opts, "-l", path.join(dir, "log"), "-w", "start"]);
  return {
    port,
    url: (database = "postgres") => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    stop: () => {
      try {
        asUser(path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function idOf(flag: "-u" | "-g"): string {
  return spawnSync("id", [flag, "postgres"], { encoding: "utf8" }).stdout.trim();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}
