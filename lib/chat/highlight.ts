// A tiny syntax highlighter for code in answers: comments, strings, numbers, keywords and literals for the
// languages models write most. It only splits text into classed tokens; joining them gives the code back.

export type TokenKind = "plain" | "comment" | "string" | "number" | "keyword" | "literal" | "key";
export interface Token {
  k: TokenKind;
  v: string;
}

interface Grammar {
  comment: RegExp[];
  string: RegExp[];
  keywords: Set<string>;
  literals: Set<string>;
  caseInsensitive?: boolean;
}

const words = (s: string) => new Set(s.split(" "));
const C_COMMENTS = [/\/\/[^\n]*/y, /\/\*[\s\S]*?(?:\*\/|$)/y];
const HASH_COMMENT = [/#[^\n]*/y];
const QUOTES = [/"(?:\\.|[^"\\\n])*"?/y, /'(?:\\.|[^'\\\n])*'?/y];

const JS: Grammar = {
  comment: C_COMMENTS,
  string: [...QUOTES, /`(?:\\.|[^`\\])*`?/y],
  keywords: words(
    "async await break case catch class const continue default delete do else export extends finally for from function if import in instanceof interface let new of return static super switch this throw try type typeof var void while yield enum implements private protected public readonly as",
  ),
  literals: words("true false null undefined NaN Infinity"),
};
const GRAMMARS: Record<string, Grammar> = {
  js: JS,
  python: {
    comment: HASH_COMMENT,
    string: [
      /"""[\s\S]*?(?:"""|$)/y,
      /'''[\s\S]*?(?:'''|$)/y,
      /[rbfu]{0,2}"(?:\\.|[^"\\\n])*"?/iy,
      /[rbfu]{0,2}'(?:\\.|[^'\\\n])*'?/iy,
    ],
    keywords: words(
      "and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield match case print self",
    ),
    literals: words("True False None"),
  },
  shell: {
    comment: HASH_COMMENT,
    string: QUOTES,
    keywords: words(
      "if then else elif fi for in do done while until case esac function return export local echo cd sudo curl npm npx git cat grep set",
    ),
    literals: words("true false"),
  },
  json: { comment: [], string: [/"(?:\\.|[^"\\\n])*"?/y], keywords: new Set(), literals: words("true false null") },
  c: {
    comment: C_COMMENTS,
    string: QUOTES,
    keywords: words(
      "auto break case char class const continue default do double else enum extern float for fn func go goto if impl import int let long match mod mut namespace new package private protected pub public return short signed sizeof static struct switch template this throw try typedef union unsigned use using var void volatile while defer chan map select interface type string bool",
    ),
    literals: words("true false null nullptr nil None Some Ok Err self"),
  },
  sql: {
    comment: [/--[^\n]*/y, /\/\*[\s\S]*?(?:\*\/|$)/y],
    string: [/'(?:''|[^'])*'?/y, /"(?:[^"])*"?/y],
    keywords: words(
      "select from where and or not insert into values update set delete create table index drop alter join left right inner outer on group by order having limit offset as distinct union all case when then else end primary key foreign references default exists in is like between",
    ),
    literals: words("null true false"),
    caseInsensitive: true,
  },
  css: { comment: [/\/\*[\s\S]*?(?:\*\/|$)/y], string: QUOTES, keywords: new Set(), literals: new Set() },
};
const ALIASES: Record<string, string> = {
  javascript: "js",
  jsx: "js",
  ts: "js",
  typescript: "js",
  tsx: "js",
  mjs: "js",
  cjs: "js",
  py: "python",
  python3: "python",
  sh: "shell",
  bash: "shell",
  zsh: "shell",
  console: "shell",
  shell: "shell",
  json: "json",
  jsonc: "js",
  json5: "js",
  c: "c",
  h: "c",
  cpp: "c",
  "c++": "c",
  cc: "c",
  java: "c",
  cs: "c",
  csharp: "c",
  go: "c",
  golang: "c",
  rust: "c",
  rs: "c",
  kotlin: "c",
  swift: "c",
  php: "c",
  sql: "sql",
  mysql: "sql",
  postgresql: "sql",
  sqlite: "sql",
  css: "css",
  scss: "css",
  less: "css",
};

const NUMBER = /-?(?:0x[\da-f]+|\d[\d_]*(?:\.\d+)?(?:e[+-]?\d+)?)\b/iy;
const WORD = /[A-Za-z_$][\w$]*/y;
const MAX_CHARS = 50_000;

export function languageOf(lang: string): string | undefined {
  const l = lang.toLowerCase();
  return ALIASES[l] ?? (l in GRAMMARS ? l : undefined);
}

export function highlight(code: string, lang: string): Token[] {
  const g = GRAMMARS[languageOf(lang) ?? ""];
  if (!g || code.length > MAX_CHARS) return [{ k: "plain", v: code }];
  const out: Token[] = [];
  let plain = "";
  const push = (k: TokenKind, v: string) => {
    if (plain) out.push({ k: "plain", v: plain });
    plain = "";
    out.push({ k, v });
  };
  const at = (re: RegExp, i: number) => {
    re.lastIndex = i;
    const m = re.exec(code);
    return m && m[0].length ? m[0] : undefined;
  };
  let i = 0;
  outer: while (i < code.length) {
    for (const re of g.comment) {
      const m = at(re, i);
      if (m) {
        push("comment", m);
        i += m.length;
        continue outer;
      }
    }
    for (const re of g.string) {
      const m = at(re, i);
      if (m) {
        // A JSON string followed by a colon is a key.
        push(g === GRAMMARS.json && /^\s*:/.test(code.slice(i + m.length, i + m.length + 8)) ? "key" : "string", m);
        i += m.length;
        continue outer;
      }
    }
    const prev = code[i - 1];
    if (!prev || !/[\w$]/.test(prev)) {
      const n = at(NUMBER, i);
      // A minus sign belongs to the number only after an operator or opening bracket.
      if (n && (/\d/.test(code[i]) || /[\s(,=[:]/.test(prev ?? " "))) {
        push("number", n);
        i += n.length;
        continue;
      }
      const w = at(WORD, i);
      if (w) {
        const key = g.caseInsensitive ? w.toLowerCase() : w;
        if (g.keywords.has(key)) push("keyword", w);
        else if (g.literals.has(key)) push("literal", w);
        else plain += w;
        i += w.length;
        continue;
      }
    }
    plain += code[i++];
  }
  if (plain) out.push({ k: "plain", v: plain });
  return out;
}
