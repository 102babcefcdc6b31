import "server-only";
import compile from "icu-minify/compile";
import { MESSAGE_FILES, type Messages } from "@/messages";
import type { Locale } from "./locales";

// Messages are written in ICU (messages/<locale>/*.json) and compiled once per process into icu-minify's
// compact form. The studio's bundles format them with use-intl's format-only runtime (next.config.ts and
// vitest.config.ts alias `use-intl/format-message` to it), so no browser downloads an ICU parser.

type Tree = { [key: string]: unknown };

function isTree(value: unknown): value is Tree {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Merge b into a recursively; two files may add keys to the same namespace. */
export function deepMerge(a: Tree, b: Tree): Tree {
  const out: Tree = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const prev = out[key];
    out[key] = isTree(prev) && isTree(value) ? deepMerge(prev, value) : value;
  }
  return out;
}

/**
 * Every ICU string of the tree, compiled; a message that is plain text stays a string. The compiler's plural
 * tables have no prototype, which React will not pass to a client component: the JSON round trip makes plain
 * objects of them (next-intl's loader ships them as JSON too).
 */
export function compileMessages<T>(tree: T): T {
  if (typeof tree === "string") return JSON.parse(JSON.stringify(compile(tree))) as T;
  if (!isTree(tree)) return tree;
  return Object.fromEntries(Object.entries(tree).map(([k, v]) => [k, compileMessages(v)])) as T;
}

/** Every namespace file of a locale, merged into one tree, as written (ICU source text). */
export function sourceMessages(locale: Locale): Messages {
  const files = Object.values(MESSAGE_FILES[locale]) as Tree[];
  return files.reduce<Tree>((acc, file) => deepMerge(acc, file), {}) as Messages;
}

const cache = new Map<Locale, Messages>();

/** The locale's messages, compiled: what translators (server and browser) are given. */
export function getMessages(locale: Locale): Messages {
  let messages = cache.get(locale);
  if (!messages) {
    messages = compileMessages(sourceMessages(locale));
    cache.set(locale, messages);
  }
  return messages;
}
