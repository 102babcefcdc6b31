import { afterAll, beforeAll } from "vitest";
import { startEmulator, type Emulator, type EmulatorOptions } from "@/emulator";
import { TdHttp } from "@/lib/td/http";

export const TEST_KEY = "test-key";

/** Start a real emulator on a free port for this test file, and a TdHttp pointed at it. */
export function withEmulator(opts: Partial<EmulatorOptions> = {}) {
  const state = {} as { emu: Emulator; http: TdHttp };
  beforeAll(async () => {
    state.emu = await startEmulator({ port: 0, apiKey: TEST_KEY, taskSeconds: 0.3, quiet: true, chatFirstTokenMs: 5, chatChunkMs: 2, hangMs: 3000, ...opts });
    state.http = new TdHttp({ baseUrl: state.emu.url, apiKey: TEST_KEY, timeoutMs: 2000, retryBaseMs: 10, retryMaxMs: 50 });
  });
  afterAll(async () => {
    await state.emu?.close();
  });
  return state;
}

/** Raw request to the emulator with the documented headers (override any of them). */
export async function rawCall(baseUrl: string, method: string, path: string, body?: unknown, headers: Record<string, string | undefined> = {}) {
  const h: Record<string, string> = {};
  const all = { Authorization: `Bearer ${TEST_KEY}`, "X-Timestamp": String(Math.floor(Date.now() / 1000)), "Content-Type": "application/json", ...headers };
  for (const [k, v] of Object.entries(all)) if (v !== undefined) h[k] = v;
  const res = await fetch(baseUrl + path, { method, headers: h, body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body) });
  const text = await res.text();
  // Tests read arbitrary fields of the answers they check.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let json: any;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: res.status, json, text, headers: res.headers };
}

export async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await fn();
    if (ok(v)) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`condition not met in ${timeoutMs} ms; last value: ${JSON.stringify(v).slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
