import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startEmulator, type Emulator } from "@/emulator";
import { freshStudioEnv } from "../../scripts/harness/studio-env";

// The engine's global limiter (STUDIO_STATUS_CALLS_PER_SECOND) holds over a whole pass of due polls: a file
// of its own, because the rate is read once per process.
const seen: number[] = [];
const proxy = http.createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  if (req.method === "GET") seen.push(Date.now());
  const headers: Record<string, string> = {};
  for (const k of ["authorization", "x-timestamp", "content-type"])
    if (typeof req.headers[k] === "string") headers[k] = req.headers[k] as string;
  const up = await fetch(emu.url + (req.url ?? "/"), {
    method: req.method,
    headers,
    body: chunks.length ? Buffer.concat(chunks) : undefined,
  });
  res.writeHead(up.status, { "content-type": "application/json" });
  res.end(Buffer.from(await up.arrayBuffer()));
});
let emu: Emulator;

beforeAll(async () => {
  emu = await startEmulator({ port: 0, apiKey: "k", taskSeconds: 0.4, quiet: true });
  await new Promise<void>((ok) => proxy.listen(0, "127.0.0.1", () => ok()));
  freshStudioEnv(`http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, "k", {
    STUDIO_STATUS_CALLS_PER_SECOND: "10",
    STUDIO_POLL_CONCURRENCY: "32",
    TD_TIMEOUT_MS: "20000",
  });
});
afterAll(async () => {
  await emu.close();
  proxy.closeAllConnections();
  await new Promise((ok) => proxy.close(ok));
});

it("sends at most STUDIO_STATUS_CALLS_PER_SECOND status calls in any second, however many polls are due", async () => {
  const { db } = await import("@/lib/db");
  const { pollTick } = await import("@/lib/generations/engine");
  for (let i = 0; i < 25; i++)
    await db().generation.create({
      data: {
        id: randomUUID(),
        model: "T0401001",
        mode: "text-to-video",
        status: "running",
        upstreamTaskId: `gone-${i}`,
        submittedAt: new Date(),
        nextPollAt: new Date(Date.now() - 1000),
      },
    });
  // The moment of each grant of the engine's limiter (TD's side sees them later, after a busy event loop).
  const { statusLimiter } = await import("@/lib/generations/schedule");
  const grants: number[] = [];
  statusLimiter().onGrant = (at) => grants.push(at);
  const t0 = Date.now();
  await pollTick("limiter-test");
  // Every status call TD saw went through the limiter (a retried call too)…
  expect(seen.length).toBeGreaterThanOrEqual(25);
  expect(grants).toHaveLength(seen.length);
  // …and no 11 grants fall within one second: at 10/s, call k waits ⌊k/10⌋ s.
  expect(Date.now() - t0).toBeGreaterThanOrEqual(Math.floor((seen.length - 1) / 10) * 1000 - 50);
  for (let i = 10; i < grants.length; i++) expect(grants[i] - grants[i - 10]).toBeGreaterThanOrEqual(999);
  expect(await db().generation.count({ where: { status: "failed" } })).toBe(25);
}, 60_000);
