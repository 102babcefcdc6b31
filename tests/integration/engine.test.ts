import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadStudio, studioTestbed, until } from "./helpers";
import { TEST_SCOPE } from "../../scripts/harness/studio-env";

const bed = studioTestbed({ taskSeconds: 0.4 });

describe("generation engine (HappyHorse text-to-video against the emulator)", () => {
  it("writes the record, sends it once, polls to success and archives the MP4 on our storage", async () => {
    const { createGeneration, getGeneration, db } = await loadStudio();
    const created = await createGeneration({
      model: "T0401001",
      mode: "text-to-video",
      prompt: "a paper city at night",
      params: { duration: 4, ratio: "9:16" },
    });
    expect(created.status).toBe("running");
    expect(created.upstreamTaskId).toBeTruthy();
    expect(created.params).toEqual({ resolution: "1080P", ratio: "9:16", duration: 4, watermark: false });
    const done = await until(
      () => getGeneration(TEST_SCOPE, created.id),
      (g) => g.status === "succeeded" && g.outputs[0]?.asset.archiveState === "archived",
    );
    const out = done.outputs[0].asset;
    expect(out.mime).toBe("video/mp4");
    const row = await db().asset.findUniqueOrThrow({ where: { id: out.id } });
    const bytes = readFileSync(path.join(bed.dataDir, "files", row.storageKey!));
    expect(bytes.length).toBe(out.size);
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(out.sha256);
    expect(row.upstreamUrl).toContain("/files/");
    // One create upstream for one generation.
    expect(bed.emu.log.filter((l) => l.op === "create" && l.taskId === created.upstreamTaskId)).toHaveLength(1);
    expect(done.requestIds.length).toBeGreaterThanOrEqual(2);
  });

  it("rejects bad input before anything is sent, naming the limit", async () => {
    const { createGeneration } = await loadStudio();
    const before = bed.emu.tasks.creates;
    await expect(
      createGeneration({ model: "T0401001", mode: "text-to-video", prompt: "x", params: { duration: 20 } }),
    ).rejects.toMatchObject({ code: "validation_failed", message: expect.stringContaining("at most 15") });
    await expect(
      createGeneration({ model: "T0401001", mode: "text-to-video", prompt: "字".repeat(2501) }),
    ).rejects.toMatchObject({ message: expect.stringContaining("2500 Chinese") });
    await expect(createGeneration({ model: "T0401001", mode: "text-to-video", prompt: "" })).rejects.toMatchObject({
      field: "prompt",
    });
    await expect(createGeneration({ model: "T0401001", mode: "first-frame", prompt: "x" })).rejects.toMatchObject({
      field: "mode",
    });
    await expect(
      createGeneration({ model: "T0401001", mode: "text-to-video", prompt: "x", params: { colour: "red" } }),
    ).rejects.toMatchObject({ message: expect.stringContaining("colour") });
    expect(bed.emu.tasks.creates).toBe(before);
  });

  it("keeps an upstream failure with its code and message", async () => {
    const { createGeneration, getGeneration } = await loadStudio();
    const g = await createGeneration({ model: "T0401001", mode: "text-to-video", prompt: "boom [[fault:failed]]" });
    const done = await until(
      () => getGeneration(TEST_SCOPE, g.id),
      (x) => x.status === "failed",
    );
    expect(done.error).toMatchObject({ code: "InternalError.Algo", message: expect.stringContaining("failed") });
  });

  it("does not fail a create TD refused with 429: it waits for capacity, unsent, with the refused requestId kept", async () => {
    const { createGeneration } = await loadStudio();
    const before = bed.emu.tasks.creates;
    const g = await createGeneration({ model: "T0401001", mode: "text-to-video", prompt: "busy [[fault:429]]" });
    expect(g.status).toBe("queued");
    expect(g.phase).toBe("waiting_capacity");
    expect(g.upstreamStatus).toBe("waiting_capacity");
    expect(g.error).toBeUndefined();
    expect(g.requestIds).toHaveLength(1);
    expect(bed.emu.tasks.creates).toBe(before);
  });

  it("marks a dropped create answer as uncertain instead of resending it", async () => {
    const { createGeneration } = await loadStudio();
    const before = bed.emu.tasks.creates;
    const g = await createGeneration({ model: "T0401001", mode: "text-to-video", prompt: "lost [[fault:drop]]" });
    expect(g.status).toBe("failed");
    expect(g.error?.code).toBe("SubmitUncertain");
    expect(bed.emu.tasks.creates).toBe(before + 1);
  });

  it("retries an output download that fails, and keeps the generation saving (not succeeded) meanwhile", async () => {
    const { createGeneration, getGeneration, db } = await loadStudio();
    const g = await createGeneration({
      model: "T0401001",
      mode: "text-to-video",
      prompt: "save me [[fault:download]]",
    });
    const first = await until(
      () => getGeneration(TEST_SCOPE, g.id),
      (x) => x.outputs[0]?.asset.archiveState === "failed",
    );
    expect(first.status).toBe("running");
    expect(first.phase).toBe("saving");
    expect(first.outputs[0].asset.fileUrl).toBeUndefined();
    expect(first.outputs[0].asset.archiveError).toContain("HTTP 500");
    // A retry is planned, not given up: bring it forward and watch the engine download the file again.
    const id = first.outputs[0].asset.id;
    const row = await db().asset.findUniqueOrThrow({ where: { id } });
    expect(row.archiveAttempts).toBe(1);
    expect(row.nextArchiveAt?.getTime()).toBeGreaterThan(Date.now());
    await db().asset.update({ where: { id }, data: { nextArchiveAt: new Date() } });
    await until(
      () => db().asset.findUniqueOrThrow({ where: { id } }),
      (a) => a.archiveAttempts === 2 && a.archiveState === "failed",
    );
    const fileId = /\/files\/([^/.?]+)/.exec(row.upstreamUrl ?? "")?.[1];
    expect(bed.emu.log.filter((l) => l.op === "download" && l.taskId === fileId && l.status === 500)).toHaveLength(2);
    expect((await getGeneration(TEST_SCOPE, g.id)).status).toBe("running");
  });

  it("survives poll faults: a 500 on the first poll is retried and the task still finishes", async () => {
    const { createGeneration, getGeneration } = await loadStudio();
    const g = await createGeneration({ model: "T0401001", mode: "text-to-video", prompt: "flaky [[fault:500@poll]]" });
    const done = await until(
      () => getGeneration(TEST_SCOPE, g.id),
      (x) => x.status === "succeeded",
    );
    const polls = bed.emu.log.filter((l) => l.op === "get" && l.taskId === g.upstreamTaskId);
    expect(polls[0]).toMatchObject({ status: 500 });
    expect(polls.at(-1)).toMatchObject({ status: 200 });
    expect(done.outputs[0]?.kind).toBe("video");
  });
});
