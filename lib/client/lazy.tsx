"use client";

import { lazy, useEffect, type ComponentType } from "react";

/**
 * A component whose code is not in its page's first load, for parts shown only after a choice (a tab, a mode,
 * an open dialog). `preload()` fetches the code ahead of need (see `usePreloadWhenIdle`); once it has arrived
 * the real component renders straight away, so opening the part never shows a fallback for a frame.
 * Render it inside a <Suspense> for the case where it is needed before its code is there (a deep link).
 */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (pending ??= load().then(
      (c) => (loaded = c),
      (e: unknown) => {
        pending = undefined; // a failed fetch (offline for a moment) is tried again on the next use
        throw e;
      },
    ));
  const Lazy = lazy(() => preload().then((c) => ({ default: c })));
  function Part(props: P) {
    const C = loaded ?? Lazy;
    return <C {...props} />;
  }
  return { Part, preload };
}

/** Fetch parts' code once the page is idle after its first paint, so a later choice finds them ready. */
export function usePreloadWhenIdle(...preloads: Array<() => Promise<unknown>>) {
  useEffect(() => {
    const run = () => preloads.forEach((p) => void p().catch(() => undefined));
    if (typeof window.requestIdleCallback === "function") {
      const id = window.requestIdleCallback(run, { timeout: 4000 });
      return () => window.cancelIdleCallback(id);
    }
    const id = window.setTimeout(run, 1500);
    return () => window.clearTimeout(id);
    // The preloads are module-level functions: run once per mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
