"use client";

import { memo, useMemo, useState, type ReactNode } from "react";
import { useTranslations } from "use-intl";
import { cn } from "@/components/ui";
import { CheckIcon } from "@/components/ui/icons";
import { copyText } from "./copy";
import { highlight, type TokenKind } from "@/lib/chat/highlight";
import { parseMarkdown, type Block, type Inline } from "@/lib/chat/markdown";

// Renders a model's Markdown as React elements — never as HTML: whatever the model writes, tags included,
// reaches the page as text. Links open in a new tab without access to the studio (noopener noreferrer).

const TOKEN_CLASS: Record<TokenKind, string | undefined> = {
  plain: undefined,
  comment: "text-muted italic",
  string: "text-success",
  number: "text-warning",
  keyword: "text-accent-text font-medium",
  literal: "text-warning",
  key: "text-accent-text",
};

export const Markdown = memo(function Markdown({ text, className }: { text: string; className?: string }) {
  const blocks = useMemo(() => parseMarkdown(text), [text]);
  return (
    <div className={cn("flex flex-col gap-3 text-[15px] leading-7 break-words", className)}>
      {blocks.map((b, i) => (
        <BlockView key={i} b={b} />
      ))}
    </div>
  );
});

function BlockView({ b }: { b: Block }): ReactNode {
  switch (b.t) {
    case "p":
      return <p>{inlines(b.c)}</p>;
    case "h": {
      const size = b.level <= 1 ? "text-xl" : b.level === 2 ? "text-lg" : "text-base";
      const Tag = `h${Math.min(6, b.level + 1)}` as "h2"; // the page's h1 is the conversation title
      return <Tag className={cn("leading-snug font-semibold text-fg", size)}>{inlines(b.c)}</Tag>;
    }
    case "code":
      return <CodeBlock lang={b.lang} code={b.v} />;
    case "quote":
      return (
        <blockquote className="flex flex-col gap-2 border-s-2 border-border-strong ps-3 text-muted">
          {b.c.map((x, i) => (
            <BlockView key={i} b={x} />
          ))}
        </blockquote>
      );
    case "list": {
      const items = b.items.map((item, i) => (
        <li key={i} className="ps-1 [&>div]:gap-1.5">
          <div className="flex flex-col gap-2">
            {item.map((x, j) => (
              <BlockView key={j} b={x} />
            ))}
          </div>
        </li>
      ));
      return b.ordered ? (
        <ol start={b.start} className="list-decimal ps-6 marker:text-muted">
          {items}
        </ol>
      ) : (
        <ul className="list-disc ps-6 marker:text-muted">{items}</ul>
      );
    }
    case "table":
      return (
        <div className="overflow-x-auto rounded-lg border border-border">
          <table className="w-full border-collapse text-sm">
            <thead className="bg-surface-2">
              <tr>
                {b.head.map((c, i) => (
                  <th
                    key={i}
                    className="border-b border-border px-3 py-1.5 text-start font-semibold"
                    style={b.align[i] ? { textAlign: b.align[i]! } : undefined}
                  >
                    {inlines(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {b.rows.map((r, i) => (
                <tr key={i} className="border-b border-border last:border-0">
                  {b.head.map((_, k) => (
                    <td
                      key={k}
                      className="px-3 py-1.5 align-top"
                      style={b.align[k] ? { textAlign: b.align[k]! } : undefined}
                    >
                      {r[k] ? inlines(r[k]) : null}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case "hr":
      return <hr className="border-border" />;
  }
}

function inlines(nodes: Inline[]): ReactNode[] {
  return nodes.map((n, i) => {
    switch (n.t) {
      case "text":
        return n.v;
      case "br":
        return <br key={i} />;
      case "code":
        return (
          <code key={i} className="rounded bg-surface-2 px-1.5 py-0.5 font-mono text-[0.875em] text-fg">
            {n.v}
          </code>
        );
      case "strong":
        return (
          <strong key={i} className="font-semibold text-fg">
            {inlines(n.c)}
          </strong>
        );
      case "em":
        return <em key={i}>{inlines(n.c)}</em>;
      case "del":
        return <del key={i}>{inlines(n.c)}</del>;
      case "link":
        return (
          <a
            key={i}
            href={n.href}
            target="_blank"
            rel="noopener noreferrer nofollow"
            className="text-accent-text underline underline-offset-2 hover:no-underline"
          >
            {inlines(n.c)}
          </a>
        );
    }
  });
}

function CodeBlock({ lang, code }: { lang: string; code: string }) {
  const t = useTranslations("chat.message");
  const [copied, setCopied] = useState(false);
  const tokens = useMemo(() => highlight(code, lang), [code, lang]);
  const copy = async () => {
    if (!(await copyText(code))) return;
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <div
      className="overflow-hidden rounded-lg border border-border bg-surface-2"
      data-testid="code-block"
      data-lang={lang || undefined}
    >
      <div className="flex items-center justify-between border-b border-border px-3 py-1 text-xs text-muted">
        <span className="font-mono">{lang || t("code")}</span>
        <button
          type="button"
          onClick={copy}
          className="inline-flex items-center gap-1 rounded px-1.5 py-0.5 hover:bg-surface hover:text-fg"
          aria-label={t("copyCode")}
        >
          {copied ? <CheckIcon className="size-3.5" /> : null}
          {copied ? t("copied") : t("copy")}
        </button>
      </div>
      <pre className="overflow-x-auto p-3 font-mono text-[13px] leading-6">
        <code>
          {tokens.map((tk, i) => {
            const cls = TOKEN_CLASS[tk.k];
            return cls ? (
              <span key={i} className={cls} data-token={tk.k}>
                {tk.v}
              </span>
            ) : (
              tk.v
            );
          })}
        </code>
      </pre>
    </div>
  );
}
