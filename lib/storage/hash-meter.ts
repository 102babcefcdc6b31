import { createHash } from "node:crypto";
import { Transform } from "node:stream";

/**
 * A pass-through that counts and hashes the bytes as they stream by, and fails the stream (so the writer leaves
 * nothing behind) past `maxBytes` or, at the end, when the hash is not the one expected.
 */
export function hashMeter(opts: { maxBytes?: number; expectSha256?: string } = {}) {
  const hash = createHash("sha256");
  const result = { size: 0, sha256: "" };
  const maxBytes = opts.maxBytes ?? Infinity;
  const stream = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      result.size += chunk.length;
      if (result.size > maxBytes) return cb(new Error(`File is larger than ${maxBytes} bytes`));
      hash.update(chunk);
      cb(null, chunk);
    },
    flush(cb) {
      result.sha256 = hash.digest("hex");
      if (opts.expectSha256 && result.sha256 !== opts.expectSha256)
        return cb(new Error(`sha256 mismatch: expected ${opts.expectSha256}, read ${result.sha256}`));
      cb();
    },
  });
  return { stream, result };
}
