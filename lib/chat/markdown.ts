// A small Markdown reader for model answers: CommonMark's everyday blocks (paragraphs, headings, fenced
// code, quotes, nested lists, rules) plus GFM tables and strikethrough. It produces a plain tree that a
// React component renders as elements — raw HTML in the answer stays text, links are kept only for
// http(s)/mailto, and images become links (an answer must not make the browser load anything).

export type Inline =
  | { t: "text"; v: string }
  | { t: "code"; v: string }
  | { t: "strong" | "em" | "del"; c: Inline[] }
  | { t: "link"; href: string; c: Inline[] }
  | { t: "br" };

export type Align = "left" | "center" | "right" | null;

export type Block =
  | { t: "p"; c: Inline[] }
  | { t: "h"; level: number; c: Inline[] }
  /** `open`: the closing fence has not arrived (yet, while streaming). */
  | { t: "code"; lang: string; v: string; open: boolean }
  | { t: "quote"; c: Block[] }
  | { t: "list"; ordered: boolean; start: number; items: Block[][] }
  | { t: "table"; align: Align[]; head: Inline[][]; rows: Inline[][][] }
  | { t: "hr" };

const FENCE = /^( {0,3})(`{3,}|~{3,})\s*([^`\s]*)[^`]*$/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const HR = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const QUOTE = /^ {0,3}> ?(.*)$/;
const LIST_ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])([ \t]+(.*))?$/;
const TABLE_DELIM = /^ *\|? *:?-+:? *(\| *:?-+:? *)*\|? *$/;
const MAX_DEPTH = 12;

export function parseMarkdown(text: string): Block[] {
  return blocks(text.replace(/\r\n?/g, "\n").split("\n"), 0);
}

function blocks(lines: string[], depth: number): Block[] {
  const out: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const [, indent, marks, lang] = fence;
      const body: string[] = [];
      let closed = false;
      for (i++; i < lines.length; i++) {
        const l = lines[i];
        if (
          l.trimStart().startsWith(marks[0].repeat(marks.length)) &&
          !l
            .trim()
            .replace(new RegExp(`^\\${marks[0]}+`), "")
            .trim()
        ) {
          closed = true;
          i++;
          break;
        }
        body.push(indent && l.startsWith(indent) ? l.slice(indent.length) : l);
      }
      out.push({ t: "code", lang: lang.toLowerCase(), v: body.join("\n"), open: !closed });
      continue;
    }
    const h = HEADING.exec(line);
    if (h) {
      out.push({ t: "h", level: h[1].length, c: inline(h[2] ?? "") });
      i++;
      continue;
    }
    if (HR.test(line)) {
      out.push({ t: "hr" });
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const inner: string[] = [];
      while (i < lines.length && lines[i].trim() && (QUOTE.test(lines[i]) || !startsBlock(lines[i]))) {
        const q = QUOTE.exec(lines[i]);
        inner.push(q ? q[1] : lines[i]);
        i++;
      }
      out.push({
        t: "quote",
        c: depth < MAX_DEPTH ? blocks(inner, depth + 1) : [{ t: "p", c: inline(inner.join("\n")) }],
      });
      continue;
    }
    const li = LIST_ITEM.exec(line);
    if (li) {
      const [list, next] = readList(lines, i, depth);
      out.push(list);
      i = next;
      continue;
    }
    if (line.includes("|") && i + 1 < lines.length && TABLE_DELIM.test(lines[i + 1]) && lines[i + 1].includes("-")) {
      const head = cells(line);
      const align = cells(lines[i + 1]).map((c): Align =>
        c.startsWith(":") && c.endsWith(":") ? "center" : c.endsWith(":") ? "right" : c.startsWith(":") ? "left" : null,
      );
      const rows: Inline[][][] = [];
      for (i += 2; i < lines.length && lines[i].trim() && lines[i].includes("|"); i++)
        rows.push(cells(lines[i]).slice(0, head.length).map(inline));
      out.push({ t: "table", align: head.map((_, k) => align[k] ?? null), head: head.map(inline), rows });
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && lines[i].trim() && (para.length === 0 || !startsBlock(lines[i]))) para.push(lines[i++]);
    out.push({ t: "p", c: inline(para.map((l) => l.trim()).join("\n")) });
  }
  return out;
}

/** Lines that end a paragraph (CommonMark: an ordered list interrupts only when it starts at 1). */
function startsBlock(line: string): boolean {
  if (FENCE.test(line) || HEADING.test(line) || HR.test(line) || QUOTE.test(line)) return true;
  const li = LIST_ITEM.exec(line);
  return !!li && !!li[4]?.trim() && (/^[-*+]$/.test(li[2]) || /^1[.)]$/.test(li[2]));
}

function readList(lines: string[], start: number, depth: number): [Block, number] {
  const first = LIST_ITEM.exec(lines[start])!;
  const ordered = /\d/.test(first[2]);
  const items: Block[][] = [];
  let i = start;
  while (i < lines.length) {
    const m = LIST_ITEM.exec(lines[i]);
    if (!m || /\d/.test(m[2]) !== ordered) break;
    const contentIndent =
      m[1].length + m[2].length + Math.min(4, Math.max(1, (m[3] ?? " ").length - (m[4] ?? "").length));
    const body: string[] = [m[4] ?? ""];
    i++;
    while (i < lines.length) {
      const l = lines[i];
      const indent = l.length - l.trimStart().length;
      if (!l.trim()) {
        // A blank line continues the item only if indented content follows.
        const nextNonBlank = lines.slice(i).find((x) => x.trim());
        if (nextNonBlank === undefined || nextNonBlank.length - nextNonBlank.trimStart().length < contentIndent) break;
        body.push("");
      } else if (indent >= contentIndent) body.push(l.slice(Math.min(contentIndent, indent)));
      else if (LIST_ITEM.test(l) || startsBlock(l)) break;
      else body.push(l.trim()); // lazy continuation of the item's paragraph
      i++;
    }
    while (
      i < lines.length &&
      !lines[i].trim() &&
      lines.slice(i).find((x) => x.trim()) &&
      LIST_ITEM.test(lines.slice(i).find((x) => x.trim())!)
    )
      i++;
    items.push(depth < MAX_DEPTH ? blocks(body, depth + 1) : [{ t: "p", c: inline(body.join("\n")) }]);
  }
  return [{ t: "list", ordered, start: ordered ? parseInt(first[2], 10) : 1, items }, i];
}

function cells(row: string): string[] {
  let s = row.trim();
  if (s.startsWith("|")) s = s.slice(1);
  if (s.endsWith("|") && !s.endsWith("\\|")) s = s.slice(0, -1);
  const out: string[] = [];
  let cur = "";
  let code = false;
  for (let k = 0; k < s.length; k++) {
    const ch = s[k];
    if (ch === "\\" && s[k + 1] === "|") {
      cur += "|";
      k++;
    } else if (ch === "`") {
      code = !code;
      cur += ch;
    } else if (ch === "|" && !code) {
      out.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  out.push(cur.trim());
  return out;
}

