import { mkdirSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";

// Record every path opened through fs/promises, to see the folder fsync after the rename.
const opened: string[] = [];
vi.mock("node:fs/promises", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs/promises")>();
  return {
    ...real,
    open: (async (p: string, ...rest: unknown[]) => {
      opened.push(String(p));
      return (real.open as (...a: unknown[]) => unknown)(p, ...rest);
    }) as typeof real.open,
  };
});

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "studio-storage-"));
  Object.assign(process.env, {
    TD_BASE_URL: "http://127.0.0.1:9",
    TD_API_KEY: "k",
    STUDIO_DATA_DIR: dir,
    DATABASE_URL: `file:${dir}/studio.db`,
  });
});

describe("storage durability", () => {
  it("fsyncs the folder after renaming a written file into place", async () => {
    const { writeBuffer, pathForKey } = await import("@/lib/storage");
    opened.length = 0;
    await writeBuffer("outputs/g1/a.bin", Buffer.from("hello"));
    const folder = path.dirname(pathForKey("outputs/g1/a.bin"));
    expect(opened.at(-1)).toBe(folder);
    expect(opened.some((p) => p.endsWith(".part"))).toBe(true);
  });

  it("sweeps stale upload temp files (.part, .incoming) and keeps fresh ones and finished uploads", async () => {
    const { sweepStalePartials, storageRoot } = await import("@/lib/storage");
    const uploads = path.join(storageRoot(), "uploads");
    mkdirSync(uploads, { recursive: true });
    const old = new Date(Date.now() - 2 * 3600_000);
    for (const n of ["a.incoming.1234.part", "b.incoming", "c.png", "d.incoming.5678.part"])
      writeFileSync(path.join(uploads, n), "x");
    for (const n of ["a.incoming.1234.part", "b.incoming", "c.png"]) utimesSync(path.join(uploads, n), old, old);
    expect(await sweepStalePartials("uploads", 3600_000)).toBe(2);
    expect(readdirSync(uploads).sort()).toEqual(["c.png", "d.incoming.5678.part"]);
  });
});
