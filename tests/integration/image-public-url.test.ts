import { Readable } from "node:stream";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "@/emulator";
import { freshStudioEnv, TEST_SCOPE } from "../../scripts/harness/studio-env";

// GPT Image-2 takes reference images by public URL only: without PUBLIC_BASE_URL a studio upload cannot be
// sent, and the studio says exactly what is missing before anything reaches TD. A pasted public URL still works.

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, apiKey: "k", taskSeconds: 0.3, quiet: true });
  freshStudioEnv(emu.url, "k", { PUBLIC_BASE_URL: "" });
});
afterAll(async () => {
  await emu.close();
});

describe("image studio without PUBLIC_BASE_URL", () => {
  it("refuses a studio asset as reference with a message naming PUBLIC_BASE_URL; nothing is sent", async () => {
    const { createGeneration } = await import("@/lib/generations/create");
    const { storeAsset } = await import("@/lib/assets/store");
    const asset = await storeAsset(
      Readable.from([
        await sharp({ create: { width: 400, height: 400, channels: 3, background: "#123456" } })
          .png()
          .toBuffer(),
      ]),
      TEST_SCOPE,
    );
    const creates = emu.tasks.creates;
    await expect(
      createGeneration(
        {
          model: "T0302007",
          mode: "image-to-image",
          prompt: "x",
          inputs: [{ role: "reference_image", assetId: asset.id }],
        },
        TEST_SCOPE,
      ),
    ).rejects.toMatchObject({
      code: "public_url_required",
      message: expect.stringContaining("PUBLIC_BASE_URL"),
    });
    expect(emu.tasks.creates).toBe(creates);
  });

  it("sends a pasted public URL as it is", async () => {
    const { createGeneration } = await import("@/lib/generations/create");
    const g = await createGeneration(
      {
        model: "T0302007",
        mode: "image-to-image",
        inputs: [{ role: "reference_image", url: "https://example.com/cat.png" }],
      },
      TEST_SCOPE,
    );
    expect(g.status).toBe("running");
    expect(g.inputs).toEqual([{ role: "reference_image", position: 0, url: "https://example.com/cat.png" }]);
  });
});
