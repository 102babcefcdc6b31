import { Readable } from "node:stream";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { loadStudio, studioTestbed, until } from "./helpers";
import { TEST_SCOPE } from "../../scripts/harness/studio-env";

// The Image page's requests at studio level (GPT Image-2, T0302007): createGeneration → the PascalCase job
// body TD receives, SessionId = the generation id, studio assets sent as signed public URLs, Progress.

const PUBLIC = "http://studio.test:3000";
const bed = studioTestbed({ taskSeconds: 0.6, env: { PUBLIC_BASE_URL: PUBLIC }, record: (_url, action) => !!action });

const png = (w: number, h: number) =>
  sharp({ create: { width: w, height: h, channels: 3, background: "#aa6633" } })
    .png()
    .toBuffer();

describe("image studio · requests TD receives (T0302007)", () => {
  it("text → image with every option: the documented PascalCase body, SessionId = generation id, then Progress and the stored PNG", async () => {
    const { createGeneration, getGeneration } = await loadStudio();
    const g = await createGeneration({
      model: "T0302007",
      mode: "text-to-image",
      prompt: "a paper lantern festival",
      params: {
        quality: "high",
        resolution: "1K",
        aspectRatio: "21:9",
        negativePrompt: "text",
        enhancePrompt: true,
        seed: 42,
        personGeneration: "AllowAll",
        inputComplianceCheck: true,
        outputComplianceCheck: false,
        priority: 5,
      },
    });
    expect(bed.sent.at(-1)).toEqual({
      action: "T0302007",
      body: {
        Prompt: "a paper lantern festival",
        NegativePrompt: "text",
        EnhancePrompt: "Enabled",
        OutputConfig: {
          StorageMode: "Temporary",
          Resolution: "1K",
          AspectRatio: "21:9",
          PersonGeneration: "AllowAll",
          InputComplianceCheck: "Enabled",
          OutputComplianceCheck: "Disabled",
        },
        Seed: 42,
        SessionId: g.id,
        TasksPriority: 5,
        ModelVersion: "image2_high",
      },
    });
    expect(g.status).toBe("running");
    // TD's Progress percentage reaches the record while the job runs.
    const mid = await until(
      () => getGeneration(TEST_SCOPE, g.id),
      (x) => (x.progress ?? 0) > 0 || x.status === "succeeded",
    );
    expect(mid.progress).toBeGreaterThan(0);
    const done = await until(
      () => getGeneration(TEST_SCOPE, g.id),
      // The output is stored first, the record succeeds right after (settleSaving): wait for both, not race them.
      (x) => x.outputs[0]?.asset.archiveState === "archived" && x.status === "succeeded",
    );
    expect(done).toMatchObject({ status: "succeeded", progress: 100 });
    expect(done.outputs[0].asset).toMatchObject({ kind: "image", mime: "image/png", width: 1024 });
  });

  it("documented defaults are sent when nothing is chosen (image2_medium, 2K, 1:1, AllowAdult, checks off, priority 0)", async () => {
    const { createGeneration } = await loadStudio();
    const g = await createGeneration({ model: "T0302007", mode: "text-to-image", prompt: "defaults" });
    expect(bed.sent.at(-1)!.body).toEqual({
      Prompt: "defaults",
      EnhancePrompt: "Disabled",
      OutputConfig: {
        StorageMode: "Temporary",
        Resolution: "2K",
        AspectRatio: "1:1",
        PersonGeneration: "AllowAdult",
        InputComplianceCheck: "Disabled",
        OutputComplianceCheck: "Disabled",
      },
      SessionId: g.id,
      TasksPriority: 0,
      ModelVersion: "image2_medium",
    });
  });

  it("image → image with studio assets: FileInfos of signed public URLs, in order; a variation batch gets one SessionId each", async () => {
    const { createGeneration, storeAsset } = await loadStudio();
    const a = await storeAsset(Readable.from([await png(640, 480)]), TEST_SCOPE, {
      model: "T0302007",
      mode: "image-to-image",
      role: "reference_image",
    });
    const b = await storeAsset(Readable.from([await png(480, 640)]), TEST_SCOPE, {
      model: "T0302007",
      mode: "image-to-image",
      role: "reference_image",
    });
    const n = bed.sent.length;
    const batch = await Promise.all(
      [1, 2, 3].map((seed) =>
        createGeneration({
          model: "T0302007",
          mode: "image-to-image",
          prompt: "same prompt",
          params: { seed },
          inputs: [
            { role: "reference_image", assetId: a.id },
            { role: "reference_image", assetId: b.id },
          ],
        }),
      ),
    );
    const bodies = bed.sent.slice(n).map((s) => s.body);
    expect(bodies).toHaveLength(3);
    expect(new Set(bodies.map((x) => x.SessionId))).toEqual(new Set(batch.map((g) => g.id)));
    expect(bodies.map((x) => x.Seed).sort()).toEqual([1, 2, 3]);
    const files = bodies[0].FileInfos as { Type: string; Url: string }[];
    expect(files).toHaveLength(2);
    expect(files[0]).toEqual({
      Type: "Url",
      Url: expect.stringMatching(new RegExp(`^${PUBLIC}/api/v1/assets/${a.id}/file\\?exp=\\d+&sig=[\\w-]+$`)),
    });
    expect(files[1].Url).toContain(`/api/v1/assets/${b.id}/file?`);
  });

  it("refuses a 4th reference image and a non-JPEG/PNG reference before anything is sent", async () => {
    const { createGeneration, storeAsset } = await loadStudio();
    const refs = await Promise.all(
      [1, 2, 3, 4].map(async () => storeAsset(Readable.from([await png(300, 300)]), TEST_SCOPE)),
    );
    const webp = await storeAsset(
      Readable.from([
        await sharp({ create: { width: 300, height: 300, channels: 3, background: "#000" } })
          .webp()
          .toBuffer(),
      ]),
      TEST_SCOPE,
    );
    const n = bed.sent.length;
    await expect(
      createGeneration({
        model: "T0302007",
        mode: "image-to-image",
        inputs: refs.map((r) => ({ role: "reference_image" as const, assetId: r.id })),
      }),
    ).rejects.toMatchObject({
      code: "validation_failed",
      message: expect.stringContaining("reference_image takes at most 3 (got 4)"),
    });
    await expect(
      createGeneration({
        model: "T0302007",
        mode: "image-to-image",
        inputs: [{ role: "reference_image", assetId: webp.id }],
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining("image/webp is not accepted") });
    await expect(createGeneration({ model: "T0302007", mode: "text-to-image", prompt: " " })).rejects.toMatchObject({
      field: "prompt",
    });
    expect(bed.sent).toHaveLength(n);
  });
});
