// The one status list of the studio (server, client and tests read it here).

/** The one status of a studio generation, whatever the family. */
export const STATUSES = ["queued", "running", "succeeded", "failed", "canceled", "expired"] as const;
export type Status = (typeof STATUSES)[number];

export const ACTIVE: Status[] = ["queued", "running"];
/** The statuses a generation never leaves. */
export const TERMINAL: ReadonlySet<string> = new Set<Status>(["succeeded", "failed", "canceled", "expired"]);
export function isTerminal(s: string): boolean {
  return TERMINAL.has(s);
}

/** Each family's upstream status mapped into ours, in one place. */
export function fromDashScope(s: string): Status {
  switch (s) {
    case "PENDING":
      return "queued";
    case "RUNNING":
      return "running";
    case "SUCCEEDED":
      return "succeeded";
    case "FAILED":
      return "failed";
    case "CANCELED":
      return "canceled";
    case "UNKNOWN":
      return "failed"; // TD does not know this task id (gone, expired, never ours): finished with that code
    default:
      return "running"; // not in the docs: logged, and still running until the task lifetime
  }
}

export function fromArk(s: string): Status {
  switch (s) {
    case "queued":
      return "queued";
    case "running":
      return "running";
    case "succeeded":
      return "succeeded";
    case "failed":
      return "failed";
    case "cancelled":
      return "canceled";
    case "expired":
      return "expired";
    default:
      return "running";
  }
}

/** VOD: PROCESSING → running; FINISH with ErrCode 0 → succeeded, otherwise failed. */
export function fromVod(s: string, errCode: number | undefined): Status {
  if (s === "FINISH") return (errCode ?? 0) === 0 ? "succeeded" : "failed";
  return "running";
}

const warned = new Set<string>();

/** A status value the docs do not list: log the raw value (once per value and process), keep polling. */
export function warnUnknownStatus(family: string, raw: string, upstreamTaskId: string): void {
  if (warned.has(`${family}:${raw}`)) return;
  warned.add(`${family}:${raw}`);
  console.warn(
    `[engine] ${family} task ${upstreamTaskId} has an undocumented status ${JSON.stringify(raw)}; treated as still running`,
  );
}
