/** Lets a finished poll start the archiver at once instead of at its next tick. */
const g = globalThis as unknown as {
  __studioWake?: { archiver?: () => void; poller?: () => void; task?: (id: string) => void };
};
g.__studioWake ??= {};

export function onWake(kind: "archiver" | "poller", fn: () => void) {
  g.__studioWake![kind] = fn;
}
/** The engine's hook for one task made due now (a callback): a poll in flight is repeated when it ends. */
export function onWakeTask(fn: (id: string) => void) {
  g.__studioWake!.task = fn;
}
export function wakeArchiver() {
  g.__studioWake?.archiver?.();
}
export function wakePoller() {
  g.__studioWake?.poller?.();
}
export function wakeTask(id: string) {
  g.__studioWake?.task?.(id);
  g.__studioWake?.poller?.();
}
