"use client";

import { useId, useState, type ReactNode } from "react";
import { cn } from "./cn";

type SwitchProps = {
  checked?: boolean;
  defaultChecked?: boolean;
  onCheckedChange?: (checked: boolean) => void;
  /** Visible label beside the switch; without it pass aria-label. */
  label?: ReactNode;
  description?: ReactNode;
  "aria-label"?: string;
  /** Submitted with a form as "true" / "false". */
  name?: string;
  disabled?: boolean;
  id?: string;
  className?: string;
};

/** An on/off setting (role="switch"); controlled with `checked` or uncontrolled with `defaultChecked`. */
export function Switch({
  checked,
  defaultChecked = false,
  onCheckedChange,
  label,
  description,
  name,
  disabled,
  id,
  className,
  ...rest
}: SwitchProps) {
  const autoId = useId();
  const controlId = id ?? `switch-${autoId}`;
  const [internal, setInternal] = useState(defaultChecked);
  const on = checked ?? internal;

  function toggle() {
    if (checked === undefined) setInternal(!on);
    onCheckedChange?.(!on);
  }

  const control = (
    <>
      <button
        type="button"
        role="switch"
        id={controlId}
        aria-checked={on}
        aria-label={rest["aria-label"]}
        aria-labelledby={label ? `${controlId}-label` : undefined}
        aria-describedby={description ? `${controlId}-desc` : undefined}
        disabled={disabled}
        onClick={toggle}
        className={cn(
          "relative inline-flex h-5 w-9 shrink-0 items-center rounded-full border border-transparent transition-colors duration-150",
          "disabled:cursor-not-allowed disabled:opacity-50",
          on ? "bg-accent" : "bg-muted/55",
        )}
      >
        <span
          aria-hidden="true"
          className={cn(
            "block size-4 rounded-full bg-white shadow-sm transition-transform duration-150",
            on ? "translate-x-4" : "translate-x-0.5",
          )}
        />
      </button>
      {name && <input type="hidden" name={name} value={on ? "true" : "false"} />}
    </>
  );

  if (!label) return <span className={className}>{control}</span>;
  return (
    <div className={cn("flex items-start justify-between gap-4", className)}>
      <div className="min-w-0">
        <label id={`${controlId}-label`} htmlFor={controlId} className="text-[13px] font-medium text-fg">
          {label}
        </label>
        {description && (
          <p id={`${controlId}-desc`} className="mt-0.5 text-xs leading-5 text-muted">
            {description}
          </p>
        )}
      </div>
      <div className="pt-0.5">{control}</div>
    </div>
  );
}
