import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { IntlProvider } from "use-intl";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/chat/markdown";
import { highlightCode } from "@/components/chat/highlight-code";
import { boundNesting, MAX_NESTING, safeHref } from "@/lib/chat/markdown";
import { getMessages } from "@/lib/i18n/messages";

// The chat's Markdown as the page gets it: react-markdown + GFM with the studio's rehype rules, rendered to
// HTML the way the server renders an answer. The safety cases check the markup itself, not a tree.
const messages = getMessages("en");
const html = (text: string) =>
  renderToStaticMarkup(
    // IntlProvider's props type requires children, so they go in the props object.
    // eslint-disable-next-line react/no-children-prop
    createElement(IntlProvider, {
      locale: "en",
      messages,
      timeZone: "UTC",
      children: createElement(Markdown, { text }),
    }),
  );
const doc = (text: string) => {
  const out = html(text);
  return out.replace(/^<div[^>]*>/, "").replace(/<\/div>$/, "");
};

describe("chat markdown: the blocks models write", () => {
  it("headings (one level below the page title), paragraphs, fenced code, quotes and rules", () => {
    const out = html(
      "# Title\n\nSome *text* here\nnext line\n\n```python\nprint('hi')\n```\n\n> quoted\n> more\n\n---",
    );
    expect(out).toContain('<h2 class="leading-snug font-semibold text-fg text-xl">Title</h2>');
    expect(out).toContain("<p>Some <em>text</em> here\nnext line</p>");
    expect(out).toMatch(
      /data-testid="code-block" data-lang="python">.*<code class="hljs">print\(&#x27;hi&#x27;\)<\/code>/s,
    );
    expect(out).toMatch(/<blockquote[^>]*>\s*<p>quoted\nmore<\/p>\s*<\/blockquote>/);
    expect(out).toContain('<hr class="border-border"/>');
  });

  it("a code fence still streaming is shown as code up to the end", () => {
    const out = html("Here:\n\n```js\nconst a = 1;\nconst b");
    expect(out).toMatch(/data-lang="js">.*<code class="hljs">const a = 1;\nconst b<\/code>/s);
    expect(out).toContain("<p>Here:</p>");
    // An answer cut inside emphasis or a link shows its words (the URL so far is a plain link to it).
    expect(doc("some **bold and [a link](https://exa")).toMatch(
      /^<p>some \*\*bold and \[a link\]\(<a href="https:\/\/exa"[^>]*>https:\/\/exa<\/a><\/p>$/,
    );
  });

  it("ordered and bullet lists, nested", () => {
    const out = html("1. first\n2. second\n   - inner a\n   - inner b\n3. third\n\n- x\n- y");
    expect(out).toMatch(/<ol start="1"|<ol class/);
    expect(out.match(/<li/g)).toHaveLength(7);
    expect(out).toMatch(/second\s*<ul[^>]*>\s*<li[^>]*>inner a<\/li>\s*<li[^>]*>inner b<\/li>\s*<\/ul>/);
    expect(out).toMatch(/<\/ol>\s*<ul[^>]*>\s*<li[^>]*>x<\/li>/);
  });

  it("GFM tables with alignment and escaped pipes; strikethrough; snake_case stays text", () => {
    const out = html("| a | b |\n|:--|--:|\n| 1 | x \\| y |\n| 2 | `c\\|d` |");
    expect(out).toMatch(/<th[^>]*style="text-align:left">a<\/th>/);
    expect(out).toMatch(/<td[^>]*style="text-align:right">x \| y<\/td>/);
    expect(out).toMatch(/<code[^>]*>c\|d<\/code>/);
    expect(doc("**bold** and *it* and ~~gone~~ `x*y`")).toMatch(
      /^<p><strong[^>]*>bold<\/strong> and <em>it<\/em> and <del>gone<\/del> <code[^>]*>x\*y<\/code><\/p>$/,
    );
    expect(doc("use snake_case_names here")).toBe("<p>use snake_case_names here</p>");
    expect(doc("2 * 3 * 4")).toBe("<p>2 * 3 * 4</p>");
  });
});

describe("chat markdown: nothing from the model runs or loads", () => {
  it("raw HTML stays text", () => {
    const out = doc('<script>alert(1)</script>\n\nhi <b onclick="x()">there</b>\n\n<img src=x onerror="alert(1)">');
    expect(out).not.toMatch(/<script|<b |<img/);
    expect(out).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(out).toContain("<p>hi &lt;b onclick=&quot;x()&quot;&gt;there&lt;/b&gt;</p>");
    expect(out).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });

  it("links only for http(s) and mailto, in a new tab without access to the studio", () => {
    expect(doc("[ok](https://example.com/a?b=1)")).toBe(
      '<p><a href="https://example.com/a?b=1" target="_blank" rel="noopener noreferrer nofollow" class="text-accent-text underline underline-offset-2 hover:no-underline">ok</a></p>',
    );
    expect(doc("[x](javascript:alert(1))")).toBe("<p>x</p>");
    expect(doc("[x](JAVASCRIPT:alert(1))")).toBe("<p>x</p>");
    expect(doc("[x](data:text/html,hi)")).toBe("<p>x</p>");
    expect(doc("[x](/api/v1/assets)")).toBe("<p>x</p>");
    expect(doc("[x][r]\n\n[r]: vbscript:msgbox")).toBe("<p>x</p>");
    expect(doc("<javascript:alert(1)>")).not.toContain("<a");
    expect(doc("[mail](mailto:a@b.c)")).toContain('href="mailto:a@b.c"');
    expect(safeHref("JAVASCRIPT:alert(1)")).toBeUndefined();
    expect(safeHref("mailto:a@b.c")).toBe("mailto:a@b.c");
  });

  it("images become links (never loaded); bare URLs become links without trailing punctuation", () => {
    const img = doc("![chart](https://tracker.example/pixel.png)");
    expect(img).not.toContain("<img");
    expect(img).toMatch(
      /^<p><a href="https:\/\/tracker.example\/pixel.png" target="_blank" rel="noopener[^"]*"[^>]*>chart<\/a><\/p>$/,
    );
    expect(doc("![](javascript:alert(1))")).toBe("<p></p>");
    expect(doc("![x](data:image/png;base64,AAAA)")).toBe("<p>x</p>");
    // An image inside a link: its words inside the one link, no link in a link.
    const nested = doc("[![logo](https://a.example/l.png)](https://b.example)");
    expect(nested).not.toContain("<img");
    expect(nested.match(/<a /g)).toHaveLength(1);
    expect(nested).toContain('href="https://b.example"');
    expect(nested).toContain(">logo</a>");
    const bare = doc("See https://example.com/docs. Then go.");
    expect(bare).toMatch(
      /^<p>See <a href="https:\/\/example.com\/docs"[^>]*>https:\/\/example.com\/docs<\/a>. Then go.<\/p>$/,
    );
  });

  it("deep nesting is bounded (no stack overflow, no stall on hostile input)", () => {
    const t0 = performance.now();
    const quotes = html(">".repeat(5000) + " x");
    expect(quotes.match(/<blockquote/g)).toHaveLength(MAX_NESTING);
    expect(quotes).toContain("&gt;".repeat(100)); // the rest stays text
    expect(html("- ".repeat(2000) + "x").match(/<ul/g)).toHaveLength(MAX_NESTING);
    expect(() => html("*".repeat(20000) + "x")).not.toThrow();
    expect(() => html("[".repeat(20000) + "x")).not.toThrow();
    expect(performance.now() - t0).toBeLessThan(5000);
    // Ordinary nesting is untouched.
    expect(boundNesting("> > quoted\n1. a\n   - b")).toBe("> > quoted\n1. a\n   - b");
  });
});

describe("chat code highlighting (lowlight, loaded on demand)", () => {
  const spans = (code: string, lang: string) =>
    renderToStaticMarkup(createElement("code", null, highlightCode(code, lang) as never));

  it("colours keywords, comments, strings, numbers and literals; the text is the code", () => {
    const code = 'def f(x):\n    # comment\n    return "s" + 42 if x else None';
    const out = spans(code, "python");
    expect(out).toContain('<span class="hljs-keyword">def</span>');
    expect(out).toContain('<span class="hljs-comment"># comment</span>');
    expect(out).toContain('<span class="hljs-string">&quot;s&quot;</span>');
    expect(out).toContain('<span class="hljs-number">42</span>');
    expect(out).toContain('<span class="hljs-literal">None</span>');
    expect(out.replace(/<[^>]+>/g, "").replace(/&quot;/g, '"')).toBe(code);
  });

  it("aliases (sh, py) work; unknown languages stay plain; code never becomes markup", () => {
    expect(spans("echo hi", "sh")).toContain("hljs-built_in");
    expect(highlightCode("x = 1", "brainfuck")).toBeUndefined();
    expect(highlightCode("x = 1", "")).toBeUndefined();
    expect(spans('const s = "<img src=x onerror=alert(1)>"', "js")).toContain("&lt;img src=x");
  });

  it("code cut off while streaming (an open comment) keeps its text and the tokens before it", () => {
    const code = 'const s = "abc";\nlet y = 2 /* open';
    const out = spans(code, "ts");
    expect(out.replace(/<[^>]+>/g, "").replace(/&quot;/g, '"')).toBe(code);
    expect(out).toContain('<span class="hljs-keyword">let</span>');
    expect(out).toContain('<span class="hljs-comment">/* open</span>');
  });
});
