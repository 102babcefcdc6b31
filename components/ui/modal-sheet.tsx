"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * A modal panel over the page: a bottom sheet on a phone, centred from `sm` up. It takes focus when it opens
 * and gives it back when it closes; Esc or a click on the backdrop closes it. Its keys stay inside, so the view
 * underneath (the gallery, a detail view with its own F / arrows / Esc) does not react to them.
 */
export function ModalSheet({
  label,
  onClose,
  children,
  "data-testid": testId,
}: {
  label: string;
  onClose: () => void;
  children: ReactNode;
  "data-testid"?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const prev = document.activeElement as HTMLElement | null;
    box.current?.focus();
    return () => prev?.focus?.();
  }, []);
  return (
    <div
      className="fixed inset-0 z-[60] flex items-end justify-center bg-black/60 sm:items-center sm:p-6"
      onClick={onClose}
    >
      <div
        ref={box}
        role="dialog"
        aria-modal="true"
        aria-label={label}
        tabIndex={-1}
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === "Escape") onClose();
        }}
        className="flex max-h-[90dvh] w-full max-w-md flex-col gap-4 overflow-y-auto rounded-t-2xl bg-surface p-5 shadow-xl outline-none sm:rounded-2xl"
        data-testid={testId}
      >
        {children}
      </div>
    </div>
  );
}
