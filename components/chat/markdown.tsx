"use client";

import { memo, useMemo, type ComponentPropsWithoutRef, type ReactNode } from "react";
import ReactMarkdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import { cn } from "@/components/ui";
import { boundNesting, codeLanguage, keepUrl, rehypeSafeLinks, textOf } from "@/lib/chat/markdown";
import { CodeBlock } from "./code-block";

// A model's Markdown as React elements (react-markdown + GFM), never as HTML: raw HTML in an answer stays
// text, links and images follow the rules of rehypeSafeLinks, links open in a new tab without access to the
// studio. While an answer streams, an unclosed code fence is a code block up to the end (CommonMark).
// Loaded on demand (next/dynamic in message-item), so the chat page's first load does not carry it.

function heading(Tag: "h2" | "h3" | "h4" | "h5" | "h6", size: string) {
  return function Heading({ children }: { children?: ReactNode }) {
    return <Tag className={cn("leading-snug font-semibold text-fg", size)}>{children}</Tag>;
  };
}

const components: Components = {
  // The page's h1 is the conversation title: an answer's headings start one level below.
  h1: heading("h2", "text-xl"),
  h2: heading("h3", "text-lg"),
  h3: heading("h4", "text-base"),
  h4: heading("h5", "text-base"),
  h5: heading("h6", "text-base"),
  h6: heading("h6", "text-base"),
  p: ({ children }) => <p>{children}</p>,
  a: ({ href, children }) => (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer nofollow"
      className="text-accent-text underline underline-offset-2 hover:no-underline"
    >
      {children}
    </a>
  ),
  strong: ({ children }) => <strong className="font-semibold text-fg">{children}</strong>,
  blockquote: ({ children }) => (
    <blockquote className="flex flex-col gap-2 border-s-2 border-border-strong ps-3 text-muted">{children}</blockquote>
  ),
  ul: ({ children }) => <ul className="list-disc ps-6 marker:text-muted">{children}</ul>,
  ol: ({ children, start }) => (
    <ol start={start} className="list-decimal ps-6 marker:text-muted">
      {children}
    </ol>
  ),
  li: ({ children, className }: ComponentPropsWithoutRef<"li">) => (
    <li className={cn("ps-1 [&>*+*]:mt-1.5 [&>ol]:mt-1.5 [&>ul]:mt-1.5", className)}>{children}</li>
  ),
  hr: () => <hr className="border-border" />,
  table: ({ children }) => (
    <div className="overflow-x-auto rounded-lg border border-border">
      <table className="w-full border-collapse text-sm">{children}</table>
    </div>
  ),
  thead: ({ children }) => <thead className="bg-surface-2">{children}</thead>,
  tr: ({ children }) => <tr className="border-b border-border last:border-0">{children}</tr>,
  th: ({ children, style }) => (
    <th className="border-b border-border px-3 py-1.5 text-start font-semibold" style={style}>
      {children}
    </th>
  ),
  td: ({ children, style }) => (
    <td className="px-3 py-1.5 align-top" style={style}>
      {children}
    </td>
  ),
  // Inline code; code blocks are handled by `pre` below and never reach this.
  code: ({ children }) => (
    <code className="rounded bg-surface-2 px-1.5 py-0.5 font-mono text-[0.875em] text-fg">{children}</code>
  ),
  pre: ({ node }) => {
    const code = node?.children.find((c) => c.type === "element" && c.tagName === "code");
    const source = code ? textOf(code).replace(/\n$/, "") : "";
    const lang = code && code.type === "element" ? codeLanguage(code.properties.className) : "";
    return <CodeBlock lang={lang} code={source} />;
  },
};

const rehypePlugins = [rehypeSafeLinks];
const remarkPlugins = [remarkGfm];

export const Markdown = memo(function Markdown({ text, className }: { text: string; className?: string }) {
  const source = useMemo(() => boundNesting(text), [text]);
  return (
    <div className={cn("flex flex-col gap-3 text-[15px] leading-7 break-words", className)}>
      <ReactMarkdown
        remarkPlugins={remarkPlugins}
        rehypePlugins={rehypePlugins}
        urlTransform={keepUrl}
        components={components}
      >
        {source}
      </ReactMarkdown>
    </div>
  );
});

export default Markdown;
