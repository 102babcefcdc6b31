"use client";

import { BOOT_SCRIPT } from "./theme";

/**
 * The theme/time-zone boot script in <head>. Executable in the server HTML only: when React
 * renders it in the browser (e.g. after an error) it becomes inert text, which is what React
 * expects there and so it does not warn about a script tag.
 */
export function BootScript({ nonce }: { nonce?: string }) {
  return (
    <script
      nonce={nonce}
      type={typeof window === "undefined" ? "text/javascript" : "text/plain"}
      suppressHydrationWarning
      dangerouslySetInnerHTML={{ __html: BOOT_SCRIPT }}
    />
  );
}
