"use client";

import { createContext, useContext, useId, type ComponentPropsWithRef, type ReactNode } from "react";
import { cn } from "./cn";

type AriaInvalid = boolean | "true" | "false" | "grammar" | "spelling";
type FieldContextValue = { id: string; describedBy?: string; invalid: boolean; required: boolean };

const FieldContext = createContext<FieldContextValue | null>(null);

/**
 * What a control inside <Field> needs: its id (the label points at it), aria-describedby
 * (hint and error) and aria-invalid. Explicit props on the control win.
 */
export function useFieldControl(props: {
  id?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: AriaInvalid;
  required?: boolean;
}) {
  const field = useContext(FieldContext);
  return {
    id: props.id ?? field?.id,
    "aria-describedby": cn(field?.describedBy, props["aria-describedby"]) || undefined,
    "aria-invalid": props["aria-invalid"] ?? (field?.invalid || undefined),
    required: props.required ?? (field?.required || undefined),
  };
}

export function Label({
  className,
  children,
  required,
  ...props
}: ComponentPropsWithRef<"label"> & { required?: boolean }) {
  return (
    <label className={cn("text-[13px] font-medium text-fg", className)} {...props}>
      {children}
      {required && (
        <span aria-hidden="true" className="ms-0.5 text-danger">
          *
        </span>
      )}
    </label>
  );
}

type FieldProps = {
  label: ReactNode;
  /** Help under the control (limits, what the value does). */
  hint?: ReactNode;
  /** Replaces nothing: shown under the hint, in red, and marks the control invalid. */
  error?: ReactNode;
  required?: boolean;
  /** Right side of the label row, e.g. a character counter. */
  aside?: ReactNode;
  id?: string;
  className?: string;
  children: ReactNode;
};

/** Label + control + hint + error, wired together for screen readers. */
export function Field({ label, hint, error, required = false, aside, id, className, children }: FieldProps) {
  const autoId = useId();
  const controlId = id ?? `field-${autoId}`;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const value: FieldContextValue = {
    id: controlId,
    describedBy: cn(hintId, errorId) || undefined,
    invalid: Boolean(error),
    required,
  };
  return (
    <FieldContext value={value}>
      <div className={cn("flex flex-col gap-1.5", className)}>
        <div className="flex items-baseline justify-between gap-3">
          <Label htmlFor={controlId} required={required}>
            {label}
          </Label>
          {aside && <div className="text-xs text-muted tabular-nums">{aside}</div>}
        </div>
        {children}
        {hint && (
          <p id={hintId} className="text-xs leading-5 text-muted">
            {hint}
          </p>
        )}
        {error && (
          <p id={errorId} className="text-xs leading-5 font-medium text-danger">
            {error}
          </p>
        )}
      </div>
    </FieldContext>
  );
}
