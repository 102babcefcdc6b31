import { emulator, expect, test } from "./fixtures";
import {
  addFiles,
  clip4s,
  expectReady,
  expectPlays,
  field,
  generate,
  generationOf,
  openVideo,
  png,
  promptBox,
  wav,
} from "./video-helpers";

// One test per row of the table: each mode with at least one model, driven like a person,
// ending with the stored video playing from the studio.

test.describe("Video · every mode", () => {
  test("text → video with GV 3.1: its own settings, a percentage while it runs, the video plays", async ({
    page,
    request,
  }) => {
    await openVideo(page, "text-to-video", "GV 3.1", "T0301004");
    const since = await emulator.lastSeq();
    // GV documents no prompt limit: no counter; its negative prompt and people setting are offered.
    await expect(page.getByTestId("prompt-counter")).toHaveCount(0);
    await promptBox(page).fill("A paper boat drifting down a rainy street");
    await page.getByRole("textbox", { name: /^(反向提示词|Negative prompt)$/ }).fill("people, text");
    await page.getByRole("radio", { name: /^(不限年龄|Any age)$/ }).check({ force: true });
    // Long enough to watch it run: GV reports a percentage, shown instead of an estimate.
    await emulator.configure({ taskSeconds: 8 });
    let card;
    try {
      card = await generate(page);
      await expect(card.getByRole("progressbar")).toBeVisible();
      await expect(card.getByText(/\d+%/)).toBeVisible();
    } finally {
      await emulator.configure({ taskSeconds: 2 });
    }
    await expectPlays(page, card);
    const g = await generationOf(request, card);
    expect(g).toMatchObject({ model: "T0301004", mode: "text-to-video" });
    expect(g.params).toMatchObject({
      negativePrompt: "people, text",
      personGeneration: "AllowAll",
      aspectRatio: "16:9",
      audioGeneration: true,
    });
    expect((await emulator.requests(since)).filter((r) => r.op === "create")).toHaveLength(1);
  });

  test("first frame → video with HappyHorse: upload, checked in the browser and by the studio, recorded as the input", async ({
    page,
    request,
  }) => {
    await openVideo(page, "first-frame", "HappyHorse", "T0401002");
    await addFiles(page, "first_frame", await png(800, 600));
    await expectReady(page, "first_frame", 1);
    await expect(field(page, "first_frame").getByTestId("media-chip")).toContainText("800×600");
    // The prompt is optional here; the first frame carries the shot.
    const card = await generate(page);
    await expectPlays(page, card);
    const g = await generationOf(request, card);
    expect(g.inputs).toEqual([{ role: "first_frame", position: 0, assetId: expect.any(String) }]);
    const asset = await (await request.get(`/api/v1/assets/${g.inputs[0].assetId}`)).json();
    expect(asset).toMatchObject({ kind: "image", width: 800, height: 600, origin: "upload" });
  });

  test("first + last frame → video with Seedance, then “continue this clip” from its last frame", async ({
    page,
    request,
  }) => {
    await openVideo(page, "first-last-frame", "Seedance", "T0101007");
    await addFiles(page, "first_frame", await png(960, 540, "#2255aa"));
    await addFiles(page, "last_frame", await png(960, 540, "#aa5522"));
    await expectReady(page, "first_frame", 1);
    await expectReady(page, "last_frame", 1);
    await promptBox(page).fill("The sky turns from blue to orange");
    await page.getByRole("switch", { name: /^(返回尾帧|Return the last frame)$/ }).click();
    const card = await generate(page);
    await expectPlays(page, card);
    const first = await generationOf(request, card);
    expect(first.inputs.map((i: { role: string }) => i.role)).toEqual(["first_frame", "last_frame"]);
    expect(first.outputs.map((o: { role: string }) => o.role).sort()).toEqual(["last_frame", "video"]);

    // One click: first-frame mode, Seedance, the last frame loaded as the new first frame.
    const result = page.getByTestId("result").filter({ has: page.locator(`[data-generation-id="${first.id}"]`) });
    await result.getByTestId("continue-clip").click();
    await expect(page.getByTestId("video-form")).toHaveAttribute("data-mode", "first-frame");
    await expect(page.getByTestId("video-form")).toHaveAttribute("data-model", "T0101007");
    await expectReady(page, "first_frame", 1);
    await promptBox(page).fill("The sun sets behind the hills");
    const next = await generate(page);
    await expectPlays(page, next);
    const second = await generationOf(request, next);
    const lastFrame = first.outputs.find((o: { role: string }) => o.role === "last_frame");
    expect(second.inputs).toEqual([{ role: "first_frame", position: 0, assetId: lastFrame.assetId }]);
  });

  test("reference fusion with HappyHorse: numbered images, mentions inserted at the cursor, sent in that order", async ({
    page,
    request,
  }) => {
    await openVideo(page, "reference", "HappyHorse", "T0401003");
    await addFiles(page, "reference_image", await png(600, 450, "#aa2222"), await png(640, 480, "#22aa22"));
    await expectReady(page, "reference_image", 2);
    const chips = field(page, "reference_image").getByTestId("chip-insert");
    await promptBox(page).fill(" holds a lantern next to ");
    await promptBox(page).press("Home");
    await chips.nth(0).click();
    await promptBox(page).press("End");
    await chips.nth(1).click();
    await expect(promptBox(page)).toHaveValue("[Image 1] holds a lantern next to [Image 2]");
    await expect(page.getByTestId("mention-flags")).toHaveCount(0);
    const card = await generate(page);
    await expectPlays(page, card);
    const g = await generationOf(request, card);
    expect(g.prompt).toBe("[Image 1] holds a lantern next to [Image 2]");
    const widths = await Promise.all(
      g.inputs.map(
        async (i: { assetId: string }) => (await (await request.get(`/api/v1/assets/${i.assetId}`)).json()).width,
      ),
    );
    expect(widths).toEqual([600, 640]);
  });

  test("multimodal reference with Seedance: an image, a video and audio together", async ({ page, request }) => {
    await openVideo(page, "multimodal-reference", "Seedance", "T0101007");
    await addFiles(page, "reference_image", await png(720, 720));
    await addFiles(page, "reference_video", clip4s());
    await addFiles(page, "reference_audio", wav(3));
    await expectReady(page, "reference_image", 1);
    await expectReady(page, "reference_video", 1);
    await expectReady(page, "reference_audio", 1);
    // What the browser read from the clip's boxes and metadata, shown on its chip.
    await expect(field(page, "reference_video").getByTestId("media-chip")).toContainText("640×640");
    await expect(field(page, "reference_video").getByTestId("media-chip")).toContainText("24 fps");
    await field(page, "reference_image").getByTestId("chip-insert").click();
    await promptBox(page).pressSequentially("里的小屋随音乐亮起灯");
    await expect(promptBox(page)).toHaveValue("[图1]里的小屋随音乐亮起灯");
    const card = await generate(page);
    await expectPlays(page, card);
    const g = await generationOf(request, card);
    expect(g.inputs.map((i: { role: string }) => i.role)).toEqual([
      "reference_image",
      "reference_video",
      "reference_audio",
    ]);
  });

  test("video edit with HappyHorse: a clip plus a reference image, keeping the original sound", async ({
    page,
    request,
  }) => {
    await openVideo(page, "video-edit", "HappyHorse", "T0401004");
    await addFiles(page, "video", clip4s());
    await addFiles(page, "reference_image", await png(500, 500, "#884488"));
    await expectReady(page, "video", 1);
    await expectReady(page, "reference_image", 1);
    await promptBox(page).fill("Give the square a striped sweater like the reference");
    await page.getByRole("radio", { name: /^(保留原声|Keep original)$/ }).check({ force: true });
    const card = await generate(page);
    await expectPlays(page, card);
    const g = await generationOf(request, card);
    expect(g).toMatchObject({ model: "T0401004", mode: "video-edit", params: { audioSetting: "origin" } });
    expect(g.inputs.map((i: { role: string }) => i.role)).toEqual(["video", "reference_image"]);
  });
});
