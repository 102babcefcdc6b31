import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keepAliveFetch } from "@/lib/td/dispatcher";
import { TdHttp } from "@/lib/td/http";

// The studio's calls to TD go through undici's request() with fetch's shape (lib/td/dispatcher.ts). TdHttp reads
// its answers as it would fetch's: status, headers, body stream, text(); errors and aborts look as fetch's do.

let server: http.Server;
let base = "";
let connections = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url!, "http://x");
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      if (url.pathname === "/echo") {
        res.writeHead(201, { "Content-Type": "application/json", "X-Multi": ["a", "b"] });
        res.end(JSON.stringify({ method: req.method, body, auth: req.headers.authorization, q: url.search }));
      } else if (url.pathname === "/empty") {
        res.writeHead(204);
        res.end();
      } else if (url.pathname === "/slow") {
        res.writeHead(200, { "Content-Type": "text/event-stream" });
        res.write("data: 1\n\n");
        const t = setInterval(() => res.write("data: more\n\n"), 20);
        res.on("close", () => clearInterval(t));
      } else {
        res.writeHead(404, { "Content-Type": "application/json" });
        res.end('{"error":{"code":"NotFound","message":"no such path"}}');
      }
    });
  });
  server.on("connection", () => connections++);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("TD calls through undici's request() with fetch's shape", () => {
  it("status, headers (repeated ones too), body and text, over one kept-alive connection", async () => {
    const f = keepAliveFetch();
    // undici may open a second connection while the first one's answer is being finished; after that, reuse.
    for (let i = 0; i < 2; i++) await (await f(`${base}/echo`, { method: "POST", body: "{}" })).text();
    const before = connections;
    for (let i = 0; i < 3; i++) {
      const r = await f(`${base}/echo?requestId=${i}`, {
        method: "POST",
        headers: { Authorization: "Bearer k", "Content-Type": "application/json" },
        body: '{"a":1}',
      });
      expect(r.status).toBe(201);
      expect(r.ok).toBe(true);
      expect(r.headers.get("content-type")).toBe("application/json");
      expect(r.headers.get("x-multi")).toBe("a, b");
      expect(await r.json()).toEqual({ method: "POST", body: '{"a":1}', auth: "Bearer k", q: `?requestId=${i}` });
    }
    expect(connections - before).toBe(0);
    const empty = await f(`${base}/empty`);
    expect(empty.status).toBe(204);
    expect(empty.body).toBeNull();
  });

  it("an error answer is TdHttp's TdError with TD's code; a refused connection is a network error naming the cause", async () => {
    const td = new TdHttp({ baseUrl: base, apiKey: "k", timeoutMs: 2000, fetch: keepAliveFetch() });
    const missing = await td
      .raw({ family: "chat", method: "POST", path: "/nowhere", body: {} })
      .catch((e: unknown) => e as { httpStatus?: number; kind?: string });
    expect(missing).toMatchObject({ httpStatus: 404, kind: "http" });

    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const down = new TdHttp({
      baseUrl: `http://127.0.0.1:${port}`,
      apiKey: "k",
      timeoutMs: 2000,
      fetch: keepAliveFetch(),
    });
    const e = await down
      .raw({ family: "chat", method: "POST", path: "/x", body: {} })
      .catch((err: unknown) => err as { kind?: string; code?: string; message?: string });
    expect(e).toMatchObject({ kind: "network", code: "ECONNREFUSED" });
  });

  it("a call's URL: a plain path is joined as it is, a query or an unusual path goes through URL; a request id on each", () => {
    const td = new TdHttp({ baseUrl: "http://td.example/base/", apiKey: "k" });
    const a = td.url("/model/openai/api/v3/chat/completions");
    expect(a.url).toBe(`http://td.example/base/model/openai/api/v3/chat/completions?requestId=${a.requestId}`);
    const b = td.url("/v1.0/tasks", { Action: "Get Task" });
    expect(b.url).toBe(`http://td.example/base/v1.0/tasks?Action=Get+Task&requestId=${b.requestId}`);
    const c = td.url("/a/../b");
    expect(c.url).toBe(`http://td.example/base/b?requestId=${c.requestId}`);
    expect(a.requestId).not.toBe(b.requestId);
  });

  it("an abort before the answer rejects with the signal's reason; during the body, the stream ends with it", async () => {
    const f = keepAliveFetch();
    const early = new AbortController();
    early.abort(new DOMException("stop", "AbortError"));
    await expect(f(`${base}/slow`, { signal: early.signal })).rejects.toMatchObject({ name: "AbortError" });

    const late = new AbortController();
    const r = await f(`${base}/slow`, { signal: late.signal });
    const reader = r.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain("data: 1");
    late.abort(new DOMException("The client went away.", "AbortError"));
    const end = await (async () => {
      for (;;) {
        const x = await reader.read();
        if (x.done) return "ended quietly";
      }
    })().catch((err: unknown) => err as Error);
    expect(end).not.toBe("ended quietly");
    expect((end as Error).name).toBe("AbortError");
  });
});
