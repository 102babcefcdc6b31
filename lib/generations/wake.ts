/** Lets a finished poll start the archiver at once instead of at its next tick. */
const g = globalThis as unknown as { __studioWake?: { archiver?: () => void; poller?: () => void } };
g.__studioWake ??= {};

export function onWake(kind: "archiver" | "poller", fn: () => void) {
  g.__studioWake![kind] = fn;
}
export function wakeArchiver() {
  g.__studioWake?.archiver?.();
}
export function wakePoller() {
  g.__studioWake?.poller?.();
}
