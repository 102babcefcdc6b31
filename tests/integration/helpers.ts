import { afterAll, beforeAll, vi } from "vitest";
import { startEmulator, type Emulator, type EmulatorOptions } from "@/emulator";
import type { CreateGenerationRequest } from "@/lib/generations/schema";
import { TdHttp } from "@/lib/td/http";
import { freshStudioEnv, TEST_SCOPE } from "../../scripts/harness/studio-env";

export const TEST_KEY = "test-key";

/** Start a real emulator on a free port for this test file, and a TdHttp pointed at it. */
export function withEmulator(opts: Partial<EmulatorOptions> = {}) {
  const state = {} as { emu: Emulator; http: TdHttp };
  beforeAll(async () => {
    state.emu = await startEmulator({
      port: 0,
      apiKey: TEST_KEY,
      taskSeconds: 0.3,
      quiet: true,
      chatFirstTokenMs: 5,
      chatChunkMs: 2,
      hangMs: 3000,
      ...opts,
    });
    state.http = new TdHttp({
      baseUrl: state.emu.url,
      apiKey: TEST_KEY,
      timeoutMs: 2000,
      retryBaseMs: 10,
      retryMaxMs: 50,
    });
  });
  afterAll(async () => {
    await state.emu?.close();
  });
  return state;
}

/** Raw request to the emulator with the documented headers (override any of them). */
export async function rawCall(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string | undefined> = {},
) {
  const h: Record<string, string> = {};
  const all = {
    Authorization: `Bearer ${TEST_KEY}`,
    "X-Timestamp": String(Math.floor(Date.now() / 1000)),
    "Content-Type": "application/json",
    ...headers,
  };
  for (const [k, v] of Object.entries(all)) if (v !== undefined) h[k] = v;
  const res = await fetch(baseUrl + path, {
    method,
    headers: h,
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  // Tests read arbitrary fields of the answers they check.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text, headers: res.headers };
}

export async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await fn();
    if (ok(v)) return v;
    if (Date.now() - start > timeoutMs)
      throw new Error(`condition not met in ${timeoutMs} ms; last value: ${String(JSON.stringify(v)).slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The stored output's row once its poster, thumbnail or waveform is made: the media loop runs after the file is
 * stored (a finished generation does not wait for ffmpeg).
 */
export async function mediaMade(assetId: string, timeoutMs = 20_000) {
  const { db } = await import("@/lib/db");
  return until(
    () => db().asset.findUniqueOrThrow({ where: { id: assetId } }),
    (a) => a.mediaState !== "pending" && a.mediaState !== "making",
    timeoutMs,
  );
}

/** One TD request the studio put on the wire: its X-TC-Action (VOD family) and its JSON body. */
export interface SentRequest {
  action?: string;
  body: Record<string, unknown>;
}

/**
 * The studio-level setup the engine, Image and Speech tests share: a real emulator, a fresh database and data
 * folder (acting as TEST_SCOPE), the engine stopped after the file, and — when `record` says which — every
 * request body the studio's TD client sends, as sent.
 */
export function studioTestbed(opts: {
  taskSeconds: number;
  env?: Record<string, string>;
  record?: (url: string, action: string | undefined) => boolean;
}) {
  const bed = { sent: [] as SentRequest[] } as { emu: Emulator; dataDir: string; sent: SentRequest[] };
  beforeAll(async () => {
    bed.emu = await startEmulator({ port: 0, apiKey: "k", taskSeconds: opts.taskSeconds, quiet: true });
    // Recording reads the requests at the global fetch, so the studio sends through it (not its keep-alive pool).
    bed.dataDir = freshStudioEnv(bed.emu.url, "k", { ...(opts.record ? { TD_KEEP_ALIVE: "0" } : {}), ...opts.env }).dir;
    const record = opts.record;
    if (!record) return;
    const real = globalThis.fetch;
    vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      const action = new Headers(init?.headers).get("X-TC-Action") ?? undefined;
      if (url.startsWith(bed.emu.url) && record(url, action) && typeof init?.body === "string")
        bed.sent.push({ action, body: JSON.parse(init.body) });
      return real(input, init);
    });
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    const { startEngine } = await import("@/lib/generations/engine");
    startEngine().stop();
    await bed.emu?.close();
  });
  return bed;
}

/** The studio's modules, imported after the environment is set, with the engine running; creates act as TEST_SCOPE. */
export async function loadStudio() {
  const [{ createGeneration }, { getGeneration }, { startEngine }, { db }, { storeAsset }, voices] = await Promise.all([
    import("@/lib/generations/create"),
    import("@/lib/generations/queries"),
    import("@/lib/generations/engine"),
    import("@/lib/db"),
    import("@/lib/assets/store"),
    import("@/lib/voices/store"),
  ]);
  startEngine();
  return {
    createGeneration: (req: CreateGenerationRequest) => createGeneration(req, TEST_SCOPE),
    getGeneration,
    db,
    storeAsset,
    voices,
  };
}
