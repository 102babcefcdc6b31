import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { parseStorageUrl } from "../lib/config/storage-url";
import { S3Storage } from "../lib/storage/s3";

// Streams a large file (default 2048 MB, `-- --mb N`) into an S3-compatible store (s3rver in its own process) the
// way the archiver does, sampling this process's memory: the number at the end is the peak RSS above the start.
//   npm run bench:storage [-- --mb 2048]

const mb = Number(process.argv[process.argv.indexOf("--mb") + 1]) || 2048;

async function startServer(dir: string): Promise<{ endpoint: string; stop: () => void }> {
  const child = spawn(
    process.execPath,
    ["node_modules/s3rver/bin/s3rver.js", "-d", dir, "-a", "127.0.0.1", "-p", "0", "--configure-bucket", "bench"],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const endpoint = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /listening on ([\d.]+):(\d+)/i.exec(out) ?? /http:\/\/([\d.]+):(\d+)/.exec(out);
      if (m) resolve(`http://${m[1]}:${m[2]}`);
    });
    child.once("exit", (code) => reject(new Error(`s3rver exited (${code}): ${out}`)));
  });
  child.stdout.resume();
  return { endpoint, stop: () => child.kill() };
}

async function main() {
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: "S3RVER", AWS_SECRET_ACCESS_KEY: "S3RVER" });
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-storage-"));
  const server = await startServer(dir);
  try {
    const loc = parseStorageUrl(`s3://bench/p?endpoint=${encodeURIComponent(server.endpoint)}&forcePathStyle=true`);
    if (loc.kind !== "s3") throw new Error("unreachable");
    const store = new S3Storage(loc, os.tmpdir());
    const chunk = Buffer.alloc(1 << 20, 0x5a);
    const source = Readable.from(
      (function* () {
        for (let i = 0; i < mb; i++) yield chunk;
      })(),
    );
    global.gc?.();
    const base = process.memoryUsage().rss;
    let peak = base;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const t0 = performance.now();
    const stored = await store.writeStream("outputs/bench/big.mp4", source);
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    const head = await store.stat("outputs/bench/big.mp4");
    if (head?.size !== mb * 1024 * 1024) throw new Error(`stored ${head?.size} bytes, expected ${mb} MB`);
    store.client.destroy();
    console.log(`sha256 ${stored.sha256}`);
    console.log(`${mb} MB in ${seconds.toFixed(1)} s (${(mb / seconds).toFixed(0)} MB/s through s3rver on loopback)`);
    console.log(`peak RSS above start: ${((peak - base) / 1024 / 1024).toFixed(0)} MB`);
  } finally {
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
