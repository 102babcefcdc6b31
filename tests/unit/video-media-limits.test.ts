import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readMp4Facts } from "@/lib/assets/mp4-facts";
import { getModeSpec } from "@/lib/catalog";
import { modeFormSpec } from "@/lib/catalog/form-spec";
import { checkMedia, mediaIssues } from "@/lib/catalog/validate";

const file = (p: string) => readFileSync(p);
const reader = (b: Buffer) => async (offset: number, length: number) =>
  new Uint8Array(b.subarray(offset, offset + length));
const facts = (b: Buffer) => readMp4Facts(reader(b), b.length);
const role = (model: string, mode: Parameters<typeof getModeSpec>[1], r: string) =>
  getModeSpec(model, mode)!.inputs.find((i) => i.role === r)!;

describe("MP4/MOV facts from the boxes (browser and server, no ffprobe)", () => {
  it("reads size, duration and frame rate with the moov box first or last", async () => {
    expect(await facts(file("tests/e2e/video-media/clip-640x640-24fps-4s.mp4"))).toEqual({
      hasVideo: true,
      hasAudio: false,
      width: 640,
      height: 640,
      durationSeconds: 4,
      fps: 24,
    });
    const long = file("tests/e2e/video-media/clip-640x640-24fps-16s.mp4");
    expect(long.subarray(4, 8).toString()).toBe("ftyp");
    expect(await facts(long)).toMatchObject({ width: 640, height: 640, durationSeconds: 16, fps: 24 });
    expect(await facts(file("emulator/media/videos/sample-9x16.mp4"))).toEqual({
      hasVideo: true,
      hasAudio: true,
      width: 180,
      height: 320,
      durationSeconds: 3,
      fps: 12,
    });
  });

  it("gives up on what is not an MP4, or is cut short, instead of guessing", async () => {
    expect(await facts(Buffer.from("RIFF....WAVEfmt "))).toBeUndefined();
    expect(await facts(Buffer.alloc(0))).toBeUndefined();
    const clip = file("tests/e2e/video-media/clip-640x640-24fps-16s.mp4");
    expect(await facts(clip.subarray(0, clip.length - 200))).toBeUndefined();
  });
});

describe("media limits as structured issues (the page words them; checkMedia keeps its English)", () => {
  it("names each broken limit of a Seedance reference video, pixels and frame rate included", () => {
    const spec = role("T0101007", "multimodal-reference", "reference_video");
    const issues = mediaIssues(spec, {
      mime: "video/mp4",
      size: 1000,
      width: 320,
      height: 180,
      durationSeconds: 16,
      fps: 12,
    });
    expect(issues.map((i) => i.code)).toEqual(["minHeight", "minPixels", "maxSeconds", "minFps"]);
    expect(issues.find((i) => i.code === "maxSeconds")).toMatchObject({
      values: { value: "16.0", limit: 15 },
      message: "duration 16.0 s is above the maximum 15 s",
    });
    expect(mediaIssues(spec, { mime: "video/mp4", width: 640, height: 640, durationSeconds: 4, fps: 24 })).toEqual([]);
    expect(mediaIssues(spec, { width: 1920, height: 1080, fps: 120 }).map((i) => i.code)).toEqual([
      "maxPixels",
      "maxFps",
    ]);
  });

  it("checkMedia still answers the same English sentences", () => {
    const spec = role("T0401004", "video-edit", "video");
    expect(checkMedia(spec, { mime: "video/webm", width: 320, height: 180, durationSeconds: 61, fps: 8 })).toEqual([
      "format video/webm is not accepted (allowed: video/mp4, video/quicktime)",
      "short side 180px is below the minimum 320px",
      "duration 61.0 s is above the maximum 60 s",
      "frame rate 8 fps must be above 8 fps",
    ]);
  });

  it("the form spec carries Seedance's 'model decides' values: duration -1 (else 4–15), seed -1", () => {
    const params = modeFormSpec("T0101007", "first-frame")!.params;
    expect(params.find((p) => p.name === "duration")).toMatchObject({
      min: -1,
      max: 15,
      default: 5,
      auto: -1,
      autoMin: 4,
    });
    expect(params.find((p) => p.name === "seed")).toMatchObject({ default: -1, auto: -1, autoMin: 0 });
    expect(modeFormSpec("T0401001", "text-to-video")!.params.find((p) => p.name === "duration")).not.toHaveProperty(
      "auto",
    );
  });
});
