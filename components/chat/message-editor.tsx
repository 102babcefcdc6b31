"use client";

import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/input";

export interface MessageEditorProps {
  initial: string;
  rows: number;
  label: string;
  hint: string;
  cancelText: string;
  submitText: ReactNode;
  busy: boolean;
  /** Empty text may be sent (a question that still has its attachments). */
  allowEmpty?: boolean;
  /** The send button is off while the text is empty. */
  disableWhenEmpty?: boolean;
  className: string;
  onCancel: () => void;
  onSubmit: (text: string) => void;
}

/** Editing a question, or the start of an answer to continue from: loaded when someone first edits. */
export function MessageEditor(p: MessageEditorProps) {
  const [text, setText] = useState(p.initial);
  const empty = !text.trim();
  return (
    <form
      className={p.className}
      onSubmit={(e) => {
        e.preventDefault();
        if (empty && !p.allowEmpty) return;
        p.onSubmit(text);
      }}
    >
      <Textarea value={text} onChange={(e) => setText(e.target.value)} rows={p.rows} aria-label={p.label} autoFocus />
      <p className="text-xs text-muted">{p.hint}</p>
      <div className="flex justify-end gap-2">
        <Button size="sm" variant="ghost" onClick={p.onCancel}>
          {p.cancelText}
        </Button>
        <Button size="sm" variant="primary" type="submit" disabled={p.busy || (!!p.disableWhenEmpty && empty)}>
          {p.submitText}
        </Button>
      </div>
    </form>
  );
}
