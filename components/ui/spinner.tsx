import { cn } from "./cn";

const SIZES = { sm: "size-3.5", md: "size-4", lg: "size-6" } as const;

type SpinnerProps = {
  size?: keyof typeof SIZES;
  /** Announced to screen readers; without it the spinner is decorative (e.g. inside a busy button). */
  label?: string;
  className?: string;
};

export function Spinner({ size = "md", label, className }: SpinnerProps) {
  const svg = (
    <svg viewBox="0 0 24 24" fill="none" className={cn("animate-spin", SIZES[size], className)} aria-hidden="true">
      <circle cx="12" cy="12" r="9" stroke="currentColor" strokeOpacity="0.25" strokeWidth="3" />
      <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
  if (!label) return svg;
  return (
    <span role="status" className="inline-flex items-center">
      {svg}
      <span className="sr-only">{label}</span>
    </span>
  );
}
