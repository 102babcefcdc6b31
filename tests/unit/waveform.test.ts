import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { peaks, wavSamples } = await import("@/lib/assets/waveform");
const { encodeWav } = await import("@/components/speech/audio");

// The WAV reader is the path without ffmpeg (TD's TTS answers PCM WAV): it must read what the studio writes.
describe("waveform without ffmpeg", () => {
  it("reads a 16-bit PCM WAV back to its samples, and finds a loud half after a quiet one", () => {
    const rate = 8000;
    const s = new Float32Array(rate).map((_, i) => (i < rate / 2 ? 0.05 : 0.8) * Math.sin(i / 3));
    const read = wavSamples(Buffer.from(encodeWav(s, rate)))!;
    expect(read).toHaveLength(rate);
    expect(Math.abs(read[4100] - s[4100])).toBeLessThan(1e-3);
    const p = peaks(read, 8);
    expect(Math.max(...p.slice(0, 4))).toBeLessThan(0.1);
    expect(Math.min(...p.slice(4))).toBeGreaterThan(0.9);
  });

  it("is undefined for what is not a PCM WAV, and flat for silence", () => {
    expect(
      wavSamples(Buffer.from("ID3 not a wav file at all, just some bytes to be long enough.....")),
    ).toBeUndefined();
    expect(peaks(new Float32Array(100), 4)).toEqual([0, 0, 0, 0]);
  });
});
