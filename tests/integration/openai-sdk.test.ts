import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { NextRequest } from "next/server";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_KEY, withEmulator } from "./helpers";
import { freshStudioEnv, TEST_SCOPE } from "../../scripts/harness/studio-env";

// The OpenAI-compatible base (/api/openai/v1) as the official `openai` SDK uses it: real HTTP from the SDK to the
// studio, dispatched as the production server (scripts/server.js) does it: chat completions with a bearer token
// through the fast lane (lib/chat/fast-lane.ts), everything else to the route handlers; real HTTP to the emulator.

type Handler = (req: NextRequest) => Promise<Response>;

describe("OpenAI-compatible base with the openai SDK", () => {
  const t = withEmulator({ chatFirstTokenMs: 5, chatChunkMs: 2 });
  let server: http.Server;
  let base = "";
  let token = "";

  beforeAll(async () => {
    freshStudioEnv(t.emu.url, TEST_KEY);
    const routes: Record<string, Handler> = {
      "GET /api/openai/v1/models": (await import("@/app/api/openai/v1/models/route")).GET,
      "POST /api/openai/v1/chat/completions": (await import("@/app/api/openai/v1/chat/completions/route")).POST,
      "POST /api/v1/chat/completions": (await import("@/app/api/v1/chat/completions/route")).POST,
    };
    const notFound = (await import("@/app/api/openai/v1/[...path]/route")).GET;
    ({ token } = await (await import("@/lib/auth/tokens")).createToken(TEST_SCOPE, "openai sdk test"));
    const { fastLane } = await import("@/lib/chat/fast-lane");
    server = http.createServer(async (req, res) => {
      if (fastLane.takes(req)) return fastLane.serve(req, res);
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const ctl = new AbortController();
      res.on("close", () => ctl.abort());
      const url = `http://127.0.0.1${req.url}`;
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const nreq = new NextRequest(url, {
        method: req.method,
        headers,
        body: chunks.length ? Buffer.concat(chunks) : undefined,
        signal: ctl.signal,
      });
      const handler = routes[`${req.method} ${new URL(url).pathname}`] ?? notFound;
      const answer = await handler(nreq);
      res.writeHead(answer.status, Object.fromEntries(answer.headers));
      if (answer.body) Readable.fromWeb(answer.body as never).pipe(res);
      else res.end();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server?.close(() => r())));

  const client = (apiKey = token) => new OpenAI({ apiKey, baseURL: `${base}/api/openai/v1`, maxRetries: 0 });

  it("models.list() finds the chat models, in OpenAI's model shape", async () => {
    const models = [];
    for await (const m of client().models.list()) models.push(m);
    expect(models.map((m) => m.id).sort()).toEqual(["T0106004", "T0310001"]);
    for (const m of models) {
      expect(m).toEqual({ id: m.id, object: "model", created: expect.any(Number), owned_by: expect.any(String) });
      expect(Number.isInteger(m.created)).toBe(true);
    }
  });

  it("a completion", async () => {
    const c = await client().chat.completions.create({
      model: "T0106004",
      messages: [{ role: "user", content: "hello from the sdk" }],
    });
    expect(c.object).toBe("chat.completion");
    expect(c.choices[0].message.content).toContain("hello from the sdk");
    expect(c.choices[0].finish_reason).toBe("stop");
  });

  it("a stream, token by token, ending with usage", async () => {
    const stream = await client().chat.completions.create({
      model: "T0310001",
      messages: [{ role: "user", content: "stream me a dolly zoom" }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = "";
    let chunks = 0;
    let usage: unknown;
    for await (const chunk of stream) {
      chunks++;
      text += chunk.choices[0]?.delta.content ?? "";
      if (chunk.usage) usage = chunk.usage;
    }
    expect(chunks).toBeGreaterThan(2);
    expect(text).toContain("dolly zoom");
    expect(usage).toMatchObject({ prompt_tokens: expect.any(Number), completion_tokens: expect.any(Number) });
  });

  it("errors surface as the SDK's error classes, with OpenAI's code and message", async () => {
    const bad = await client()
      .chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "x" }] })
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(OpenAI.NotFoundError);
    expect((bad as InstanceType<typeof OpenAI.NotFoundError>).status).toBe(404);
    expect((bad as InstanceType<typeof OpenAI.NotFoundError>).code).toBe("model_not_found");
    expect((bad as Error).message).toContain("gpt-4o");

    const invalid = await client()
      .chat.completions.create({ model: "T0106004", messages: [{ role: "user", content: "x" }], temperature: 9 })
      .catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(OpenAI.BadRequestError);
    expect((invalid as InstanceType<typeof OpenAI.BadRequestError>).param).toBe("temperature");

    const noKey = await client("tds_not-a-real-token")
      .models.list()
      .catch((e: unknown) => e);
    expect(noKey).toBeInstanceOf(OpenAI.AuthenticationError);
    expect((noKey as InstanceType<typeof OpenAI.AuthenticationError>).code).toBe("unauthorized");

    // A path this base does not serve answers in OpenAI's shape too.
    const res = await fetch(`${base}/api/openai/v1/embeddings`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(404);
    expect((await res.json()).error).toMatchObject({ type: "invalid_request_error", code: "unknown_url" });
  });

  it("a token's caller is remembered briefly on the hot path, yet a revoked token or a narrowed role is refused at once", async () => {
    const { createToken, revokeToken } = await import("@/lib/auth/tokens");
    const { db } = await import("@/lib/db");
    const mine = await createToken(TEST_SCOPE, "revoke me");
    const ask = (key: string) =>
      client(key).chat.completions.create({ model: "T0106004", messages: [{ role: "user", content: "once" }] });
    expect((await ask(mine.token)).object).toBe("chat.completion"); // now remembered
    await revokeToken(TEST_SCOPE, mine.id);
    expect(await ask(mine.token).catch((e: unknown) => e)).toBeInstanceOf(OpenAI.AuthenticationError);

    const other = await createToken(TEST_SCOPE, "narrow me");
    expect((await ask(other.token)).object).toBe("chat.completion");
    await db().membership.updateMany({ where: TEST_SCOPE, data: { role: "reviewer" } });
    try {
      const refused = await ask(other.token).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(OpenAI.PermissionDeniedError);
      expect((refused as InstanceType<typeof OpenAI.PermissionDeniedError>).status).toBe(403);
    } finally {
      await db().membership.updateMany({ where: TEST_SCOPE, data: { role: "admin" } });
    }
  });

  it("the gateway says where its time goes (Server-Timing), and the original path answers alike", async () => {
    const res = await fetch(`${base}/api/v1/chat/completions`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ model: "T0106004", messages: [{ role: "user", content: "timing" }], stream: true }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("server-timing")).toMatch(
      /auth;dur=[\d.]+, limit;dur=[\d.]+, parse;dur=[\d.]+, reserve;dur=[\d.]+, upstream;dur=[\d.]+, total;dur=[\d.]+/,
    );
    expect(await res.text()).toContain("data: [DONE]");
  });
});
