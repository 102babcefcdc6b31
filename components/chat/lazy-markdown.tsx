"use client";

import { lazy, Suspense } from "react";

// The Markdown renderer (react-markdown + GFM) is loaded on demand: the chat page's first load does not
// carry it. Until it is there the answer shows as plain text; a page rendered on the server keeps its
// rendered answer while the chunk arrives (React hydrates the boundary once it has it).

const loadMarkdown = () => import("./markdown");
const Markdown = lazy(loadMarkdown);

/** Fetch the renderer early (the chat page calls this once it is idle), so the first answer does not wait. */
export function preloadMarkdown() {
  void loadMarkdown();
}

export function LazyMarkdown({ text }: { text: string }) {
  return (
    <Suspense fallback={<p className="text-[15px] leading-7 break-words whitespace-pre-wrap">{text}</p>}>
      <Markdown text={text} />
    </Suspense>
  );
}
