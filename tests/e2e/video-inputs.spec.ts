import { emulator, expect, test } from "./fixtures";
import {
  addFiles,
  clip16s,
  clip4s,
  expectReady,
  expectPlays,
  field,
  generate,
  generateButton,
  generationOf,
  openVideo,
  png,
  promptBox,
  wav,
} from "./video-helpers";

test.describe("Video · inputs", () => {
  test("[Image N] chips: reordering renumbers the prompt, a removed image's mention is flagged and blocks sending", async ({
    page,
  }) => {
    await openVideo(page, "reference", "HappyHorse", "T0401003");
    await addFiles(
      page,
      "reference_image",
      await png(500, 400, "#aa0000"),
      await png(520, 400, "#00aa00"),
      await png(540, 400, "#0000aa"),
    );
    await expectReady(page, "reference_image", 3);
    const chips = field(page, "reference_image").getByTestId("media-chip");
    const insert = field(page, "reference_image").getByTestId("chip-insert");
    await promptBox(page).fill("");
    await insert.nth(0).click();
    await promptBox(page).pressSequentially(" meets ");
    await insert.nth(1).click();
    await promptBox(page).pressSequentially(" under ");
    await insert.nth(2).click();
    await expect(promptBox(page)).toHaveValue("[Image 1] meets [Image 2] under [Image 3]");

    // Move the third image to the top: every mention follows its image.
    await chips
      .nth(2)
      .getByRole("button", { name: /上移|Move .* up/ })
      .click();
    await chips
      .nth(1)
      .getByRole("button", { name: /上移|Move .* up/ })
      .click();
    await expect(promptBox(page)).toHaveValue("[Image 2] meets [Image 3] under [Image 1]");
    await expect(chips.nth(0)).toContainText("540×400");

    // Remove what is now image 2 (the red one): its mention becomes [Image ?] and is flagged.
    await chips
      .nth(1)
      .getByRole("button", { name: /移除|Remove/ })
      .click();
    await expect(promptBox(page)).toHaveValue("[Image ?] meets [Image 2] under [Image 1]");
    await expect(page.getByTestId("mention-flags")).toContainText("[Image ?]");
    await expect(generateButton(page)).toBeDisabled();

    // A mention with no image, and an image never mentioned, are both pointed out.
    await promptBox(page).fill("[Image 1] and [Image 5]");
    await expect(page.getByTestId("mention-flags")).toContainText("[Image 5]");
    await expect(page.getByTestId("mention-flags")).toContainText("[Image 2]");
    await promptBox(page).fill("[Image 1] and [Image 2]");
    await expect(page.getByTestId("mention-flags")).toHaveCount(0);
    await expect(generateButton(page)).toBeEnabled();
  });

  test("inputs that break a limit show the limit and nothing is sent upstream", async ({ page, request }) => {
    const since = await emulator.lastSeq();
    const videosBefore = (await (await request.get("/api/v1/assets?kind=video&limit=100")).json()).items.length;
    await openVideo(page, "multimodal-reference", "Seedance", "T0101007");

    // A 16 s clip: over the 15 s limit of one reference video, refused in the browser, never uploaded.
    const long = (await addFiles(page, "reference_video", clip16s())).first();
    await expect(long).toHaveAttribute("data-state", "rejected");
    await expect(long.getByTestId("chip-problems")).toContainText(
      /时长 16\.0 秒，超过最长 15 秒|Duration 16\.0 s is above the maximum of 15 s/,
    );
    await long.getByRole("button", { name: /移除|Remove/ }).click();

    // Three clips are the most: the fourth is refused, naming the limit.
    await addFiles(page, "reference_video", clip4s(), clip4s(), clip4s());
    await expectReady(page, "reference_video", 3);
    await expect(field(page, "reference_video").getByTestId("dropzone")).toHaveCount(0);
    // Audio alone is never allowed: remove the videos, add only audio, try to generate.
    for (let i = 0; i < 3; i++)
      await field(page, "reference_video")
        .getByTestId("media-chip")
        .first()
        .getByRole("button", { name: /移除|Remove/ })
        .click();
    await addFiles(page, "reference_audio", wav(3));
    await expectReady(page, "reference_audio", 1);
    await generateButton(page).click();
    await expect(page.getByTestId("input-problems")).toContainText(
      /参考音频不能单独使用|Reference audio cannot be used alone/,
    );

    // Nothing went upstream, and the long clip never reached the studio's storage.
    expect((await emulator.requests(since)).filter((r) => r.op === "create")).toHaveLength(0);
    const videosAfter = (await (await request.get("/api/v1/assets?kind=video&limit=100")).json()).items.length;
    expect(videosAfter).toBe(videosBefore + 3);
  });

  test("a fourth reference video is refused with the count limit; the server re-checks what the browser checked", async ({
    page,
    request,
  }) => {
    await openVideo(page, "multimodal-reference", "Seedance", "T0101007");
    await addFiles(page, "reference_video", clip4s(), clip4s(), clip4s(), clip4s());
    await expectReady(page, "reference_video", 3);
    await expect(field(page, "reference_video").getByTestId("input-notice")).toContainText(
      /参考视频最多 3 个|Reference videos: at most 3/,
    );

    // The same limits hold without the browser: the REST API refuses before anything is sent.
    const since = await emulator.lastSeq();
    const long = clip16s();
    const upload = await request.post("/api/v1/assets", {
      multipart: { model: "T0101007", mode: "multimodal-reference", role: "reference_video", file: long },
    });
    expect(upload.status()).toBe(422);
    expect((await upload.json()).error.message).toContain("duration 16.0 s is above the maximum 15 s");
    const audio = await (await request.post("/api/v1/assets", { multipart: { file: wav(3) } })).json();
    const alone = await request.post("/api/v1/generations", {
      data: {
        model: "T0101007",
        mode: "multimodal-reference",
        inputs: [{ role: "reference_audio", assetId: audio.id }],
      },
    });
    expect(alone.status()).toBe(422);
    expect((await alone.json()).error.message).toContain("reference audio cannot be used alone");
    expect((await emulator.requests(since)).filter((r) => r.op === "create")).toHaveLength(0);
  });

  test("an image output chains into first-frame mode (picked from the studio), and the lineage is recorded", async ({
    page,
    request,
  }) => {
    const img = await (
      await request.post("/api/v1/generations", {
        data: { model: "T0302007", mode: "text-to-image", prompt: "chain: a red door in a white wall", params: {} },
      })
    ).json();
    await expect
      .poll(
        async () => (await (await request.get(`/api/v1/generations/${img.id}`)).json()).outputs[0]?.asset.archiveState,
        { timeout: 30_000 },
      )
      .toBe("archived");
    const output = (await (await request.get(`/api/v1/generations/${img.id}`)).json()).outputs[0];

    await openVideo(page, "first-frame", "HappyHorse", "T0401002");
    await field(page, "first_frame")
      .getByRole("button", { name: /从工作室选取|From the studio/ })
      .click();
    const picker = page.getByTestId("asset-picker");
    await expect(picker).toBeVisible();
    await picker.getByRole("radio", { name: /^(生成的|Generated)$/ }).check({ force: true });
    await picker.locator(`[data-asset-id="${output.assetId}"]`).click();
    await expect(picker).toBeHidden();
    await expectReady(page, "first_frame", 1);
    await expect(field(page, "first_frame").getByTestId("media-chip")).toContainText(/来自工作室|From the studio/);
    await promptBox(page).fill("The door slowly opens");
    const card = await generate(page);
    await expectPlays(page, card);
    const g = await generationOf(request, card);
    expect(g.inputs).toEqual([{ role: "first_frame", position: 0, assetId: output.assetId }]);

    // Re-run reopens everything, inputs included.
    await page.goto(`/video?from=${g.id}`);
    await expect(page.getByTestId("video-form")).toHaveAttribute("data-mode", "first-frame");
    await expect(promptBox(page)).toHaveValue("The door slowly opens");
    await expectReady(page, "first_frame", 1);
  });

  test("Seedance asset library: register, watch Processing → Active, use it as asset:// in a generation", async ({
    page,
    request,
  }) => {
    await openVideo(page, "reference", "Seedance", "T0101007");
    await field(page, "reference_image")
      .getByRole("button", { name: /^(素材库|Asset library)$/ })
      .click();
    const library = page.getByTestId("seedance-library");
    await expect(library).toBeVisible();
    await library.getByRole("radio", { name: /^(公开链接|Public URL)$/ }).check({ force: true });
    await library.getByRole("textbox", { name: /^(名称|Name)$/ }).fill("hero-portrait");
    await library
      .getByRole("textbox", { name: /文件的公开链接|Public URL of the file/ })
      .fill("https://example.com/hero.png");
    await library.getByRole("button", { name: /^(登记|Register)$/ }).click();
    const item = library.getByTestId("library-item").filter({ hasText: "hero-portrait" }).first();
    await expect(item).toHaveAttribute("data-status", /Processing|Active/);
    await expect(item).toHaveAttribute("data-status", "Active");
    await item.getByRole("button", { name: /^(使用|Use)$/ }).click();
    await expectReady(page, "reference_image", 1);
    await expect(field(page, "reference_image").getByTestId("media-chip")).toContainText(/素材库|Asset library/);
    await field(page, "reference_image").getByTestId("chip-insert").click();
    await promptBox(page).pressSequentially("在雨中回头微笑");
    const card = await generate(page);
    await expectPlays(page, card);
    const g = await generationOf(request, card);
    expect(g.inputs).toEqual([
      { role: "reference_image", position: 0, url: expect.stringMatching(/^asset:\/\/asset-\d{14}-[a-z0-9]{5}$/) },
    ]);
    const lib = await (await request.get("/api/v1/seedance/assets?status=Active")).json();
    expect(lib.items.some((a: { assetUri?: string }) => a.assetUri === g.inputs[0].url)).toBe(true);
  });

  test("a queued Seedance task can be cancelled; several generations run at once", async ({ page }) => {
    // A long task: a quarter of it (30 s, room for a slow machine) is spent queued upstream, the only time
    // Seedance can cancel.
    await emulator.configure({ taskSeconds: 120 });
    try {
      await openVideo(page, "text-to-video", "Seedance", "T0101007");
      await promptBox(page).fill("A queue of paper cranes, one cancelled");
      const first = await generate(page);
      await promptBox(page).fill("A second clip, running alongside");
      const second = await generate(page);
      await expect(first).toHaveAttribute("data-status", "queued");
      const since = await emulator.lastSeq();
      await first.getByRole("button", { name: /^(取消|Cancel)$/ }).click();
      await expect(first).toHaveAttribute("data-status", "canceled");
      const cancels = (await emulator.requests(since)).filter((r) => r.op === "cancel");
      expect(cancels).toHaveLength(1);
      expect(cancels[0].status).toBe(200);
      await expect(second).toHaveAttribute("data-status", /queued|running/);
    } finally {
      await emulator.configure({ taskSeconds: 2 });
    }
  });
});
