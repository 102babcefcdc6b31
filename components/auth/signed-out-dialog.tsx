"use client";

import { Suspense, useEffect, useState } from "react";
import { SIGNED_OUT_EVENT } from "@/lib/client/api";
import { lazyPart } from "@/lib/client/lazy";

// Every page carries this dialog, few ever open it: its code (and the sign-in form's) loads when a 401 first opens it.
const Body = lazyPart(() => import("./signed-out-body").then((m) => m.SignedOutBody));

/**
 * When any request answers 401 (the session expired or was ended elsewhere), sign in again right here:
 * the page, its half-typed prompt and its drafts stay as they are.
 */
export function SignedOutDialog({ passwordMin = 10 }: { passwordMin?: number }) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const show = () => setOpen(true);
    window.addEventListener(SIGNED_OUT_EVENT, show);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, show);
  }, []);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <Body.Part passwordMin={passwordMin} onClose={() => setOpen(false)} />
    </Suspense>
  );
}
