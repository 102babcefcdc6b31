// The burn-down's projection: where a budget's spend lands at the end of its period at the pace so far. Pure,
// shared by the usage page and its tests.

const DAY = 86_400_000;

/** Below this much of a period, one morning's runs would be read as a whole month's pace: no projection yet. */
export const MIN_PROJECTION_DAYS = 3;

/** The end of the monthly period that starts at `since` (the same reset day a month later, UTC). */
export function periodEnd(since: Date, kind: "monthly" | "daily"): Date {
  if (kind === "daily") return new Date(since.getTime() + DAY);
  return new Date(Date.UTC(since.getUTCFullYear(), since.getUTCMonth() + 1, since.getUTCDate()));
}

/**
 * Spend at the period's end at the pace so far: spent + (spent / elapsed) × what is left of the period.
 * Undefined until MIN_PROJECTION_DAYS have passed (or a fifth of a shorter period), and for a daily budget.
 */
export function projectSpend(a: { spent: number; since: Date; now: Date; kind: "monthly" | "daily" }) {
  if (a.kind === "daily") return undefined;
  const end = periodEnd(a.since, a.kind).getTime();
  const length = end - a.since.getTime();
  const elapsed = Math.min(length, a.now.getTime() - a.since.getTime());
  if (elapsed < Math.min(MIN_PROJECTION_DAYS * DAY, length / 5)) return undefined;
  return a.spent + (a.spent / elapsed) * (length - elapsed);
}
