/**
 * Whose data a call works on: the caller's current team, and who is acting (for `createdById`).
 * Every domain query that reads or writes team data takes one; `Caller` (lib/auth/caller.ts) is one.
 */
export interface Scope {
  teamId: string;
  userId: string;
}
