import { spawn, type ChildProcess } from "node:child_process";
import { openSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import type { BrowserContext } from "@playwright/test";
import { E2E, EMULATOR_URL, studioEnv } from "../../playwright.config";
import { firstRun } from "../../scripts/harness";
import { E2E_ADMIN } from "./auth-helpers";

/** A second studio server (production mode, same emulator) that a test may kill and start again. */
export class StudioProcess {
  private child?: ChildProcess;
  readonly port: number;
  readonly dataDir: string;

  constructor(name: string, port: number) {
    this.port = port;
    this.dataDir = path.resolve(`${E2E.dataDir}-${name}`);
    rmSync(this.dataDir, { recursive: true, force: true });
    rmSync(`${this.dataDir}.log`, { force: true });
  }

  get logFile() {
    return `${this.dataDir}.log`;
  }

  log(): string {
    return readFileSync(this.logFile, "utf8");
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  async start() {
    // A server left over from an aborted run would answer in this one's place.
    const stale = await fetch(`${this.url}/api/v1/models`).then(
      () => true,
      () => false,
    );
    if (stale) throw new Error(`port ${this.port} is already serving something; stop it first`);
    this.child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/start.ts"], {
      env: {
        ...process.env,
        ...studioEnv,
        PORT: String(this.port),
        TD_BASE_URL: EMULATOR_URL,
        STUDIO_DATA_DIR: this.dataDir,
        DATABASE_URL: `file:${path.join(this.dataDir, "studio.db")}`,
        PUBLIC_BASE_URL: this.url,
      },
      // Everything the server prints, kept for the test to read (e.g. that the TD key never appears).
      stdio: ["ignore", openSync(this.logFile, "a"), openSync(this.logFile, "a")],
      detached: true,
    });
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      try {
        const r = await fetch(`${this.url}/api/v1/models`);
        if (r.ok) return;
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`studio on port ${this.port} did not start`);
  }

  /**
   * First run of this (fresh) studio: its admin, signed in in `context`. Cookies are per host, not per port,
   * so this replaces the main studio's cookie in that one context.
   */
  async signInAdmin(context: BrowserContext) {
    const { cookies, token } = await firstRun(this.url, E2E_ADMIN);
    await context.addCookies(
      cookies.map((c) => ({ ...c, domain: "127.0.0.1", path: "/", httpOnly: true, sameSite: "Lax" as const })),
    );
    return token;
  }

  /** SIGKILL the whole process group (the launcher and next-server): no chance to clean up. */
  kill() {
    if (this.child?.pid) {
      try {
        process.kill(-this.child.pid, "SIGKILL");
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "ESRCH") throw e; // already gone
      }
    }
    this.child = undefined;
  }
}
