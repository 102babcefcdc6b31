import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, Locator, Page } from "@playwright/test";
import sharp from "sharp";
import { expect } from "./fixtures";
import { tone, wavBytes } from "../helpers/wav";

// Shared steps of the Video e2e tests: media made in the test (sharp PNGs, a WAV written by hand, the
// committed clips of tests/e2e/video-media — no ffmpeg needed), and the page driven the way a person does.

export const png = async (width: number, height: number, colour = "#3366aa") => ({
  name: `image-${width}x${height}.png`,
  mimeType: "image/png",
  buffer: await sharp({ create: { width, height, channels: 3, background: colour } })
    .png()
    .toBuffer(),
});

/** A 16-bit mono PCM WAV (a quiet tone), as an upload. */
export const wav = (seconds: number, rate = 16000) => ({
  name: `voice-${seconds}s.wav`,
  mimeType: "audio/wav",
  buffer: wavBytes(seconds, { rate, signal: tone }),
});

const media = (f: string) => ({
  name: f,
  mimeType: "video/mp4",
  buffer: readFileSync(path.join("tests/e2e/video-media", f)),
});
/** 640×640, 24 fps, 4 s: valid for HappyHorse video edit and Seedance reference videos. */
export const clip4s = () => media("clip-640x640-24fps-4s.mp4");
/** The same at 16 s: over Seedance's 15 s per reference video. */
export const clip16s = () => media("clip-640x640-24fps-16s.mp4");

const MODES: Record<string, RegExp> = {
  "text-to-video": /^(文生视频|Text to video)/,
  "first-frame": /^(首帧生视频|First frame)/,
  "first-last-frame": /^(首尾帧生视频|First \+ last frame)/,
  reference: /^(参考图融合|Reference fusion)/,
  "multimodal-reference": /^(多模态参考|Multimodal reference)/,
  "video-edit": /^(视频编辑|Video edit)/,
};

/** Open the Video page in a mode with a model, and wait until the form shows them. */
export async function openVideo(
  page: Page,
  mode: keyof typeof MODES,
  model: "HappyHorse" | "GV 3.1" | "Seedance",
  modelId: string,
) {
  await page.goto("/video");
  await page.getByTestId("mode-tabs").getByRole("radio", { name: MODES[mode] }).check({ force: true });
  const radio = page.getByTestId("video-form").getByRole("radio", { name: model, exact: true });
  if (await radio.count()) await radio.check({ force: true });
  await expect(page.getByTestId("video-form")).toHaveAttribute("data-mode", mode);
  await expect(page.getByTestId("video-form")).toHaveAttribute("data-model", modelId);
}

export const field = (page: Page, role: string) => page.getByTestId(`input-${role}`);

/** Choose files for a role through its file picker; returns the role's chips. */
export async function addFiles(
  page: Page,
  role: string,
  ...files: { name: string; mimeType: string; buffer: Buffer }[]
) {
  await field(page, role).locator('input[type="file"]').setInputFiles(files);
  return field(page, role).getByTestId("media-chip");
}

/** Wait until every chip of a role is uploaded and checked by the studio. */
export async function expectReady(page: Page, role: string, count: number) {
  const chips = field(page, role).getByTestId("media-chip");
  await expect(chips).toHaveCount(count);
  for (let i = 0; i < count; i++) await expect(chips.nth(i)).toHaveAttribute("data-state", "ready");
}

export const promptBox = (page: Page) => page.getByRole("textbox", { name: /^(提示词|Prompt)$/ });
export const generateButton = (page: Page) => page.getByRole("button", { name: /^(生成|Generate)$/ });

/**
 * Press Generate and return the new result's card once the studio shows it. The card is found by the id the create
 * answered with: counting cards races the page's own list (earlier results and their lazily loaded cards arrive
 * while the test runs), and "the first card" moves as soon as another generation starts.
 */
export async function generate(page: Page): Promise<Locator> {
  const [created] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/api/v1/generations"),
    generateButton(page).click(),
  ]);
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const card = page.locator(`[data-testid="generation-card"][data-generation-id="${id}"]`);
  await expect(card).toHaveCount(1);
  return card;
}

export async function generationOf(request: APIRequestContext, card: Locator) {
  const id = await card.getAttribute("data-generation-id");
  return (await request.get(`/api/v1/generations/${id}`)).json();
}

/**
 * Wait for success, then play the stored video from the studio: on screen (Chromium pauses muted videos
 * played off screen) and polled until its clock moves, rather than a fixed wait (the machine may be busy).
 */
export async function expectPlays(page: Page, card: Locator) {
  await expect(card).toHaveAttribute("data-status", "succeeded", { timeout: 40_000 });
  await card.scrollIntoViewIfNeeded();
  const video = card.getByTestId("generation-video");
  await expect(video).toBeVisible();
  expect(await video.getAttribute("src")).toMatch(/^\/api\/v1\/assets\/[0-9a-f-]+\/file$/);
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 15_000 })
    .toBeGreaterThanOrEqual(2);
  await video.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    return v.play();
  });
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 15_000 })
    .toBeGreaterThan(0);
  const facts = await video.evaluate((v: HTMLVideoElement) => ({
    duration: v.duration,
    width: v.videoWidth,
    error: v.error?.code ?? null,
  }));
  expect(facts.error).toBeNull();
  expect(facts.duration).toBeGreaterThan(1);
  expect(facts.width).toBeGreaterThan(0);
}
