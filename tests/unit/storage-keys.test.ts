import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

// The guard between a storage key and the disk (lib/storage pathForKey): the REST routes look files up by
// asset id, so this is the one place a crafted key could leave the storage root — tested here directly.

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "studio-keys-"));
  Object.assign(process.env, {
    TD_BASE_URL: "http://127.0.0.1:9",
    TD_API_KEY: "k",
    STUDIO_DATA_DIR: dir,
    DATABASE_URL: `file:${dir}/studio.db`,
  });
});

describe("storage key → path guard", () => {
  it("maps the keys the studio makes to files under the storage root", async () => {
    const { pathForKey, storageRoot } = await import("@/lib/storage");
    expect(pathForKey("uploads/ab/cd.png")).toBe(path.join(storageRoot(), "uploads/ab/cd.png"));
    expect(pathForKey("outputs/g1/a.mp4.poster.jpg")).toBe(path.join(storageRoot(), "outputs/g1/a.mp4.poster.jpg"));
  });

  it.each([
    ["../../etc/passwd"],
    ["uploads/../../etc/passwd"],
    ["uploads/..\\..\\etc"],
    [".."],
    ["/etc/passwd"],
    ["uploads//x"],
    ["%2E%2E/x"],
    ["uploads/a b"],
    ["uploads/x\u0000.png"],
    [""],
    ["a".repeat(202)],
  ])("refuses %j", async (key) => {
    const { pathForKey } = await import("@/lib/storage");
    expect(() => pathForKey(key)).toThrow(/Invalid storage key/);
  });
});
