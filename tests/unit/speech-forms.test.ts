import { describe, expect, it } from "vitest";
import { audioMimeOf, clock, encodeWav, peaks } from "@/components/speech/audio";
import { rangeProblem, splitTags } from "@/components/speech/form-utils";
import { textLength } from "@/lib/catalog/limits";
import { getModeSpec } from "@/lib/catalog";
import { checkMedia } from "@/lib/catalog/validate";

// The browser-side pieces of the Speech page: the WAV a recording becomes, the waveform's peaks, the
// format check of a clone sample, the live character count and the time-range check.

describe("recording → WAV", () => {
  it("writes a mono 16-bit PCM WAV with a correct header and clamped samples", () => {
    const samples = new Float32Array([0, 0.5, -0.5, 1.5, -2]);
    const v = new DataView(encodeWav(samples, 24000));
    const ascii = (at: number, n: number) =>
      String.fromCharCode(...Array.from({ length: n }, (_, i) => v.getUint8(at + i)));
    expect([ascii(0, 4), ascii(8, 4), ascii(12, 4), ascii(36, 4)]).toEqual(["RIFF", "WAVE", "fmt ", "data"]);
    expect(v.getUint32(4, true)).toBe(36 + 10);
    expect([
      v.getUint16(20, true),
      v.getUint16(22, true),
      v.getUint32(24, true),
      v.getUint32(28, true),
      v.getUint16(34, true),
    ]).toEqual([1, 1, 24000, 48000, 16]);
    expect(v.getUint32(40, true)).toBe(10);
    expect([0, 1, 2, 3, 4].map((i) => v.getInt16(44 + i * 2, true))).toEqual([0, 16383, -16384, 32767, -32768]);
  });
});

describe("waveform peaks", () => {
  it("takes the loudest sample of each slice", () => {
    expect(peaks(new Float32Array([0.1, -0.9, 0.2, 0.3, 0, -0.05]), 3).map((p) => +p.toFixed(2))).toEqual([
      0.9, 0.3, 0.05,
    ]);
    expect(peaks(new Float32Array(0), 10)).toEqual([]);
    expect(peaks(new Float32Array([2]), 1)).toEqual([1]);
  });
});

describe("clone sample format, as the browser sees it", () => {
  const spec = getModeSpec("T0311001", "voice-clone")!.inputs[0];
  it.each([
    [{ type: "audio/wav", name: "a.wav" }, "audio/wav", true],
    [{ type: "audio/x-wav", name: "a.wav" }, "audio/wav", true],
    [{ type: "audio/mp3", name: "a.mp3" }, "audio/mpeg", true],
    [{ type: "", name: "voice.M4A" }, "audio/mp4", true],
    [{ type: "audio/ogg; codecs=opus", name: "a.ogg" }, "audio/ogg", false],
    [{ type: "", name: "a.flac" }, "audio/flac", false],
    [{ type: "audio/webm", name: "rec.webm" }, "audio/webm", false],
  ])("%o → %s (accepted: %s)", (file, mime, ok) => {
    expect(audioMimeOf(file)).toBe(mime);
    expect(checkMedia(spec, { mime }).length === 0).toBe(ok);
  });
  it("names the size limit", () => {
    expect(checkMedia(spec, { mime: "audio/wav", size: 8 * 1024 * 1024 })).toEqual(["file is 8 MB, the limit is 7 MB"]);
  });
});

describe("speech form checks", () => {
  it("counts characters as the server does (code points, emoji = 1)", () => {
    expect(textLength("你好")).toBe(2);
    expect(textLength("a😀b")).toBe(3);
  });
  it("splits labels on Chinese and Latin separators", () => {
    expect(splitTags("温暖，磁性、 calm, , narration;广告")).toEqual(["温暖", "磁性", "calm", "narration", "广告"]);
  });
  it("checks time ranges against each other and the sample length", () => {
    expect(rangeProblem([[0, 20]], 8)).toBeUndefined();
    expect(rangeProblem([[0, 20]], undefined)).toBeUndefined();
    expect(rangeProblem([], 8)).toEqual({ key: "problemEmpty", index: 0 });
    expect(
      rangeProblem(
        [
          [0, 5],
          [6, 6],
        ],
        8,
      ),
    ).toEqual({ key: "problemOrder", index: 1 });
    expect(rangeProblem([[-1, 5]], 8)).toEqual({ key: "problemOrder", index: 0 });
    expect(rangeProblem([[NaN, 5]], 8)).toEqual({ key: "problemOrder", index: 0 });
    expect(rangeProblem([[9, 12]], 8)).toEqual({ key: "problemStart", index: 0 });
  });
  it("formats a clock", () => {
    expect([clock(0), clock(7.9), clock(65)]).toEqual(["0:00", "0:07", "1:05"]);
  });
});
