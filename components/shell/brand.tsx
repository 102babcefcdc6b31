import Link from "next/link";
import { cn } from "@/components/ui/cn";

/** The logo mark: a spark on the accent colour. */
export function LogoMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" className={cn("size-7 shrink-0", className)}>
      <rect width="32" height="32" rx="8" className="fill-accent" />
      <path
        d="M16 6.5c.8 5.2 3.3 8 8.5 9.5-5.2 1.4-7.7 4.3-8.5 9.5-.8-5.2-3.3-8.1-8.5-9.5 5.2-1.5 7.7-4.3 8.5-9.5Z"
        className="fill-accent-fg"
      />
    </svg>
  );
}

export function Brand({ name, tagline, className }: { name: string; tagline?: string; className?: string }) {
  return (
    <Link href="/video" className={cn("flex items-center gap-2.5 rounded-lg", className)}>
      <LogoMark />
      <span className="flex min-w-0 flex-col leading-tight">
        <span className="text-[15px] font-semibold tracking-tight text-fg">{name}</span>
        {tagline && <span className="truncate text-[11px] text-muted">{tagline}</span>}
      </span>
    </Link>
  );
}
