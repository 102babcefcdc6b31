import { NextRequest } from "next/server";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { chatEstimateUnits, chatUnits } from "@/lib/catalog/units";
import { TEST_KEY, until, withEmulator } from "./helpers";
import { freshStudioEnv, TEST_SCOPE } from "../../scripts/harness/studio-env";

// The gateway's chat turns in the ledger, over real HTTP to the emulator: reserved with the budget check before
// TD is called (a refused turn sends nothing), settled from the usage TD reports (streaming too, even when the
// client did not ask for usage), released when the turn fails.

const t = withEmulator({ chatFirstTokenMs: 5, chatChunkMs: 2 });
type Post = (req: NextRequest) => Promise<Response>;
let v1: Post;
let openai: Post;
let token: string;
let db: typeof import("@/lib/db").db;
let putBudgets: typeof import("@/lib/spend/budgets").putBudgets;

const PRICES = {
  currency: "CNY",
  items: (["T0106004", "T0310001"] as const).flatMap((model) => [
    { model, unit: "input_token" as const, price: 0.001 },
    { model, unit: "output_token" as const, price: 0.002 },
    { model, unit: "reasoning_token" as const, price: 0.002 },
  ]),
};

beforeAll(async () => {
  freshStudioEnv(t.emu.url, TEST_KEY);
  ({ POST: v1 } = await import("@/app/api/v1/chat/completions/route"));
  ({ POST: openai } = await import("@/app/api/openai/v1/chat/completions/route"));
  ({ token } = await (await import("@/lib/auth/tokens")).createToken(TEST_SCOPE, "gateway spend test"));
  ({ db } = await import("@/lib/db"));
  ({ putBudgets } = await import("@/lib/spend/budgets"));
  await (await import("@/lib/spend/prices")).putPrices(PRICES, TEST_SCOPE.userId);
});
beforeEach(async () => {
  await db().ledgerEntry.deleteMany({});
  await putBudgets(TEST_SCOPE.teamId, { team: { monthly: null, daily: null } }, true);
});

const call = (post: Post, body: unknown) =>
  post(
    new NextRequest("http://studio.test/api/v1/chat/completions", {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
    }),
  );
const chatCalls = () => t.emu.log.filter((l) => l.op === "chat").length;
const entries = () => db().ledgerEntry.findMany({ where: { source: "chat" }, orderBy: { createdAt: "asc" } });
const settledAll = (n: number) =>
  until(entries, (es) => es.length === n && es.every((e) => e.state !== "reserved"), 5000);
const events = (text: string) =>
  text
    .split("\n\n")
    .filter((e) => e.startsWith("data: ") && e !== "data: [DONE]")
    .map((e) => JSON.parse(e.slice(6)));
const costOfUsage = (u: Record<string, unknown>) => {
  const units = chatUnits(u);
  return (
    Math.round(
      ((units.input_token ?? 0) * 0.001 + ((units.output_token ?? 0) + (units.reasoning_token ?? 0)) * 0.002) * 1e4,
    ) / 1e4
  );
};

