import type { Page } from "@playwright/test";
import { cardOf, createdId, emulator, expect, test } from "./fixtures";
import { voiceLike, wavBytes } from "../helpers/wav";

// Speech page (MiniMax TTS, T0311001) against the emulator: what a person does, what TD received, what the studio kept.

const ttsCalls = async (since: number) => (await emulator.requests(since)).filter((r) => r.op === "tts");
const speakButton = (page: Page) => page.getByRole("button", { name: /^(生成语音|Speak)$/ });

/** The stored audio plays from the studio's own storage and its waveform is drawn. */
async function expectAudio(card: ReturnType<Page["locator"]>) {
  await expect(card.getByTestId("waveform-player")).toHaveAttribute("data-ready", "true");
  const audio = card.locator("audio");
  expect(await audio.getAttribute("src")).toMatch(/^\/api\/v1\/assets\/[0-9a-f-]+\/file$/);
  await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.readyState)).toBeGreaterThanOrEqual(1);
  expect(await audio.evaluate((a: HTMLAudioElement) => a.duration)).toBeGreaterThan(0.5);
}

test.describe("Speech · MiniMax TTS", () => {
  test("text → speech in a non-default language, with options; the audio is stored, plays and links to Seedance", async ({
    page,
    request,
  }) => {
    await page.goto("/speech");
    const since = await emulator.lastSeq();
    await page.getByRole("textbox", { name: /^(文本|Text)/ }).fill("Bonjour, ceci est un essai.");
    await expect(page.getByTestId("text-counter")).toHaveText("27 / 2000");
    await page.getByRole("combobox", { name: /^(语言|Language)/ }).selectOption("fr");
    await expect(page.getByRole("combobox", { name: /^(语言|Language)/ }).locator("option:checked")).toHaveText(
      /法语|French/,
    );
    await page.getByRole("combobox", { name: /^(音色|Voice)/ }).selectOption("female-shaonv");
    await page.getByRole("radio", { name: "22.05 kHz" }).check({ force: true });
    const card = cardOf(page, await createdId(page, () => speakButton(page).click()));
    await expect(card).toHaveAttribute("data-status", "succeeded");
    await expectAudio(card);
    expect(await ttsCalls(since)).toHaveLength(1);

    const id = await card.getAttribute("data-generation-id");
    const gen = await (await request.get(`/api/v1/generations/${id}`)).json();
    expect(gen.params).toMatchObject({
      language: "fr",
      voiceId: "female-shaonv",
      sampleRate: 22050,
      pitch: 0,
      outputType: "data",
    });
    expect(gen.outputs[0]).toMatchObject({ kind: "audio", mime: "audio/wav", asset: { archiveState: "archived" } });
    await expect(card.getByRole("link", { name: /下载|Download/ })).toHaveAttribute(
      "href",
      gen.outputs[0].asset.fileUrl,
    );
    await expect(card.getByRole("link", { name: /用作参考音频|Use as reference audio/ })).toHaveAttribute(
      "href",
      `/video?mode=multimodal-reference&reference_audio=${gen.outputs[0].assetId}`,
    );

    // Kept: still there after a reload.
    await page.reload();
    await expect(page.locator(`[data-generation-id="${id}"]`)).toHaveAttribute("data-status", "succeeded");
  });

  test("clone a voice from an uploaded sample, then speak with it", async ({ page, request }) => {
    await page.goto("/speech");
    const since = await emulator.lastSeq();
    await page.getByRole("radio", { name: /复刻音色|Clone a voice/ }).check({ force: true });
    await page
      .getByTestId("sample-file")
      .setInputFiles({ name: "my-voice.wav", mimeType: "audio/wav", buffer: wavBytes(4, { signal: voiceLike }) });
    const sample = page.getByTestId("clone-sample");
    await expect(sample).toContainText("my-voice.wav");
    await expect(sample).toContainText("0:04");
    await expect(sample.getByTestId("waveform-player")).toHaveAttribute("data-ready", "true");
    // Nothing goes to TD until the clone is asked for.
    expect(await ttsCalls(since)).toHaveLength(0);

    await page.getByRole("combobox", { name: /样本语言|Language of the sample/ }).selectOption("en");
    await page.getByRole("spinbutton", { name: /第 1 段终点|Range 1 end/ }).fill("3.5");
    await page.getByRole("textbox", { name: /^(名称|Name)/ }).fill("Studio Narrator");
    await page.getByRole("textbox", { name: /^(标签|Labels)/ }).fill("warm, calm");
    await page.getByRole("radio", { name: /^(女|Female)$/ }).check({ force: true });
    await page.getByRole("button", { name: /^(复刻音色|Clone voice)$/ }).click();

    const cloned = page.locator('[data-testid="speech-card"][data-mode="voice-clone"]').first();
    await expect(cloned).toHaveAttribute("data-status", "succeeded");
    await expect(cloned.getByTestId("voice-saved")).toContainText("Studio Narrator");
    const voices = (await (await request.get("/api/v1/voices")).json()) as {
      items: {
        name: string;
        voiceId: string;
        sampleAssetId?: string;
        labels: string[];
        gender?: string;
        language?: string;
      }[];
    };
    const saved = voices.items.find((v) => v.name === "Studio Narrator")!;
    expect(saved).toMatchObject({
      labels: ["warm", "calm"],
      gender: "female",
      language: "en",
      sampleAssetId: expect.any(String),
    });
    const cloneGen = await (
      await request.get(`/api/v1/generations/${await cloned.getAttribute("data-generation-id")}`)
    ).json();
    expect(cloneGen.params).toMatchObject({
      cloneLanguage: "en",
      timeRanges: [[0, 3.5]],
      voiceName: "Studio Narrator",
    });
    expect(cloneGen.inputs).toEqual([{ role: "clone_audio", position: 0, assetId: saved.sampleAssetId }]);

    await cloned.getByRole("button", { name: /用它生成语音|Speak with it/ }).click();
    await expect(page.getByRole("combobox", { name: /^(音色|Voice)/ })).toHaveValue(saved.voiceId);
    await page.getByRole("textbox", { name: /^(文本|Text)/ }).fill("你好，这是我复刻的声音。");
    await speakButton(page).click();
    const spoken = page.locator('[data-testid="speech-card"][data-mode="speech"]').first();
    await expect(spoken).toHaveAttribute("data-status", "succeeded");
    await expect(spoken).toContainText("Studio Narrator");
    await expectAudio(spoken);
    expect(await ttsCalls(since)).toHaveLength(2);

    // The voice is in the team's library with its sample.
    await page.getByRole("radio", { name: /音色库|Voices/ }).check({ force: true });
    const row = page.getByTestId("voice-row").filter({ hasText: "Studio Narrator" });
    await expect(row).toBeVisible();
    await expect(row.getByTestId("waveform-player")).toHaveAttribute("data-ready", "true");
  });

  test("a voice id added by hand can be renamed, used (TD refusing it is shown in plain words) and deleted", async ({
    page,
  }) => {
    await page.goto("/speech");
    await page.getByRole("radio", { name: /音色库|Voices/ }).check({ force: true });
    await page.getByRole("textbox", { name: /音色 ID|Voice id/ }).fill("s1_made_elsewhere==");
    await page.getByRole("textbox", { name: /^(名称|Name)/ }).fill("From another tool");
    await page.getByRole("button", { name: /添加音色|Add voice/ }).click();
    const row = page.locator('[data-testid="voice-row"][data-voice-id="s1_made_elsewhere=="]');
    await expect(row).toContainText("From another tool");
    await row.getByRole("button", { name: /重命名|Rename/ }).click();
    await row.getByRole("textbox").fill("Renamed voice");
    await row.getByRole("button", { name: /保存|Save/ }).click();
    await expect(page.getByTestId("voice-row").filter({ hasText: "Renamed voice" })).toBeVisible();

    await page
      .getByTestId("voice-row")
      .filter({ hasText: "Renamed voice" })
      .getByRole("button", { name: /用它生成语音|Speak with it/ })
      .click();
    await page.getByRole("textbox", { name: /^(文本|Text)/ }).fill("test");
    const card = cardOf(page, await createdId(page, () => speakButton(page).click()));
    await expect(card).toHaveAttribute("data-status", "failed");
    const error = card.getByTestId("generation-error");
    await expect(error).toContainText(/TD 找不到请求所指的资源|TD could not find what the request refers to/);
    await expect(error).toContainText("ResourceNotFound");

    await page.getByRole("radio", { name: /音色库|Voices/ }).check({ force: true });
    const renamed = page.getByTestId("voice-row").filter({ hasText: "Renamed voice" });
    await renamed.getByRole("button", { name: /^(删除|Delete)$/ }).click();
    await renamed.getByRole("button", { name: /确认删除|Delete for good/ }).click();
    await expect(page.getByTestId("voice-row").filter({ hasText: "Renamed voice" })).toHaveCount(0);
  });

  test("2001 characters are refused in the browser; nothing is sent upstream", async ({ page }) => {
    await page.goto("/speech");
    const since = await emulator.lastSeq();
    await page.getByRole("textbox", { name: /^(文本|Text)/ }).fill("字".repeat(2001));
    await expect(page.getByTestId("text-counter")).toHaveText("2001 / 2000");
    await expect(page.getByText(/超出上限 2000 字 1 个字|1 characters over the limit of 2000/)).toBeVisible();
    await expect(speakButton(page)).toBeDisabled();
    await page.keyboard.press("Control+Enter");
    await expect(page.getByTestId("speech-pending")).toHaveCount(0);
    expect(await ttsCalls(since)).toHaveLength(0);
  });

  test("an unsupported audio format is refused as soon as it is chosen; nothing is uploaded or sent", async ({
    page,
  }) => {
    await page.goto("/speech");
    const since = await emulator.lastSeq();
    const uploads: string[] = [];
    page.on("request", (r) => r.method() === "POST" && r.url().includes("/api/v1/assets") && uploads.push(r.url()));
    await page.getByRole("radio", { name: /复刻音色|Clone a voice/ }).check({ force: true });
    const ogg = Buffer.concat([Buffer.from("OggS"), Buffer.alloc(200)]);
    await page.getByTestId("sample-file").setInputFiles({ name: "voice.ogg", mimeType: "audio/ogg", buffer: ogg });
    await expect(page.getByTestId("sample-error")).toContainText("WAV, MP3, M4A");
    await expect(page.getByTestId("sample-error")).toContainText("audio/ogg");
    await expect(page.getByTestId("clone-sample")).toHaveCount(0);
    await page.getByRole("button", { name: /^(复刻音色|Clone voice)$/ }).click();
    await expect(page.getByText(/请先添加音色样本|Add a voice sample first/)).toBeVisible();
    expect(uploads).toHaveLength(0);
    expect(await ttsCalls(since)).toHaveLength(0);
  });

  test("while the synchronous call runs, the page says it is working and how long it may take", async ({ page }) => {
    await page.goto("/speech");
    // Hold the studio's answer until the working state has been seen (the emulator answers TTS at once).
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route("**/api/v1/generations", async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      const response = await route.fetch();
      await held;
      await route.fulfill({ response });
    });
    await page.getByRole("textbox", { name: /^(文本|Text)/ }).fill("Wait for it");
    await speakButton(page).click();
    const pending = page.getByTestId("speech-pending");
    await expect(pending).toBeVisible();
    await expect(pending).toContainText(/120/);
    await expect(speakButton(page).or(page.getByRole("button", { name: /生成中|Speaking/ }))).toBeDisabled();
    release();
    await expect(pending).toHaveCount(0);
    await expect(page.getByTestId("speech-card").first()).toHaveAttribute("data-status", "succeeded");
  });

  test("an upstream synthesis failure is recorded like any generation and explained", async ({ page }) => {
    await page.goto("/speech");
    await page.getByRole("textbox", { name: /^(文本|Text)/ }).fill("This will fail [[fault:failed]]");
    const id = await createdId(page, () => speakButton(page).click());
    const card = cardOf(page, id);
    await expect(card).toHaveAttribute("data-status", "failed");
    await expect(card.getByTestId("generation-error")).toContainText("FailedOperation");
    await expect(card.getByTestId("generation-error")).toContainText(
      /TD 未能完成这次请求|TD could not complete this request/,
    );
    await page.reload();
    await expect(cardOf(page, id)).toHaveAttribute("data-status", "failed");
  });

  test("speech from an earlier clip's settings joins its version stack; switched off, it does not", async ({
    page,
    request,
  }) => {
    const first = await (
      await request.post("/api/v1/generations", {
        data: { model: "T0311001", mode: "speech", prompt: "Version one of the greeting.", params: {} },
      })
    ).json();
    expect(first.status).toBe("succeeded");
    const v1 = first.outputs[0].assetId as string;

    await page.goto(`/speech?from=${first.id}&version=${v1}`);
    const option = page.getByTestId("version-option");
    await expect(option.getByRole("switch")).toHaveAttribute("aria-checked", "true");
    await expect(page.getByRole("textbox", { name: /^(文本|Text)/ })).toHaveValue("Version one of the greeting.");
    await page.getByRole("textbox", { name: /^(文本|Text)/ }).fill("Version two of the greeting.");
    const created = page.waitForResponse(
      (r) => r.url().endsWith("/api/v1/generations") && r.request().method() === "POST",
    );
    await speakButton(page).click();
    const v2gen = await (await created).json();
    expect(v2gen.versionOf).toBe(v1);
    const v2 = v2gen.outputs[0].assetId as string;
    await expect
      .poll(async () => (await (await request.get(`/api/v1/assets/${v2}`)).json()).stack)
      .toMatchObject({ version: 2, count: 2 });

    // With the switch off the next clip stands alone.
    await option.getByRole("switch").click();
    await expect(option.getByRole("switch")).toHaveAttribute("aria-checked", "false");
    const again = page.waitForResponse(
      (r) => r.url().endsWith("/api/v1/generations") && r.request().method() === "POST",
    );
    await speakButton(page).click();
    const alone = await (await again).json();
    expect(alone.versionOf ?? null).toBeNull();
    expect((await (await request.get(`/api/v1/assets/${alone.outputs[0].assetId}`)).json()).stack).toBeNull();
  });
});
