// The one WAV writer of the tests (e2e, unit, contract): 16-bit mono PCM with a hand-written RIFF header,
// so no audio tool is needed. The emulator keeps its own (emulator/media/generate.ts): it imports nothing here.

/** Sample i of n at `rate` Hz, as a 16-bit value; silence unless a signal is given. */
export type Signal = (i: number, rate: number) => number;

export const silence: Signal = () => 0;
/** A quiet 440 Hz tone. */
export const tone: Signal = (i, rate) => Math.sin((2 * Math.PI * 440 * i) / rate) * 3000;
/** A 200 Hz tone that swells and fades: a stand-in for a voice sample. */
export const voiceLike: Signal = (i, rate) =>
  8000 * Math.sin((2 * Math.PI * 200 * i) / rate) * (1 + Math.sin(i / 900)) * 0.5;

/** A mono 16-bit PCM WAV of `seconds` at `rate` Hz. */
export function wavBytes(
  seconds: number,
  { rate = 16000, signal = silence }: { rate?: number; signal?: Signal } = {},
): Buffer {
  const n = Math.round(seconds * rate);
  const b = Buffer.alloc(44 + n * 2);
  b.write("RIFF", 0, "latin1");
  b.writeUInt32LE(36 + n * 2, 4);
  b.write("WAVEfmt ", 8, "latin1");
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20); // PCM
  b.writeUInt16LE(1, 22); // mono
  b.writeUInt32LE(rate, 24);
  b.writeUInt32LE(rate * 2, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write("data", 36, "latin1");
  b.writeUInt32LE(n * 2, 40);
  if (signal !== silence) for (let i = 0; i < n; i++) b.writeInt16LE(Math.round(signal(i, rate)), 44 + i * 2);
  return b;
}
