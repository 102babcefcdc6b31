"use client";

import { Suspense, type ComponentProps } from "react";
import { lazyPart } from "@/lib/client/lazy";

// Only a demo studio shows the badge: its code is not on every page of a real one.
const Badge = lazyPart(() => import("./demo-badge").then((m) => m.DemoBadge));

export function DemoBadge(props: ComponentProps<typeof Badge.Part>) {
  return (
    <Suspense fallback={null}>
      <Badge.Part {...props} />
    </Suspense>
  );
}
