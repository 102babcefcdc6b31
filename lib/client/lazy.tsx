"use client";

import { lazy, useEffect, useState, type ComponentType } from "react";

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

/** A module loader that remembers its module once loaded (`loader.current()`), for `useModuleWhen`. */
export interface ModuleLoader<T> {
  (): Promise<T>;
  current: () => T | undefined;
}

export function moduleLoader<T>(load: () => Promise<T>): ModuleLoader<T> {
  let value: T | undefined;
  let pending: Promise<T> | undefined;
  const get = () =>
    (pending ??= load().then(
      (m) => (value = m),
      (e: unknown) => {
        pending = undefined;
        throw e;
      },
    ));
  return Object.assign(get, { current: () => value });
}

/**
 * A module a component needs only in some states (`when`): undefined until it has loaded, then the module, at
 * once on later renders and mounts. The caller treats "not loaded yet" as "still checking".
 */
export function useModuleWhen<T>(load: ModuleLoader<T>, when: boolean): T | undefined {
  const [, setLoaded] = useState(0);
  const mod = load.current();
  useEffect(() => {
    if (!when || mod) return;
    let live = true;
    load().then(
      () => live && setLoaded((n) => n + 1),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [load, when, mod]);
  return mod;
}
