"use client";

import type { ComponentPropsWithRef } from "react";
import { cn } from "./cn";
import { useFieldControl } from "./field";

/** Shared look of text inputs, textareas and selects. */
export const CONTROL =
  "w-full rounded-lg border border-border bg-surface text-sm text-fg shadow-xs transition-colors " +
  "placeholder:text-muted/70 hover:border-border-strong " +
  "focus-visible:border-accent focus-visible:outline-3 focus-visible:outline-offset-0 focus-visible:outline-accent/25 " +
  "disabled:cursor-not-allowed disabled:bg-surface-2 disabled:opacity-60 " +
  "aria-invalid:border-danger aria-invalid:focus-visible:outline-danger/25";

export function Input({ className, ...props }: ComponentPropsWithRef<"input">) {
  const a11y = useFieldControl(props);
  return <input className={cn(CONTROL, "h-9 px-3", className)} {...props} {...a11y} />;
}

export function Textarea({ className, rows = 4, ...props }: ComponentPropsWithRef<"textarea">) {
  const a11y = useFieldControl(props);
  return (
    <textarea
      rows={rows}
      className={cn(CONTROL, "min-h-20 resize-y px-3 py-2 leading-6", className)}
      {...props}
      {...a11y}
    />
  );
}

export function Select({ className, children, ...props }: ComponentPropsWithRef<"select">) {
  const a11y = useFieldControl(props);
  return (
    <div className={cn("relative", className)}>
      <select className={cn(CONTROL, "h-9 appearance-none ps-3 pe-9")} {...props} {...a11y}>
        {children}
      </select>
      <svg
        viewBox="0 0 16 16"
        aria-hidden="true"
        className="pointer-events-none absolute end-3 top-1/2 size-4 -translate-y-1/2 text-muted"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="m4 6 4 4 4-4" />
      </svg>
    </div>
  );
}
