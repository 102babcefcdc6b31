/**
 * The raw SQL of the studio is written once, SQLite-style, with `?` placeholders; PostgreSQL numbers them
 * ($1, $2, …). `numberedParams` rewrites every `?` outside a quoted string or identifier, in order.
 */
export function numberedParams(sql: string): string {
  let out = "";
  let n = 0;
  let quote: "'" | '"' | undefined;
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = undefined;
      out += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else if (ch === "?") out += `$${++n}`;
    else out += ch;
  }
  return out;
}
