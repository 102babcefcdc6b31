import { createHash } from "node:crypto";

/**
 * A stable shuffle of 0..n-1 for one key (experiment, person, row): the same order on every load, independent
 * orders across rows and people. Fisher–Yates driven by SHA-256 of the key (a new block per 8 draws).
 */
export function blindOrder(n: number, key: string): number[] {
  let block = 0;
  let bytes = createHash("sha256").update(`${key}#0`).digest();
  let at = 0;
  const next = () => {
    if (at + 4 > bytes.length) {
      bytes = createHash("sha256").update(`${key}#${++block}`).digest();
      at = 0;
    }
    const v = bytes.readUInt32BE(at);
    at += 4;
    return v / 2 ** 32;
  };
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}
