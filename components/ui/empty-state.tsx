import type { ReactNode } from "react";
import { cn } from "./cn";

type EmptyStateProps = {
  icon?: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  /** Buttons or links, e.g. the first thing to do. */
  actions?: ReactNode;
  children?: ReactNode;
  className?: string;
};

export function EmptyState({ icon, title, description, actions, children, className }: EmptyStateProps) {
  return (
    <div className={cn("flex flex-col items-center px-6 py-12 text-center", className)}>
      {icon && (
        <div
          className="mb-4 flex size-12 items-center justify-center rounded-xl border border-accent/20 bg-accent/10 text-accent-text [&_svg]:size-6"
          aria-hidden="true"
        >
          {icon}
        </div>
      )}
      <h2 className="text-base font-semibold text-balance text-fg">{title}</h2>
      {description && <p className="mt-1.5 max-w-md text-sm leading-6 text-pretty text-muted">{description}</p>}
      {children}
      {actions && <div className="mt-6 flex flex-wrap items-center justify-center gap-2">{actions}</div>}
    </div>
  );
}
