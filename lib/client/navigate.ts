"use client";

/**
 * A full page load, on purpose: after signing in or out, or switching team, no client state (query
 * caches, drafts of another team) may survive, and every server component renders for the new session.
 */
export function reloadTo(path: string) {
  window.location.assign(path);
}
