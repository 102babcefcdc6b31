"use client";

import { useEffect, useMemo, useState, type ReactNode } from "react";
import { CheckIcon } from "lucide-react";
import { useTranslations } from "use-intl";
import { copyText } from "./copy";

// A code block of an answer: plain text at once, coloured once the highlighter (lowlight, loaded on the
// first code block only) is there. Highlighting runs again as the code streams in.

type Highlighter = typeof import("./highlight-code");
let loading: Promise<Highlighter> | undefined;
const loadHighlighter = () => (loading ??= import("./highlight-code"));

export function CodeBlock({ lang, code }: { lang: string; code: string }) {
  const t = useTranslations("chat.message");
  const [copied, setCopied] = useState(false);
  const [hl, setHl] = useState<Highlighter>();
  useEffect(() => {
    let live = true;
    loadHighlighter().then(
      (m) => live && setHl(m),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  const colored: ReactNode = useMemo(() => hl?.highlightCode(code, lang), [hl, code, lang]);
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
        <code className="hljs" data-highlighted={colored ? "" : undefined}>
          {colored ?? code}
        </code>
      </pre>
    </div>
  );
}