describe("chat gateway: the ledger", () => {
  it("non-stream: settled to the answer's usage at the price in force", async () => {
    const res = await call(v1, { model: "T0310001", messages: [{ role: "user", content: "你好，账本" }] });
    expect(res.status).toBe(200);
    expect(res.headers.get("server-timing")).toMatch(/reserve;dur=/);
    const { usage } = await res.json();
    const [e] = await settledAll(1);
    expect(e).toMatchObject({ state: "settled", model: "T0310001", source: "chat", userId: TEST_SCOPE.userId });
    expect(JSON.parse(e.units)).toEqual(chatUnits(usage));
    expect(e.charge).toBeCloseTo(costOfUsage(usage), 6);
  });

  it("stream with include_usage: settled from TD's usage chunk, which the client receives as sent", async () => {
    const body = {
      model: "T0106004",
      messages: [{ role: "user", content: "stream ledger" }],
      stream: true,
      stream_options: { include_usage: true },
    };
    const text = await (await call(openai, body)).text();
    const usage = events(text).at(-1).usage;
    expect(usage.prompt_tokens).toBeGreaterThan(0);
    const [e] = await settledAll(1);
    expect(e.state).toBe("settled");
    expect(JSON.parse(e.units)).toEqual(chatUnits(usage));
    expect(e.charge).toBeCloseTo(costOfUsage(usage), 6);
  });

  it("stream of a team without budgets: reserved while TD works, on record before the answer's first byte", async () => {
    const res = await call(v1, {
      model: "T0106004",
      messages: [{ role: "user", content: "reserved alongside the call" }],
      stream: true,
    });
    expect(res.status).toBe(200);
    // The first bytes of the answer are here: the turn is on record, not yet settled.
    const reader = res.body!.getReader();
    expect((await reader.read()).value?.length).toBeGreaterThan(0);
    const [reserved] = await entries();
    expect(reserved).toMatchObject({ state: "reserved", source: "chat", model: "T0106004" });
    while (!(await reader.read()).done);
    const [e] = await settledAll(1);
    expect(e).toMatchObject({ id: reserved.id, state: "settled" });
  });

  it("stream without include_usage: the studio asks TD for usage, settles on it, and the client sees no usage chunk", async () => {
    const content = "stream ledger, no usage asked";
    const asked = await call(v1, {
      model: "T0106004",
      messages: [{ role: "user", content }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const reported = events(await asked.text()).at(-1).usage;
    await settledAll(1);
    await db().ledgerEntry.deleteMany({});
    const res = await call(v1, { model: "T0106004", messages: [{ role: "user", content }], stream: true });
    const text = await res.text();
    expect(text.trim().endsWith("data: [DONE]")).toBe(true);
    const chunks = events(text);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((c) => c.choices.length === 1)).toBe(true);
    expect(chunks.map((c) => c.choices[0].delta.content ?? "").join("")).toContain("ledger");
    // Settled on the very usage TD reports: without include_usage upstream, TD would have sent none.
    const [e] = await settledAll(1);
    expect(e.state).toBe("settled");
    expect(JSON.parse(e.units)).toEqual(chatUnits(reported));
  });

  it("a turn TD refuses, or a stream that breaks off, is released: nothing charged, counted as failed", async () => {
    const r429 = await call(v1, { model: "T0106004", messages: [{ role: "user", content: "x [[fault:429]]" }] });
    expect(r429.status).toBe(429);
    const drop = await call(v1, {
      model: "T0106004",
      messages: [{ role: "user", content: "x [[fault:drop]]" }],
      stream: true,
    });
    expect(await drop.text()).toContain("stream_interrupted");
    const es = await settledAll(2);
    expect(es.map((e) => [e.state, e.charge, e.failed])).toEqual([
      ["released", 0, true],
      ["released", 0, true],
    ]);
  });

  it("over budget: 402 budget_exceeded naming what is left, before anything is sent upstream", async () => {
    const messages = [{ role: "user", content: "budget turn" }];
    const est = chatEstimateUnits({ messages, max_tokens: 1000 });
    const limit = Math.round((est.input_token! * 0.001 + est.output_token! * 0.002 - 0.5) * 100) / 100;
    await putBudgets(TEST_SCOPE.teamId, { team: { monthly: limit } }, true);
    const before = chatCalls();
    const res = await call(v1, { model: "T0106004", messages, max_tokens: 1000, stream: true });
    expect(res.status).toBe(402);
    expect(await res.json()).toMatchObject({
      error: { code: "budget_exceeded", budget: "team_monthly", remaining: limit, limit },
    });
    expect(chatCalls()).toBe(before);
    expect(await entries()).toEqual([]);
  });

  it("10 concurrent streamed turns against a budget that fits 3 reservations: 3 reach TD", async () => {
    const messages = [{ role: "user", content: "burst [[slow:60]]" }];
    const est = chatEstimateUnits({ messages, max_tokens: 500 });
    const estCost = est.input_token! * 0.001 + est.output_token! * 0.002;
    await putBudgets(TEST_SCOPE.teamId, { team: { monthly: estCost * 3.5 } }, true);
    const before = chatCalls();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => call(v1, { model: "T0106004", messages, max_tokens: 500, stream: true })),
    );
    const statuses = answers.map((r) => r.status).sort();
    await Promise.all(answers.map((r) => r.text()));
    expect(statuses).toEqual([200, 200, 200, 402, 402, 402, 402, 402, 402, 402]);
    expect(chatCalls() - before).toBe(3);
    const es = await settledAll(3);
    expect(es.every((e) => e.state === "settled" && e.charge > 0 && e.charge < estCost)).toBe(true);
  });
});
