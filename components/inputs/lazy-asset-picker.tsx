"use client";

import { lazy, Suspense, useState, type ComponentProps } from "react";

// The picker's code (its list, filters and paging) loads the first time someone opens it, not with the
// form: most runs never open it. Once loaded it stays mounted, so closing it and opening again are instant.
const Picker = lazy(() => import("./asset-picker").then((m) => ({ default: m.AssetPicker })));

export function AssetPicker(props: ComponentProps<typeof Picker>) {
  // "Has it ever been open?", kept during render (React's pattern for state derived from a prop change).
  const [opened, setOpened] = useState(props.open);
  if (props.open && !opened) setOpened(true);
  if (!opened && !props.open) return null;
  return (
    <Suspense fallback={null}>
      <Picker {...props} />
    </Suspense>
  );
}
