// Pure arithmetic of a plan (unit-tested without a database).

/** How long the cells take with `slots` running at once, each slot taking the next waiting cell (listing order). */
export function makespan(durations: number[], slots: number): number {
  const free = Array.from({ length: Math.max(1, slots) }, () => 0);
  for (const d of durations) {
    const i = free.indexOf(Math.min(...free));
    free[i] += d;
  }
  return Math.ceil(Math.max(...free));
}
