import "server-only";
import { MESSAGE_FILES, type Messages } from "@/messages";
import type { Locale } from "./locales";

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

const cache = new Map<Locale, Messages>();

/** Every namespace file of a locale, merged into one tree. */
export function getMessages(locale: Locale): Messages {
  let messages = cache.get(locale);
  if (!messages) {
    const files = Object.values(MESSAGE_FILES[locale]) as Tree[];
    messages = files.reduce<Tree>((acc, file) => deepMerge(acc, file), {}) as Messages;
    cache.set(locale, messages);
  }
  return messages;
}
