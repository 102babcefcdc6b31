import { existsSync } from "node:fs";
import { expect, test } from "./fixtures";

// Recording a clone sample with the browser's microphone: Chromium's fake device plays a tone, MediaRecorder
// records WebM/Opus, the page turns it into WAV (the formats cloning takes) and uploads it for the studio to check.

test.use({
  permissions: ["microphone"],
  launchOptions: {
    executablePath: ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p)),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--no-first-run",
      "--use-fake-ui-for-media-stream",
      "--use-fake-device-for-media-stream",
    ],
  },
});

test.describe("Speech · microphone", () => {
  test("a recording becomes a WAV sample the studio accepts for cloning", async ({ page, request }) => {
    await page.goto("/speech");
    await page.getByRole("radio", { name: /复刻音色|Clone a voice/ }).check({ force: true });
    await page.getByRole("button", { name: /^(录音|Record)$/ }).click();
    await expect(page.getByText(/录音中 0:0[2-9]|Recording 0:0[2-9]/)).toBeVisible({ timeout: 10_000 });
    await page.getByRole("button", { name: /^(停止|Stop)$/ }).click();
    const sample = page.getByTestId("clone-sample");
    await expect(sample).toContainText(/recording-.*\.wav/);
    await expect(sample.getByTestId("waveform-player")).toHaveAttribute("data-ready", "true");
    const src = await sample.locator("audio").getAttribute("src");
    const asset = await (await request.get(src!.replace(/\/file$/, ""))).json();
    expect(asset).toMatchObject({ kind: "audio", mime: "audio/wav" });
    expect(asset.durationSeconds).toBeGreaterThan(1);
  });
});
