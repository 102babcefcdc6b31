import { describe, expect, it } from "vitest";
import { highlight } from "@/lib/chat/highlight";
import { inline, parseMarkdown, safeHref, type Block, type Inline } from "@/lib/chat/markdown";

const text = (nodes: Inline[]): string =>
  nodes.map((n) => (n.t === "text" || n.t === "code" ? n.v : n.t === "br" ? "\n" : "c" in n ? text(n.c) : "")).join("");

describe("chat markdown: the blocks models write", () => {
  it("headings, paragraphs, fenced code, quotes and rules", () => {
    const b = parseMarkdown(
      "# Title\n\nSome *text* here\nnext line\n\n```python\nprint('hi')\n```\n\n> quoted\n> more\n\n---",
    );
    expect(b.map((x) => x.t)).toEqual(["h", "p", "code", "quote", "hr"]);
    expect(b[0]).toMatchObject({ t: "h", level: 1 });
    expect(b[2]).toEqual({ t: "code", lang: "python", v: "print('hi')", open: false });
    expect(text((b[1] as Extract<Block, { t: "p" }>).c)).toBe("Some text here\nnext line");
  });

  it("a code fence still streaming is shown as code, marked open", () => {
    const b = parseMarkdown("Here:\n\n```js\nconst a = 1;\nconst b");
    expect(b[1]).toEqual({ t: "code", lang: "js", v: "const a = 1;\nconst b", open: true });
  });

  it("ordered and bullet lists, nested, with the emulator's answer shape", () => {
    const b = parseMarkdown("1. first\n2. second\n   - inner a\n   - inner b\n3. third\n\n- x\n- y");
    expect(b[0]).toMatchObject({ t: "list", ordered: true, start: 1 });
    const items = (b[0] as Extract<Block, { t: "list" }>).items;
    expect(items).toHaveLength(3);
    expect(items[1][1]).toMatchObject({ t: "list", ordered: false });
    expect((items[1][1] as Extract<Block, { t: "list" }>).items).toHaveLength(2);
    expect(b[1]).toMatchObject({ t: "list", ordered: false });
  });

  it("GFM tables with alignment and escaped pipes", () => {
    const b = parseMarkdown("| a | b |\n|:--|--:|\n| 1 | x \\| y |\n| 2 | `c|d` |");
    expect(b[0]).toMatchObject({ t: "table", align: ["left", "right"] });
    const rows = (b[0] as Extract<Block, { t: "table" }>).rows;
    expect(text(rows[0][1])).toBe("x | y");
    expect(text(rows[1][1])).toBe("c|d");
  });

  it("inline: code, strong, em, strikethrough, snake_case stays text", () => {
    expect(inline("**bold** and *it* and ~~gone~~ `x*y`")).toEqual([
      { t: "strong", c: [{ t: "text", v: "bold" }] },
      { t: "text", v: " and " },
      { t: "em", c: [{ t: "text", v: "it" }] },
      { t: "text", v: " and " },
      { t: "del", c: [{ t: "text", v: "gone" }] },
      { t: "text", v: " " },
      { t: "code", v: "x*y" },
    ]);
    expect(inline("use snake_case_names here")).toEqual([{ t: "text", v: "use snake_case_names here" }]);
    expect(inline("2 * 3 * 4")).toEqual([{ t: "text", v: "2 * 3 * 4" }]);
  });
});

describe("chat markdown: nothing from the model runs or loads", () => {
  it("raw HTML stays text", () => {
    const b = parseMarkdown('<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">');
    expect(b).toEqual([
      { t: "p", c: [{ t: "text", v: "<script>alert(1)</script>" }] },
      { t: "p", c: [{ t: "text", v: '<img src=x onerror="alert(1)">' }] },
    ]);
  });

  it("links only for http(s) and mailto; javascript:, data: and relative targets become text", () => {
    expect(inline("[ok](https://example.com/a?b=1)")).toEqual([
      { t: "link", href: "https://example.com/a?b=1", c: [{ t: "text", v: "ok" }] },
    ]);
    expect(inline("[x](javascript:alert(1))")[0]).toEqual({ t: "text", v: "x" });
    expect(inline("[x](data:text/html,<b>hi</b>)")[0]).toEqual({ t: "text", v: "x" });
    expect(inline("[x](/api/v1/assets)")[0]).toEqual({ t: "text", v: "x" });
    expect(safeHref("JAVASCRIPT:alert(1)")).toBeUndefined();
    expect(safeHref("mailto:a@b.c")).toBe("mailto:a@b.c");
  });

  it("images become links (never loaded), bare URLs become links without trailing punctuation", () => {
    expect(inline("![chart](https://tracker.example/pixel.png)")).toEqual([
      { t: "link", href: "https://tracker.example/pixel.png", c: [{ t: "text", v: "chart" }] },
    ]);
    const n = inline("See https://example.com/docs. Then go.");
    expect(n[1]).toEqual({
      t: "link",
      href: "https://example.com/docs",
      c: [{ t: "text", v: "https://example.com/docs" }],
    });
    expect(n[2]).toEqual({ t: "text", v: ". Then go." });
  });

  it("deep nesting is bounded (no stack overflow on hostile input)", () => {
    expect(() => parseMarkdown(">".repeat(5000) + " x")).not.toThrow();
    expect(() => inline("*".repeat(20000) + "x")).not.toThrow();
    expect(() => parseMarkdown("- ".repeat(2000) + "x")).not.toThrow();
  });
});

describe("chat code highlighting", () => {
  it("splits code into classed tokens and joining them gives the code back", () => {
    const code = 'def f(x):\n    # comment\n    return "s" + 42 if x else None';
    const tokens = highlight(code, "python");
    expect(tokens.map((t) => t.v).join("")).toBe(code);
    expect(tokens).toContainEqual({ k: "keyword", v: "def" });
    expect(tokens).toContainEqual({ k: "comment", v: "# comment" });
    expect(tokens).toContainEqual({ k: "string", v: '"s"' });
    expect(tokens).toContainEqual({ k: "number", v: "42" });
    expect(tokens).toContainEqual({ k: "literal", v: "None" });
  });

  it("JSON keys differ from values; unknown languages stay plain", () => {
    const tokens = highlight('{"a": "b", "n": -1.5, "ok": true}', "json");
    expect(tokens).toContainEqual({ k: "key", v: '"a"' });
    expect(tokens).toContainEqual({ k: "string", v: '"b"' });
    expect(tokens).toContainEqual({ k: "number", v: "-1.5" });
    expect(tokens).toContainEqual({ k: "literal", v: "true" });
    expect(highlight("x = 1", "brainfuck")).toEqual([{ k: "plain", v: "x = 1" }]);
  });

  it("an unclosed string or comment (still streaming) does not swallow the rest wrongly", () => {
    const code = 'const s = "abc\nlet y = 2 /* open';
    expect(
      highlight(code, "ts")
        .map((t) => t.v)
        .join(""),
    ).toBe(code);
    expect(highlight(code, "ts")).toContainEqual({ k: "keyword", v: "let" });
  });
});
