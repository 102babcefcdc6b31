import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { LOCALES, localeFromAcceptLanguage } from "@/lib/i18n/locales";
import { createTranslator } from "use-intl/core";
import { deepMerge, getMessages, sourceMessages } from "@/lib/i18n/messages";
import { MESSAGE_FILES } from "@/messages";

// Reads messages/<locale>/*.json from disk, so a namespace file added by anyone is covered
// without touching this test.
const ROOT = path.resolve(import.meta.dirname, "../../messages");
type Tree = { [key: string]: unknown };

function namespaceFiles(locale: string): string[] {
  return readdirSync(path.join(ROOT, locale))
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -".json".length))
    .sort();
}

function load(locale: string, ns: string): Tree {
  return JSON.parse(readFileSync(path.join(ROOT, locale, `${ns}.json`), "utf8")) as Tree;
}

/** Every leaf as "a.b.c" → value. */
function leaves(tree: Tree, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const at = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      for (const [k, v] of leaves(value as Tree, at)) out.set(k, v);
    } else out.set(at, value);
  }
  return out;
}

/** Names of the ICU arguments a message uses ({name}, {count, plural, …}), including nested ones. */
function icuArguments(message: string): string[] {
  const names = new Set<string>();
  let i = 0;
  const skipSpace = () => {
    while (/\s/.test(message[i] ?? "")) i++;
  };
  const word = () => {
    const start = i;
    while (/[\w=]/.test(message[i] ?? "")) i++;
    return message.slice(start, i);
  };
  // Reads literal text and arguments until the "}" that closes the current level (or the end).
  const body = (): void => {
    while (i < message.length && message[i] !== "}") {
      if (message[i] === "{") {
        i++;
        argument();
      } else i++;
    }
  };
  const argument = (): void => {
    skipSpace();
    const name = word();
    if (name) names.add(name);
    skipSpace();
    if (message[i] === ",") {
      i++;
      skipSpace();
      const type = word();
      if (["plural", "select", "selectordinal"].includes(type)) {
        // Options: selector {sub-message} … until the argument's closing brace.
        while (i < message.length && message[i] !== "}") {
          if (message[i] === "{") {
            i++;
            body();
          }
          i++;
        }
      } else {
        while (i < message.length && message[i] !== "}") i++; // number/date/time style
      }
    }
    i++; // the argument's "}"
  };
  body();
  return [...names].sort();
}

describe("message files", () => {
  const zhFiles = namespaceFiles("zh");

  it("exist as the same set of namespace files in every locale", () => {
    expect(zhFiles.length).toBeGreaterThan(0);
    for (const locale of LOCALES) expect(namespaceFiles(locale), locale).toEqual(zhFiles);
  });

  it("are all registered in messages/index.ts under their own name", () => {
    for (const locale of LOCALES) expect(Object.keys(MESSAGE_FILES[locale]).sort(), locale).toEqual(zhFiles);
  });

  describe.each(zhFiles)("%s.json", (ns) => {
    it("holds exactly one namespace, named after the file", () => {
      for (const locale of LOCALES) expect(Object.keys(load(locale, ns)), `${locale}/${ns}.json`).toEqual([ns]);
    });

    it("has exactly the same keys in every locale (English is complete)", () => {
      const zh = [...leaves(load("zh", ns)).keys()].sort();
      for (const locale of LOCALES)
        expect([...leaves(load(locale, ns)).keys()].sort(), `${locale}/${ns}.json`).toEqual(zh);
    });

    it("has non-empty text with the same ICU arguments in every locale", () => {
      const zh = leaves(load("zh", ns));
      for (const locale of LOCALES) {
        for (const [key, value] of leaves(load(locale, ns))) {
          expect(typeof value === "string" && value.trim().length > 0, `${locale} ${key} must be non-empty text`).toBe(
            true,
          );
          expect(icuArguments(String(value)), `${locale} ${key}`).toEqual(icuArguments(String(zh.get(key))));
        }
      }
    });

    it("parses as ICU in every locale (a stray <tag> or brace shows the raw key to people)", () => {
      for (const locale of LOCALES) {
        for (const [key, value] of leaves(load(locale, ns))) {
          expect(
            () => new IntlMessageFormat(String(value), locale),
            `${locale} ${key}: ${String(value)}`,
          ).not.toThrow();
        }
      }
    });
  });
});

describe("getMessages", () => {
  it("merges every namespace file of the locale", () => {
    for (const locale of LOCALES) {
      const merged = sourceMessages(locale) as Tree;
      expect(Object.keys(merged).sort()).toEqual(namespaceFiles(locale));
      for (const ns of namespaceFiles(locale)) expect(merged[ns]).toEqual(load(locale, ns)[ns]);
      expect(Object.keys(getMessages(locale)).sort()).toEqual(namespaceFiles(locale));
    }
  });

  it("compiles to plain data that a server component may hand to the client provider", () => {
    const walk = (v: unknown, at: string) => {
      if (typeof v !== "object" || v === null) return;
      const proto = Object.getPrototypeOf(v);
      expect(proto === Object.prototype || proto === Array.prototype, `${at} is a plain object or array`).toBe(true);
      for (const [k, child] of Object.entries(v)) walk(child, `${at}.${k}`);
    };
    for (const locale of LOCALES) walk(getMessages(locale), locale);
  });

  it("compiled messages say exactly what the ICU source says (the browser formats the compiled form)", () => {
    // Every argument gets 2: a plural picks "other" (or =2), a select "other", a date/time formats 2 ms after the
    // epoch, a plain argument prints "2" — in both the full ICU formatter and the compiled one.
    for (const locale of LOCALES) {
      const t = createTranslator({ locale, messages: getMessages(locale), timeZone: "UTC" });
      for (const [key, source] of leaves(sourceMessages(locale) as Tree)) {
        const values = Object.fromEntries(icuArguments(String(source)).map((a) => [a, 2]));
        const expected = new IntlMessageFormat(String(source), locale, undefined, {
          formatters: undefined,
        }).format(values);
        const got = (t as unknown as (k: string, v: object) => string)(key, values);
        expect(got, `${locale} ${key}`).toBe(expected);
      }
    }
  });

  it("deep-merges two files that add to the same namespace", () => {
    expect(deepMerge({ a: { x: "1", y: { z: "2" } } }, { a: { y: { w: "3" } } })).toEqual({
      a: { x: "1", y: { z: "2", w: "3" } },
    });
  });
});

describe("icuArguments (the checker itself)", () => {
  it("finds simple, formatted and plural arguments but not plural bodies", () => {
    expect(
      icuArguments("{name} made {count, plural, one {# video} other {# videos by {who}}} at {when, time, short}"),
    ).toEqual(["count", "name", "when", "who"]);
    expect(icuArguments("no arguments")).toEqual([]);
  });
});

describe("localeFromAcceptLanguage", () => {
  it("honours q-weights and falls back to undefined", () => {
    expect(localeFromAcceptLanguage("en-US,en;q=0.9,zh-CN;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage("fr-FR,zh-TW;q=0.5,en;q=0.4")).toBe("zh");
    expect(localeFromAcceptLanguage("en;q=0.2, zh-CN")).toBe("zh");
    expect(localeFromAcceptLanguage("fr, de")).toBeUndefined();
    expect(localeFromAcceptLanguage(undefined)).toBeUndefined();
  });
});
