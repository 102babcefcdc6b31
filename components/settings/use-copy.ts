"use client";

import { useState } from "react";

/** Copy text to the clipboard; `copied` is true for two seconds after. */
export function useCopy() {
  const [copied, setCopied] = useState(false);
  return {
    copied,
    copy: async (text: string) => {
      await navigator.clipboard?.writeText(text);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    },
  };
}
