// Kept apart from use-review so the shell (notification texts) can show a time without loading review code.

/** Seconds as a timecode: m:ss.mmm (h:mm:ss.mmm past an hour) — frame-accurate to the millisecond. */
export function timecode(s: number): string {
  const ms = Math.round(s * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const sec = Math.floor((ms % 60_000) / 1000);
  const frac = String(ms % 1000).padStart(3, "0");
  const mm = h ? `${h}:${String(m).padStart(2, "0")}` : String(m);
  return `${mm}:${String(sec).padStart(2, "0")}.${frac}`;
}
