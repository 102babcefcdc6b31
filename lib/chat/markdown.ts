import type { Element, ElementContent, Root, RootContent } from "hast";

// The studio's rules for Markdown a model writes, applied to the tree react-markdown builds (a rehype
// plugin), so they hold whatever the renderer does: raw HTML stays text (react-markdown's default without
// rehype-raw), links are kept only for http(s)/mailto, and images become links — an answer must never make
// the browser load anything. Pure tree code: no React, so it runs the same in tests and on the server.

const SAFE_URL = /^(https?:\/\/|mailto:)[^\s<>"]+$/i;

/** A link target the studio will render as a link; anything else (javascript:, data:, relative) is text. */
export function safeHref(url: string): string | undefined {
  const u = url.trim().replace(/^<|>$/g, "");
  return SAFE_URL.test(u) ? u : undefined;
}

/** Keeps every URL as written; the plugin below decides, so no URL reaches the page unchecked. */
export const keepUrl = (url: string) => url;

const text = (value: string): ElementContent => ({ type: "text", value });

function rewrite(node: Root | Element, inLink: boolean): void {
  const out: RootContent[] = [];
  for (const child of node.children) {
    if (child.type !== "element") {
      out.push(child);
      continue;
    }
    const p = child.properties;
    if (child.tagName === "img") {
      // Never loaded: a safe image is a link to it (text inside a link), anything else its description.
      const alt = typeof p.alt === "string" ? p.alt : "";
      const href = typeof p.src === "string" ? safeHref(p.src) : undefined;
      if (href && !inLink)
        out.push({ type: "element", tagName: "a", properties: { href }, children: [text(alt || href)] });
      else if (alt || href) out.push(text(alt || href!));
      continue;
    }
    if (child.tagName === "a") {
      const href = typeof p.href === "string" ? safeHref(p.href) : undefined;
      rewrite(child, true);
      if (href && !inLink) {
        child.properties = { href };
        out.push(child);
      } else out.push(...child.children); // unsafe target (or a link inside a link): its words only
      continue;
    }
    rewrite(child, inLink);
    out.push(child);
  }
  node.children = out as typeof node.children;
}

/** rehype plugin: the link and image rules above. */
export function rehypeSafeLinks() {
  return (tree: Root) => rewrite(tree, false);
}

/** The code block's language from the `language-*` class the Markdown parser sets. */
export function codeLanguage(className: unknown): string {
  const list = Array.isArray(className) ? className : typeof className === "string" ? className.split(" ") : [];
  const lang = list.map(String).find((c) => c.startsWith("language-"));
  return lang ? lang.slice("language-".length).toLowerCase() : "";
}

/** The text of a tree (a code block's source). */
export function textOf(node: Root | ElementContent): string {
  if (node.type === "text") return node.value;
  return "children" in node ? node.children.map((c) => textOf(c as ElementContent)).join("") : "";
}

const CONTAINER = /^[ \t]{0,3}(?:>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+)/;
/** How deep quotes and lists may nest; the parser's cost grows faster than the depth (and it recurses). */
export const MAX_NESTING = 12;

/**
 * Hostile input guard: a line opening more than MAX_NESTING quotes/lists keeps the first ones and shows
 * the rest as text (an escaped marker), so `>>>>…` × 5000 renders in a blink instead of overflowing the stack.
 */
export function boundNesting(text: string): string {
  if (text.length < MAX_NESTING * 2) return text;
  return text
    .split("\n")
    .map((line) => {
      let at = 0;
      for (let depth = 0; ; depth++) {
        const m = CONTAINER.exec(line.slice(at));
        if (!m) return line;
        if (depth === MAX_NESTING) {
          const marker = at + m[0].search(/[>*+\-.)]/);
          return line.slice(0, marker) + "\\" + line.slice(marker);
        }
        at += m[0].length;
      }
    })
    .join("\n");
}
