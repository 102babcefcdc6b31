"use client";

import { useSyncExternalStore } from "react";

const never = () => () => undefined;

/**
 * False while the server's HTML is being hydrated (and on the server), true once this component is live in the
 * browser. A card that loads as its own chunk hydrates after the page; a click before that is not seen by React.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
