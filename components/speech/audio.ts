// Audio helpers for the Speech page: pure functions (unit-tested) plus thin Web Audio wrappers for the browser.

/** Mono 16-bit PCM WAV: what MiniMax cloning accepts and what a MediaRecorder recording is turned into. */
export function encodeWav(samples: Float32Array, sampleRate: number): ArrayBuffer {
  const buf = new ArrayBuffer(44 + samples.length * 2);
  const v = new DataView(buf);
  const ascii = (at: number, s: string) => [...s].forEach((c, i) => v.setUint8(at + i, c.charCodeAt(0)));
  ascii(0, "RIFF");
  v.setUint32(4, 36 + samples.length * 2, true);
  ascii(8, "WAVE");
  ascii(12, "fmt ");
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true); // PCM
  v.setUint16(22, 1, true); // mono
  v.setUint32(24, sampleRate, true);
  v.setUint32(28, sampleRate * 2, true);
  v.setUint16(32, 2, true);
  v.setUint16(34, 16, true);
  ascii(36, "data");
  v.setUint32(40, samples.length * 2, true);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i]));
    v.setInt16(44 + i * 2, s < 0 ? s * 0x8000 : s * 0x7fff, true);
  }
  return buf;
}

/** The loudest sample of each of `buckets` equal slices, 0..1: what the waveform draws. */
export function peaks(samples: Float32Array, buckets: number): number[] {
  const out: number[] = [];
  if (!samples.length || buckets <= 0) return out;
  const size = samples.length / buckets;
  for (let b = 0; b < buckets; b++) {
    let max = 0;
    const end = Math.min(samples.length, Math.floor((b + 1) * size));
    for (let i = Math.floor(b * size); i < end; i++) max = Math.max(max, Math.abs(samples[i]));
    out.push(Math.min(1, max));
  }
  return out;
}

const EXT_MIME: Record<string, string> = {
  wav: "audio/wav",
  mp3: "audio/mpeg",
  m4a: "audio/mp4",
  mp4: "audio/mp4",
  ogg: "audio/ogg",
  oga: "audio/ogg",
  opus: "audio/ogg",
  webm: "audio/webm",
  weba: "audio/webm",
  flac: "audio/flac",
  aac: "audio/aac",
  amr: "audio/amr",
};
const ALIAS: Record<string, string> = {
  "audio/x-wav": "audio/wav",
  "audio/wave": "audio/wav",
  "audio/vnd.wave": "audio/wav",
  "audio/mp3": "audio/mpeg",
  "audio/x-m4a": "audio/mp4",
};

/** The browser's idea of a file's type (or its extension's), in the names the catalog uses. The server sniffs the bytes again. */
export function audioMimeOf(file: { type: string; name: string }): string {
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? "";
  const raw = file.type.split(";")[0].trim().toLowerCase() || EXT_MIME[ext] || "";
  return ALIAS[raw] ?? raw;
}

/** "0:07", "1:05" */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** The first channel of decoded audio, resampled when asked (an OfflineAudioContext does the work). */
export async function decodeAudio(
  data: ArrayBuffer,
  resampleTo?: number,
): Promise<{ samples: Float32Array; sampleRate: number; duration: number }> {
  const probe = new OfflineAudioContext(1, 1, 44100);
  const decoded = await probe.decodeAudioData(data);
  if (!resampleTo || resampleTo === decoded.sampleRate)
    return { samples: decoded.getChannelData(0), sampleRate: decoded.sampleRate, duration: decoded.duration };
  const ctx = new OfflineAudioContext(1, Math.max(1, Math.ceil(decoded.duration * resampleTo)), resampleTo);
  const src = ctx.createBufferSource();
  src.buffer = decoded;
  src.connect(ctx.destination);
  src.start();
  const rendered = await ctx.startRendering();
  return { samples: rendered.getChannelData(0), sampleRate: resampleTo, duration: rendered.duration };
}
