"use client";

import { useId, useRef, useState, type KeyboardEvent } from "react";
import { Textarea } from "@/components/ui";
import type { Member } from "./use-review";

/** The `@word` being typed just before the caret, if any. */
function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf("@");
  if (at < 0 || (at > 0 && !/[\s(（[【"'“‘,，。]/u.test(before[at - 1]))) return null;
  const query = before.slice(at + 1);
  if (query.length > 30 || /\n/.test(query)) return null;
  return { start: at, query };
}

/** A textarea that offers team members after `@` (↑/↓ to choose, Enter or Tab to insert, Esc to dismiss). */
export function MentionTextarea({
  value,
  onChange,
  members,
  onSubmit,
  onFocus,
  label,
  placeholder,
  testId,
  autoFocus,
}: {
  value: string;
  onChange: (v: string) => void;
  members: Member[];
  onSubmit: () => void;
  onFocus?: () => void;
  label: string;
  placeholder?: string;
  testId?: string;
  autoFocus?: boolean;
}) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const [caret, setCaret] = useState(0);
  const [index, setIndex] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const q = mentionQuery(value, caret);
  const matches =
    q && dismissed !== q.start
      ? members
          .filter((m) => m.name.toLowerCase().includes(q.query.toLowerCase()))
          .sort(
            (a, b) =>
              Number(!a.name.toLowerCase().startsWith(q.query.toLowerCase())) -
              Number(!b.name.toLowerCase().startsWith(q.query.toLowerCase())),
          )
          .slice(0, 6)
      : [];
  const open = matches.length > 0;

  const insert = (m: Member) => {
    if (!q) return;
    const next = `${value.slice(0, q.start)}@${m.name} ${value.slice(caret)}`;
    onChange(next);
    const pos = q.start + m.name.length + 2;
    requestAnimationFrame(() => {
      ref.current?.setSelectionRange(pos, pos);
      setCaret(pos);
    });
    setIndex(0);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open && (e.key === "ArrowDown" || e.key === "ArrowUp")) {
      e.preventDefault();
      setIndex((i) => (i + (e.key === "ArrowDown" ? 1 : matches.length - 1)) % matches.length);
    } else if (open && (e.key === "Enter" || e.key === "Tab")) {
      e.preventDefault();
      insert(matches[Math.min(index, matches.length - 1)]);
    } else if (open && e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      setDismissed(q!.start);
    } else if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
      e.preventDefault();
      onSubmit();
    }
  };

  return (
    <div className="relative">
      <Textarea
        ref={ref}
        value={value}
        rows={3}
        aria-label={label}
        placeholder={placeholder}
        data-testid={testId}
        autoFocus={autoFocus}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        onFocus={onFocus}
        onChange={(e) => {
          onChange(e.target.value);
          setCaret(e.target.selectionStart);
          onFocus?.();
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
      />
      {open && (
        <ul
          id={listId}
          role="listbox"
          className="absolute inset-x-0 top-full z-10 mt-1 overflow-hidden rounded-lg border border-border bg-surface shadow-lg"
        >
          {matches.map((m, i) => (
            <li
              key={m.id}
              role="option"
              aria-selected={i === index}
              className={`cursor-pointer px-3 py-1.5 text-sm ${i === index ? "bg-accent/15 text-fg" : "text-fg"}`}
              onMouseDown={(e) => {
                e.preventDefault();
                insert(m);
              }}
            >
              @{m.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
