import { toJsxRuntime } from "hast-util-to-jsx-runtime";
import { common, createLowlight } from "lowlight";
import type { ReactNode } from "react";
import { Fragment, jsx, jsxs } from "react/jsx-runtime";

// Syntax colours for code in answers: lowlight (highlight.js grammars, the 37 common languages). Imported
// only by code-block.tsx through a dynamic import, so its weight loads with the first code block, not with
// the page. Its tree holds only <span class="hljs-…"> and text; app/globals.css colours the classes.

const lowlight = createLowlight(common);
const ALIASES: Record<string, string> = { sh: "bash", zsh: "bash", shell: "bash", console: "bash", py: "python" };

/** The code as coloured spans, or undefined when the language is unknown (the block stays plain). */
export function highlightCode(code: string, lang: string): ReactNode | undefined {
  const name = ALIASES[lang] ?? lang;
  if (!name || !lowlight.registered(name)) return undefined;
  return toJsxRuntime(lowlight.highlight(name, code), { Fragment, jsx, jsxs });
}
