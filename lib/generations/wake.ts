/** Lets a finished poll start the archiver at once instead of at its next tick. */
const g = globalThis as unknown as {
  __studioWake?: {
    archiver?: () => void;
    poller?: () => void;
    task?: (id: string) => void;
    /** PostgreSQL: passes a wake-up on to the other processes (set by lib/generations/relay.ts). */
    relay?: (what: string) => void;
  };
};
g.__studioWake ??= {};

export function onWake(kind: "archiver" | "poller", fn: () => void) {
  g.__studioWake![kind] = fn;
}
/** The engine's hook for one task made due now (a callback): a poll in flight is repeated when it ends. */
export function onWakeTask(fn: (id: string) => void) {
  g.__studioWake!.task = fn;
}
export function setWakeRelay(fn: ((what: string) => void) | undefined) {
  g.__studioWake!.relay = fn;
}
export function wakeArchiver() {
  g.__studioWake?.archiver?.();
  g.__studioWake?.relay?.("archiver");
}
export function wakePoller() {
  g.__studioWake?.poller?.();
}
export function wakeTask(id: string) {
  wakeTaskHere(id);
  g.__studioWake?.relay?.(`task:${id}`);
}
/** A wake-up relayed from another process: acted on here, not passed on again. */
export function wakeFromElsewhere(what: string) {
  if (what === "archiver") g.__studioWake?.archiver?.();
  else if (what.startsWith("task:")) wakeTaskHere(what.slice(5));
}
function wakeTaskHere(id: string) {
  g.__studioWake?.task?.(id);
  g.__studioWake?.poller?.();
}
