// The keys of the usage page's time groups (UTC): pure, shared by the usage query and its tests.

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The Monday (UTC) of the week that contains `d`. */
export const weekOf = (d: Date) =>
  iso(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((d.getUTCDay() + 6) % 7))));
const monthOf = (d: Date) => d.toISOString().slice(0, 7);
/** The key of a time group: a day, its week's Monday, or its month. */
export function timeKey(groupBy: string, d: Date): string {
  return groupBy === "week" ? weekOf(d) : groupBy === "month" ? monthOf(d) : iso(d);
}