const SAFE_URL = /^(https?:\/\/|mailto:)[^\s<>"]+$/i;
const AUTOLINK = /^https?:\/\/[^\s<>"'）)\]】，。]+[^\s<>"'）)\]】，。.,;:!?]/i;
const ESCAPABLE = /[\\`*_{}[\]()#+\-.!|~<>]/;

/** A link target the studio will render as a link; anything else (javascript:, data:, relative) is text. */
export function safeHref(url: string): string | undefined {
  const u = url.trim().replace(/^<|>$/g, "");
  return SAFE_URL.test(u) ? u : undefined;
}

export function inline(src: string, depth = 0): Inline[] {
  const out: Inline[] = [];
  let text = "";
  const flush = () => {
    if (text) out.push({ t: "text", v: text });
    text = "";
  };
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === "\\" && i + 1 < src.length) {
      if (src[i + 1] === "\n") {
        flush();
        out.push({ t: "br" });
        i += 2;
        continue;
      }
      if (ESCAPABLE.test(src[i + 1])) {
        text += src[i + 1];
        i += 2;
        continue;
      }
    }
    if (ch === "\n") {
      flush();
      out.push({ t: "br" });
      i++;
      continue;
    }
    if (ch === "`") {
      const run = /^`+/.exec(src.slice(i))![0];
      const close = src.indexOf(run, i + run.length);
      if (close !== -1) {
        flush();
        const v = src.slice(i + run.length, close).replace(/\n/g, " ");
        out.push({ t: "code", v: v.length > 2 && v.startsWith(" ") && v.endsWith(" ") ? v.slice(1, -1) : v });
        i = close + run.length;
        continue;
      }
      text += run;
      i += run.length;
      continue;
    }
    if (depth < MAX_DEPTH && (ch === "*" || ch === "_" || ch === "~")) {
      const span = emphasis(src, i, depth);
      if (span) {
        flush();
        out.push(span.node);
        i = span.end;
        continue;
      }
    }
    if (ch === "[" || (ch === "!" && src[i + 1] === "[")) {
      const link = linkAt(src, ch === "!" ? i + 1 : i, depth);
      if (link) {
        flush();
        out.push(link.node);
        i = link.end;
        continue;
      }
    }
    if ((ch === "h" || ch === "H") && (i === 0 || /[\s(（:：]/.test(src[i - 1]))) {
      const m = AUTOLINK.exec(src.slice(i));
      if (m) {
        flush();
        out.push({ t: "link", href: m[0], c: [{ t: "text", v: m[0] }] });
        i += m[0].length;
        continue;
      }
    }
    text += ch;
    i++;
  }
  flush();
  return out;
}

function emphasis(src: string, i: number, depth: number): { node: Inline; end: number } | undefined {
  const ch = src[i];
  const double = src[i + 1] === ch;
  if (ch === "~" && !double) return undefined;
  const marker = double ? ch + ch : ch;
  const after = src[i + marker.length];
  if (!after || /\s/.test(after)) return undefined;
  // `_` inside a word (snake_case) is not emphasis.
  if (ch === "_" && i > 0 && /[\p{L}\p{N}]/u.test(src[i - 1])) return undefined;
  let from = i + marker.length + 1;
  for (;;) {
    const close = src.indexOf(marker, from);
    if (close === -1) return undefined;
    const before = src[close - 1];
    const next = src[close + marker.length];
    const tripleEdge = !double && next === ch; // `*a **b***`: skip into the strong closer
    if (before && !/\s/.test(before) && !tripleEdge && !(ch === "_" && next && /[\p{L}\p{N}]/u.test(next))) {
      const c = inline(src.slice(i + marker.length, close), depth + 1);
      return { node: { t: ch === "~" ? "del" : double ? "strong" : "em", c }, end: close + marker.length };
    }
    from = close + 1;
  }
}

function linkAt(src: string, i: number, depth: number): { node: Inline; end: number } | undefined {
  const image = i > 0 && src[i - 1] === "!";
  let level = 0;
  let j = i;
  for (; j < src.length; j++) {
    if (src[j] === "\\") j++;
    else if (src[j] === "[") level++;
    else if (src[j] === "]" && --level === 0) break;
  }
  if (j >= src.length || src[j + 1] !== "(") return undefined;
  const close = src.indexOf(")", j + 2);
  if (close === -1) return undefined;
  const target =
    src
      .slice(j + 2, close)
      .trim()
      .split(/\s+/)[0] ?? "";
  const label = src.slice(i + 1, j);
  const href = safeHref(target);
  const c = inline(label || target, depth + 1);
  const node: Inline = href
    ? { t: "link", href, c: image ? [{ t: "text", v: label || href }] : c }
    : { t: "text", v: label || target };
  return { node, end: close + 1 };
}
