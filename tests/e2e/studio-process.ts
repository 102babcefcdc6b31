import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { E2E, EMULATOR_URL, studioEnv } from "../../playwright.config";

/** A second studio server (production mode, same emulator) that a test may kill and start again. */
export class StudioProcess {
  private child?: ChildProcess;
  readonly port: number;
  readonly dataDir: string;

  constructor(name: string, port: number) {
    this.port = port;
    this.dataDir = path.resolve(`${E2E.dataDir}-${name}`);
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  async start() {
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
      stdio: "ignore",
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

  /** SIGKILL the whole process group (the launcher and next-server): no chance to clean up. */
  kill() {
    if (this.child?.pid) process.kill(-this.child.pid, "SIGKILL");
    this.child = undefined;
  }
}
