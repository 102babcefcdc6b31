import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_KEY, until, withEmulator } from "./helpers";
import { freshStudioEnv, TEST_SCOPE } from "../../scripts/harness/studio-env";

// The production server's fast lane for the chat gateway (lib/chat/fast-lane.ts), served by a plain Node server
// exactly as scripts/server.js dispatches: Node's request in, Node's response out, real HTTP to the emulator. It must
// answer as the routes do: the same caller and permission, limits, headers, ledger, and a client that goes away.

const t = withEmulator({ chatFirstTokenMs: 5, chatChunkMs: 3 });
let lane: typeof import("@/lib/chat/fast-lane");
let db: typeof import("@/lib/db").db;
let token = "";
let base = "";
let server: http.Server;
const BODY_LIMIT = 4096;

beforeAll(async () => {
  freshStudioEnv(t.emu.url, TEST_KEY, { STUDIO_CHAT_BODY_LIMIT: String(BODY_LIMIT) });
  lane = await import("@/lib/chat/fast-lane");
  ({ db } = await import("@/lib/db"));
  ({ token } = await (await import("@/lib/auth/tokens")).createToken(TEST_SCOPE, "fast lane test"));
  server = http.createServer((req, res) => {
    if (lane.fastLane.takes(req)) return void lane.fastLane.serve(req, res);
    res.statusCode = 418; // not the lane's: Next would answer it
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server?.close(() => r())));

const post = (body: unknown, headers: Record<string, string> = {}, p = "/api/v1/chat/completions") =>
  fetch(base + p, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}`, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const chatCalls = () => t.emu.log.filter((l) => l.op === "chat").length;
const turn = (content: string, extra: Record<string, unknown> = {}) => ({
  model: "T0106004",
  messages: [{ role: "user", content }],
  ...extra,
});

describe("chat gateway fast lane", () => {
  it("takes only bearer-token POSTs to the two completions paths; the rest is Next's", async () => {
    const ask = (method: string, url: string, headers: Record<string, string>) =>
      lane.fastLane.takes({ method, url, headers } as unknown as http.IncomingMessage);
    const bearer = { authorization: "Bearer tds_x" };
    expect(ask("POST", "/api/v1/chat/completions", bearer)).toBe(true);
    expect(ask("POST", "/api/openai/v1/chat/completions?x=1", { authorization: "bearer tds_x" })).toBe(true);
    expect(ask("GET", "/api/v1/chat/completions", bearer)).toBe(false);
    expect(ask("POST", "/api/v1/chat/completions", { cookie: "session=1" })).toBe(false);
    expect(ask("POST", "/api/v1/chat/completions/", bearer)).toBe(false);
    expect(ask("POST", "/api/v1/conversations", bearer)).toBe(false);
    const other = await fetch(`${base}/api/v1/chat/completions`, { method: "POST", body: "{}" });
    expect(other.status).toBe(418);
  });

  it("a token's hash (how its caller is found) is SHA-256 hex, as stored", async () => {
    const { createHash } = await import("node:crypto");
    const { hashToken } = await import("@/lib/auth/tokens");
    expect(hashToken(token)).toBe(createHash("sha256").update(token).digest("hex"));
  });

  it("answers for exactly the routes it stands in for, with the permission they declare", () => {
    for (const p of lane.FAST_LANE_PATHS) {
      const src = readFileSync(path.join("app", p, "route.ts"), "utf8");
      expect(/authorize\(req, "([^"]+)"/.exec(src)?.[1], p).toBe(lane.FAST_LANE_ACCESS);
    }
  });

  it("streams TD's answer with the studio's headers, its request id and a settled ledger entry", async () => {
    await db().ledgerEntry.deleteMany({});
    const res = await post(turn("lane stream", { stream: true }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(res.headers.get("server-timing")).toMatch(/auth;dur=.*total;dur=.*lane;desc="direct"/);
    expect(res.headers.get("x-request-id")).toBeTruthy(); // TD's request id for this call
    const text = await res.text();
    const said = text
      .split("\n\n")
      .filter((e) => e.startsWith("data: {"))
      .map((e) => JSON.parse(e.slice(6)).choices[0]?.delta?.content ?? "")
      .join("");
    expect(said).toContain("lane stream");
    expect(text.trimEnd().endsWith("data: [DONE]")).toBe(true);
    const es = await until(
      () => db().ledgerEntry.findMany({ where: { source: "chat" } }),
      (x) => x.length === 1 && x[0].state === "settled",
      5000,
    );
    expect(es[0].userId).toBe(TEST_SCOPE.userId);

    const plain = await post(turn("lane json"), {}, "/api/openai/v1/chat/completions");
    expect(plain.status).toBe(200);
    expect((await plain.json()).choices[0].message.content).toContain("lane json");
  });

  it("a body past the limit is refused with 413 naming it, declared or streamed, before TD hears of it", async () => {
    const before = chatCalls();
    const big = JSON.stringify(turn("x".repeat(BODY_LIMIT * 2)));
    const declared = await post(big);
    expect(declared.status).toBe(413);
    const e1 = (await declared.json()).error;
    expect(e1).toMatchObject({ code: "payload_too_large", type: "invalid_request_error" });
    expect(e1.message).toContain("limit of 4 kB");

    // No Content-Length: the lane counts while it reads.
    const chunked = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const q = http.request(
        `${base}/api/v1/chat/completions`,
        { method: "POST", headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" } },
        (r) => {
          let b = "";
          r.on("data", (c) => (b += c));
          r.on("end", () => resolve({ status: r.statusCode!, body: b }));
        },
      );
      q.on("error", reject);
      for (let i = 0; i < 8; i++) q.write(big.slice(i * 1024, (i + 1) * 1024));
      q.end(big.slice(8 * 1024));
    });
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body).error.code).toBe("payload_too_large");
    expect(chatCalls()).toBe(before);
  });

  it("an unknown token is 401 and a reviewer's is 403 naming chat:use, in OpenAI's shape; nothing reaches TD", async () => {
    const before = chatCalls();
    const bad = await post(turn("x"), { Authorization: "Bearer tds_not-a-token" });
    expect(bad.status).toBe(401);
    expect((await bad.json()).error).toMatchObject({ type: "authentication_error", code: "unauthorized" });

    const { createToken } = await import("@/lib/auth/tokens");
    const mine = await createToken(TEST_SCOPE, "lane reviewer");
    await db().membership.updateMany({ where: TEST_SCOPE, data: { role: "reviewer" } });
    try {
      const refused = await post(turn("x"), { Authorization: `Bearer ${mine.token}` });
      expect(refused.status).toBe(403);
      expect((await refused.json()).error).toMatchObject({ type: "permission_error", permission: "chat:use" });
    } finally {
      await db().membership.updateMany({ where: TEST_SCOPE, data: { role: "admin" } });
    }
    expect(chatCalls()).toBe(before);
  });

  it("a client that goes away mid-stream: TD's call is cut off and the turn is released, not charged", async () => {
    await db().ledgerEntry.deleteMany({});
    const first = await new Promise<string>((resolve, reject) => {
      const q = http.request(
        `${base}/api/v1/chat/completions`,
        { method: "POST", headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" } },
        (r) => {
          r.once("data", (c: Buffer) => {
            resolve(c.toString());
            q.destroy(); // the person closed the tab
          });
        },
      );
      q.on("error", () => undefined);
      q.on("timeout", reject);
      q.end(JSON.stringify(turn("leave early", { stream: true, max_tokens: 400 })));
    });
    expect(first).toContain("data: ");
    const es = await until(
      () => db().ledgerEntry.findMany({ where: { source: "chat" } }),
      (x) => x.length === 1 && x[0].state !== "reserved",
      5000,
    );
    expect(es[0]).toMatchObject({ state: "released", charge: 0, failed: false });
  });
});
