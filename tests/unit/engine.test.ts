import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "@/emulator";
import { freshStudioEnv } from "./studio-env";
import { until } from "./helpers";
import { TEST_SCOPE } from "./studio-env";

let emu: Emulator;
let dataDir: string;

beforeAll(async () => {
  emu = await startEmulator({ port: 0, apiKey: "k", taskSeconds: 0.4, quiet: true });
  dataDir = freshStudioEnv(emu.url, "k").dir;
});
afterAll(async () => {
  const { startEngine } = await import("@/lib/generations/engine");
  startEngine().stop();
  await emu.close();
});

async function load() {
  const [{ createGeneration }, { getGeneration }, { startEngine }, { db }] = await Promise.all([
    import("@/lib/generations/create"),
    import("@/lib/generations/queries"),
    import("@/lib/generations/engine"),
    import("@/lib/db"),
  ]);
  startEngine();
  return { createGeneration, getGeneration, db };
}

describe("generation engine (HappyHorse text-to-video against the emulator)", () => {
  it("writes the record, sends it once, polls to success and archives the MP4 on our storage", async () => {
    const { createGeneration, getGeneration, db } = await load();
    const created = await createGeneration({ model: "T0401001", mode: "text-to-video", prompt: "a paper city at night", params: { duration: 4, ratio: "9:16" } }, TEST_SCOPE);
    expect(created.status).toBe("running");
    expect(created.upstreamTaskId).toBeTruthy();
    expect(created.params).toEqual({ resolution: "1080P", ratio: "9:16", duration: 4, watermark: false });
    const done = await until(() => getGeneration(TEST_SCOPE, created.id), (g) => g.status === "succeeded" && g.outputs[0]?.asset.archiveState === "archived");
    const out = done.outputs[0].asset;
    expect(out.mime).toBe("video/mp4");
    const row = await db().asset.findUniqueOrThrow({ where: { id: out.id } });
    const bytes = readFileSync(path.join(dataDir, "files", row.storageKey!));
    expect(bytes.length).toBe(out.size);
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(out.sha256);
    expect(row.upstreamUrl).toContain("/files/");
    // One create upstream for one generation.
    expect(emu.log.filter((l) => l.op === "create" && l.taskId === created.upstreamTaskId)).toHaveLength(1);
    expect(done.requestIds.length).toBeGreaterThanOrEqual(2);
  });

  it("rejects bad input before anything is sent, naming the limit", async () => {
    const { createGeneration } = await load();
    const before = emu.tasks.creates;
    await expect(createGeneration({ model: "T0401001", mode: "text-to-video", prompt: "x", params: { duration: 20 } }, TEST_SCOPE)).rejects.toMatchObject({ code: "validation_failed", message: expect.stringContaining("at most 15") });
    await expect(createGeneration({ model: "T0401001", mode: "text-to-video", prompt: "字".repeat(2501) }, TEST_SCOPE)).rejects.toMatchObject({ message: expect.stringContaining("2500 Chinese") });
    await expect(createGeneration({ model: "T0401001", mode: "text-to-video", prompt: "" }, TEST_SCOPE)).rejects.toMatchObject({ field: "prompt" });
    await expect(createGeneration({ model: "T0401001", mode: "first-frame", prompt: "x" }, TEST_SCOPE)).rejects.toMatchObject({ field: "mode" });
    await expect(createGeneration({ model: "T0401001", mode: "text-to-video", prompt: "x", params: { colour: "red" } }, TEST_SCOPE)).rejects.toMatchObject({ message: expect.stringContaining("colour") });
    expect(emu.tasks.creates).toBe(before);
  });

  it("keeps an upstream failure with its code and message", async () => {
    const { createGeneration, getGeneration } = await load();
    const g = await createGeneration({ model: "T0401001", mode: "text-to-video", prompt: "boom [[fault:failed]]" }, TEST_SCOPE);
    const done = await until(() => getGeneration(TEST_SCOPE, g.id), (x) => x.status === "failed");
    expect(done.error).toMatchObject({ code: "InternalError.Algo", message: expect.stringContaining("failed") });
  });

  it("does not fail a create TD refused with 429: it waits for capacity, unsent, with the refused requestId kept", async () => {
    const { createGeneration } = await load();
    const before = emu.tasks.creates;
    const g = await createGeneration({ model: "T0401001", mode: "text-to-video", prompt: "busy [[fault:429]]" }, TEST_SCOPE);
    expect(g.status).toBe("queued");
    expect(g.phase).toBe("waiting_capacity");
    expect(g.upstreamStatus).toBe("waiting_capacity");
    expect(g.error).toBeUndefined();
    expect(g.requestIds).toHaveLength(1);
    expect(emu.tasks.creates).toBe(before);
  });

  it("marks a dropped create answer as uncertain instead of resending it", async () => {
    const { createGeneration } = await load();
    const before = emu.tasks.creates;
    const g = await createGeneration({ model: "T0401001", mode: "text-to-video", prompt: "lost [[fault:drop]]" }, TEST_SCOPE);
    expect(g.status).toBe("failed");
    expect(g.error?.code).toBe("SubmitUncertain");
    expect(emu.tasks.creates).toBe(before + 1);
  });

  it("retries an output download that fails, and keeps the generation saving (not succeeded) meanwhile", async () => {
    const { createGeneration, getGeneration } = await load();
    const g = await createGeneration({ model: "T0401001", mode: "text-to-video", prompt: "save me [[fault:download]]" }, TEST_SCOPE);
    const done = await until(() => getGeneration(TEST_SCOPE, g.id), (x) => x.outputs[0]?.asset.archiveState === "failed");
    expect(done.status).toBe("running");
    expect(done.phase).toBe("saving");
    expect(done.outputs[0].asset.fileUrl).toBeUndefined();
    expect(done.outputs[0].asset.archiveError).toContain("HTTP 500");
  });

  it("survives poll faults: a 500 on the first poll is retried and the task still finishes", async () => {
    const { createGeneration, getGeneration } = await load();
    const g = await createGeneration({ model: "T0401001", mode: "text-to-video", prompt: "flaky [[fault:500@poll]]" }, TEST_SCOPE);
    const done = await until(() => getGeneration(TEST_SCOPE, g.id), (x) => x.status === "succeeded");
    expect(done.status).toBe("succeeded");
  });
});
