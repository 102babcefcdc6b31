import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { SourceMapConsumer } from "source-map-js";

/**
 * Which source files make up the browser chunks of a build (a tool for `bench:pages` follow-ups):
 *   ANALYZE=1 NEXT_DIST_DIR=.next-analyze npx next build
 *   npx tsx scripts/chunk-sources.ts .next-analyze [chunk.js …]
 * Prints, per chunk (all chunks when none is named), its size and the sources that contribute most of its
 * minified bytes, grouped by package (node_modules/<pkg>) or by app file.
 */
const dir = path.resolve(process.argv[2] ?? ".next-analyze", "static/chunks");
const only = process.argv.slice(3);
const files = (only.length ? only : readdirSync(dir).filter((f) => f.endsWith(".js"))).map((f) => path.basename(f));

function group(source: string): string {
  if (process.env.FILES) return source.replace(/^.*node_modules\//, "");
  const nm = source.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = source.slice(nm + "node_modules/".length).split("/");
    return rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  return source.replace(/^.*?\[project\]\//, "").replace(/^turbopack:\/\/\//, "");
}

for (const f of files) {
  const js = path.join(dir, f);
  const code = readFileSync(js, "utf8");
  const named = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(code)?.[1];
  const map = path.join(dir, named ?? `${f}.map`);
  if (!existsSync(map)) continue;
  const lines = code.split("\n");
  const consumer = new SourceMapConsumer(JSON.parse(readFileSync(map, "utf8")));
  const bytes = new Map<string, number>();
  let prev: { line: number; col: number; src: string } | null = null;
  const add = (src: string, n: number) => bytes.set(src, (bytes.get(src) ?? 0) + n);
  consumer.eachMapping((m) => {
    if (prev && prev.line === m.generatedLine) add(prev.src, m.generatedColumn - prev.col);
    else if (prev) add(prev.src, (lines[prev.line - 1]?.length ?? 0) - prev.col);
    prev = { line: m.generatedLine, col: m.generatedColumn, src: m.source ? group(m.source) : "(none)" };
  });
  if (prev) {
    const p = prev as { line: number; col: number; src: string };
    add(p.src, (lines[p.line - 1]?.length ?? 0) - p.col);
  }
  const top = [...bytes].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 12));
  console.log(`== ${f} ${(code.length / 1000).toFixed(1)} kB`);
  for (const [src, n] of top) console.log(`   ${(n / 1000).toFixed(1).padStart(6)} kB  ${src}`);
}
