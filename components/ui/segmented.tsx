"use client";

import { useId, type ReactNode } from "react";
import { cn } from "./cn";

export type SegmentedOption<V extends string> = {
  value: V;
  label: string;
  /** With `iconOnly`, the label is kept for screen readers and the tooltip. */
  icon?: ReactNode;
};

type SegmentedProps<V extends string> = {
  /** Names the group for screen readers (a visually hidden legend). */
  legend: string;
  value: V;
  onChange: (value: V) => void;
  options: ReadonlyArray<SegmentedOption<V>>;
  iconOnly?: boolean;
  disabled?: boolean;
  name?: string;
  className?: string;
};

/**
 * A small choice among a few values, built from native radio buttons so arrow keys,
 * form submission and screen readers work without extra code.
 */
export function Segmented<V extends string>({
  legend,
  value,
  onChange,
  options,
  iconOnly = false,
  disabled,
  name,
  className,
}: SegmentedProps<V>) {
  const autoName = useId();
  return (
    <fieldset
      className={cn("inline-flex min-w-0 rounded-lg border border-border bg-surface-2 p-0.5", className)}
      disabled={disabled}
    >
      <legend className="sr-only">{legend}</legend>
      {options.map((option) => (
        <label key={option.value} title={iconOnly ? option.label : undefined} className="relative flex-1">
          <input
            type="radio"
            name={name ?? autoName}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
            className="peer sr-only"
          />
          <span
            className={cn(
              "flex h-7 items-center justify-center gap-1.5 rounded-md px-2 text-xs font-medium whitespace-nowrap text-muted transition-colors",
              "peer-checked:bg-surface peer-checked:text-fg peer-checked:shadow-sm hover:text-fg dark:peer-checked:bg-border",
              "peer-focus-visible:outline-2 peer-focus-visible:outline-offset-1 peer-focus-visible:outline-accent",
              "peer-disabled:opacity-50 [&_svg]:size-3.5",
              iconOnly && "w-7 px-0",
            )}
          >
            {option.icon}
            <span className={iconOnly ? "sr-only" : undefined}>{option.label}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
