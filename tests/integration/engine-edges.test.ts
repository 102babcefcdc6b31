import { randomUUID } from "node:crypto";
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { encodeWav } from "@/components/speech/audio";
import { startEmulator, type Emulator } from "@/emulator";
import { freshStudioEnv, TEST_SCOPE } from "../../scripts/harness/studio-env";
import { mediaMade, until } from "./helpers";

// The studio talks to the emulator through this proxy, so a test can hold, refuse or rewrite one call.
type Req = { method: string; path: string; body: string };
type Answer = { status: number; headers?: Record<string, string>; body: string | Buffer };
type Handler = (r: Req, forward: () => Promise<Answer>) => Promise<Answer>;

function startProxy() {
  const state = { target: "", url: "", log: [] as Req[], handler: undefined as Handler | undefined };
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const r: Req = { method: req.method ?? "GET", path: req.url ?? "/", body: Buffer.concat(chunks).toString("utf8") };
    state.log.push(r);
    const forward = async (): Promise<Answer> => {
      const headers: Record<string, string> = {};
      for (const k of ["authorization", "x-timestamp", "content-type", "x-tc-action"])
        if (typeof req.headers[k] === "string") headers[k] = req.headers[k] as string;
      const up = await fetch(state.target + r.path, { method: r.method, headers, body: r.body || undefined });
      return {
        status: up.status,
        headers: { "content-type": up.headers.get("content-type") ?? "application/json" },
        body: Buffer.from(await up.arrayBuffer()),
      };
    };
    try {
      const a = state.handler ? await state.handler(r, forward) : await forward();
      res.writeHead(a.status, a.headers ?? { "content-type": "application/json" });
      res.end(a.body);
    } catch {
      res.destroy();
    }
  });
  return {
    state,
    listen: () =>
      new Promise<void>((ok) => server.listen(0, "127.0.0.1", () => ok())).then(
        () => (state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`),
      ),
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** A promise and its resolve, to hold a proxied call until the test lets it go. */
function gate() {
  let open!: () => void;
  const p = new Promise<void>((r) => (open = r));
  return { p, open };
}

const proxy = startProxy();
let emu: Emulator;
let dataDir: string;

beforeAll(async () => {
  await proxy.listen();
  // Output links point at the proxy too, so downloads can be held.
  emu = await startEmulator({ port: 0, apiKey: "k", taskSeconds: 0.4, quiet: true, publicUrl: proxy.state.url });
  proxy.state.target = emu.url;
  dataDir = freshStudioEnv(proxy.state.url, "k", {
    STUDIO_RESEND_WINDOW_MS: "60000",
    STUDIO_DB_QUERY_EVENTS: "1",
  }).dir;
});
afterAll(async () => {
  const { startEngine } = await import("@/lib/generations/engine");
  startEngine().stop();
  await emu.close();
  await proxy.close();
});

async function load() {
  const [{ createGeneration }, { getGeneration }, engine, { db }, finish, archive] = await Promise.all([
    import("@/lib/generations/create"),
    import("@/lib/generations/queries"),
    import("@/lib/generations/engine"),
    import("@/lib/db"),
    import("@/lib/generations/finish"),
    import("@/lib/generations/archive"),
  ]);
  const { owner } = engine.startEngine();
  return {
    createGeneration,
    getGeneration,
    db,
    pollTick: () => engine.pollTick(owner),
    recordFailure: finish.recordFailure,
    archive,
  };
}

const isCreate = (r: Req) => r.method === "POST" && (r.path.includes("video-synthesis") || r.path.includes("/job"));
const requestIdOf = (r: Req) => new URL(r.path, "http://x").searchParams.get("requestId")!;

/** A record as an older process would have left it, written straight to the database. */
async function insertGeneration(fields: Record<string, unknown>) {
  const { db } = await load();
  const id = randomUUID();
  await db().generation.create({
    data: {
      id,
      model: "T0401001",
      mode: "text-to-video",
      prompt: "x",
      status: "running",
      nextPollAt: new Date(),
      ...fields,
    },
  });
  return id;
}

describe("engine edges (issue #11)", () => {
  it("a succeeded generation's outputs are always stored: it stays running in phase saving until then", async () => {
    const { createGeneration, getGeneration } = await load();
    const held = gate();
    proxy.state.handler = async (r, forward) => {
      if (r.path.startsWith("/files/")) await held.p;
      return forward();
    };
    const g = await createGeneration(
      { model: "T0401001", mode: "text-to-video", prompt: "hold the download" },
      TEST_SCOPE,
    );
    let done: Awaited<ReturnType<typeof getGeneration>>;
    try {
      // A read is two statements (the record, then its outputs): on PostgreSQL the second can see the outputs of
      // a finish that committed between them, so wait for the record's own phase too.
      const saving = await until(
        () => getGeneration(TEST_SCOPE, g.id),
        (x) => x.outputs.length > 0 && x.phase !== undefined,
      );
      expect(saving.status).toBe("running");
      expect(saving.phase).toBe("saving");
      expect(saving.outputs[0].asset.fileUrl).toBeUndefined();
      held.open();
      done = await until(
        () => getGeneration(TEST_SCOPE, g.id),
        (x) => x.status !== "running",
      );
    } finally {
      // Whatever happened above, later tests' downloads are not held.
      held.open();
      proxy.state.handler = undefined;
    }
    expect(done.status).toBe("succeeded");
    expect(done.phase).toBeUndefined();
    expect(done.outputs[0].asset.fileUrl).toBe(`/api/v1/assets/${done.outputs[0].assetId}/file`);
    expect(done.finishedAt).toBeTruthy();
    const row = await mediaMade(done.outputs[0].assetId);
    expect(row.mediaState).toBe("done");
    expect(existsSync(path.join(dataDir, "files", row.storageKey!))).toBe(true);
    // The poster is stored like every file (temp + rename), when ffmpeg is there to make one.
    if (await (await import("@/lib/assets/media")).hasFfmpeg())
      expect(existsSync(path.join(dataDir, "files", row.posterKey!))).toBe(true);
  });

  it("a finished output is succeeded and readable while its poster is still being made; the poster follows", async () => {
    const { createGeneration, getGeneration, db } = await load();
    const { hasFfmpeg } = await import("@/lib/assets/media");
    if (!(await hasFfmpeg())) return; // without ffmpeg there is no poster to wait for
    // An ffmpeg that waits for the test's word: the poster is held while the generation finishes.
    const bin = mkdtempSync(path.join(os.tmpdir(), "slow-ffmpeg-"));
    const hold = path.join(bin, "go");
    const real = (await import("node:child_process")).execFileSync("sh", ["-c", "command -v ffmpeg"]).toString().trim();
    writeFileSync(
      path.join(bin, "ffmpeg"),
      `#!/bin/sh\nwhile [ ! -f "${hold}" ]; do sleep 0.05; done\nexec "${real}" "$@"\n`,
    );
    chmodSync(path.join(bin, "ffmpeg"), 0o755);
    const savedPath = process.env.PATH;
    process.env.PATH = `${bin}${path.delimiter}${savedPath}`;
    try {
      const g = await createGeneration(
        { model: "T0401001", mode: "text-to-video", prompt: "poster later" },
        TEST_SCOPE,
      );
      const done = await until(
        () => getGeneration(TEST_SCOPE, g.id),
        (x) => x.status !== "queued" && x.status !== "running",
        20_000,
      );
      expect(done.status).toBe("succeeded");
      const out = done.outputs[0].asset;
      expect(out.fileUrl).toBe(`/api/v1/assets/${out.id}/file`);
      expect(out.posterUrl).toBeUndefined();
      const row = await db().asset.findUniqueOrThrow({ where: { id: out.id } });
      expect(["pending", "making"]).toContain(row.mediaState);
      expect(existsSync(path.join(dataDir, "files", row.storageKey!))).toBe(true);
      writeFileSync(hold, "");
      const made = await mediaMade(out.id);
      expect(made.mediaState).toBe("done");
      expect(made.posterKey).toBe(`${row.storageKey}.poster.jpg`);
      expect(made.width).toBeGreaterThan(0);
      expect((await getGeneration(TEST_SCOPE, g.id)).outputs[0].asset.posterUrl).toBe(
        `/api/v1/assets/${out.id}/poster`,
      );
    } finally {
      process.env.PATH = savedPath;
      writeFileSync(hold, "");
      rmSync(bin, { recursive: true, force: true });
    }
  });

  it("a voice clone whose audio comes as a link is saved as a team voice once its audio is stored", async () => {
    const { createGeneration, getGeneration, db } = await load();
    const { storeAsset } = await import("@/lib/assets/store");
    const wav = Buffer.from(
      encodeWav(
        Float32Array.from({ length: 16000 * 3 }, (_, i) => Math.sin(i / 10) * 0.3),
        16000,
      ),
    );
    const sample = await storeAsset(Readable.from([wav]), TEST_SCOPE, {
      model: "T0311001",
      mode: "voice-clone",
      role: "clone_audio",
    });
    const g = await createGeneration(
      {
        model: "T0311001",
        mode: "voice-clone",
        prompt: "my linked voice",
        params: { outputType: "url", voiceName: "Linked" },
        inputs: [{ role: "clone_audio", assetId: sample.id }],
      },
      TEST_SCOPE,
    );
    expect(g.phase).toBe("saving");
    await until(
      () => getGeneration(TEST_SCOPE, g.id),
      (x) => x.status === "succeeded",
    );
    // The voice is written right after the status (settleSaving): wait for it rather than race it.
    const voice = await until(
      () => db().voice.findFirst({ where: { generationId: g.id } }),
      (v) => v !== null,
    );
    expect(voice).toMatchObject({ name: "Linked", source: "clone" });
  });

  it("derives the stuck-submit window per model: a 100 s old TTS create is still awaited, a 40 s old video create is interrupted", async () => {
    const { pollTick, db } = await load();
    const tts = await insertGeneration({
      model: "T0311001",
      mode: "speech",
      status: "queued",
      submittedAt: new Date(Date.now() - 100_000),
      attempts: 1,
      nextPollAt: null,
    });
    const video = await insertGeneration({
      status: "queued",
      submittedAt: new Date(Date.now() - 40_000),
      attempts: 1,
      nextPollAt: null,
      requestIds: JSON.stringify(["rid-sent"]),
    });
    await pollTick();
    expect((await db().generation.findUniqueOrThrow({ where: { id: tts } })).status).toBe("queued");
    const v = await db().generation.findUniqueOrThrow({ where: { id: video } });
    expect(v).toMatchObject({ status: "failed", errorCode: "SubmitInterrupted" });
    expect(JSON.parse(v.requestIds)).toContain("rid-sent");
    await db().generation.delete({ where: { id: tts } });
  });

  it("stores the create's requestId before sending it, and a late answer revives a SubmitInterrupted record (task id, errors cleared)", async () => {
    const { createGeneration, getGeneration, pollTick, db } = await load();
    const held = gate();
    proxy.state.handler = async (r, forward) => {
      if (isCreate(r) && r.body.includes("late answer")) await held.p;
      return forward();
    };
    const pending = createGeneration({ model: "T0401001", mode: "text-to-video", prompt: "late answer" }, TEST_SCOPE);
    await until(
      async () => proxy.state.log.find((r) => isCreate(r) && r.body.includes("late answer")),
      (r) => !!r,
    );
    const sent = proxy.state.log.find((r) => isCreate(r) && r.body.includes("late answer"))!;
    const row = (await until(
      () => db().generation.findFirst({ where: { prompt: "late answer" } }),
      (x) => !!x?.submittedAt,
    ))!;
    expect(JSON.parse(row.requestIds)).toEqual([requestIdOf(sent)]);
    // The engine gives up on it (as if the window had passed), then TD's answer arrives after all.
    await db().generation.update({ where: { id: row.id }, data: { submittedAt: new Date(Date.now() - 60_000) } });
    await pollTick();
    expect((await db().generation.findUniqueOrThrow({ where: { id: row.id } })).errorCode).toBe("SubmitInterrupted");
    held.open();
    const created = await pending;
    proxy.state.handler = undefined;
    expect(created).toMatchObject({ status: "running", upstreamTaskId: expect.any(String) });
    expect(created.error).toBeUndefined();
    expect(created.finishedAt).toBeUndefined();
    const done = await until(
      () => getGeneration(TEST_SCOPE, row.id),
      (x) => x.status === "succeeded",
    );
    expect(done.error).toBeUndefined();
    expect(done.requestIds[0]).toBe(requestIdOf(sent));
  });

  it("a late synchronous (TTS) answer also revives a SubmitInterrupted record with its audio", async () => {
    const { createGeneration, pollTick, db } = await load();
    const held = gate();
    proxy.state.handler = async (r, forward) => {
      if (isCreate(r) && r.body.includes("慢慢说")) await held.p;
      return forward();
    };
    const pending = createGeneration({ model: "T0311001", mode: "speech", prompt: "慢慢说" }, TEST_SCOPE);
    const row = (await until(
      () => db().generation.findFirst({ where: { prompt: "慢慢说" } }),
      (x) => JSON.parse(x?.requestIds ?? "[]").length === 1,
    ))!;
    await db().generation.update({ where: { id: row.id }, data: { submittedAt: new Date(Date.now() - 200_000) } });
    await pollTick();
    expect((await db().generation.findUniqueOrThrow({ where: { id: row.id } })).errorCode).toBe("SubmitInterrupted");
    held.open();
    const g = await pending;
    proxy.state.handler = undefined;
    expect(g.status).toBe("succeeded");
    expect(g.error).toBeUndefined();
    expect(g.outputs[0].asset.archiveState).toBe("archived");
  });

  it("recordFailure only overwrites an active record", async () => {
    const { createGeneration, getGeneration, recordFailure } = await load();
    const g = await createGeneration({ model: "T0311001", mode: "speech", prompt: "你好" }, TEST_SCOPE);
    expect(g.status).toBe("succeeded");
    expect(await recordFailure(g.id, { code: "SubmitUncertain", message: "too late", requestIds: [] })).toBe(false);
    expect((await getGeneration(TEST_SCOPE, g.id)).status).toBe("succeeded");
  });

  it("sends a never-sent record after a restart only while recent; an old one fails with NotSent", async () => {
    const { pollTick, db } = await load();
    const creates = emu.tasks.creates;
    const old = await insertGeneration({
      status: "queued",
      createdAt: new Date(Date.now() - 120_000),
      prompt: "old unsent",
    });
    const recent = await insertGeneration({
      status: "queued",
      createdAt: new Date(Date.now() - 10_000),
      prompt: "recent unsent",
    });
    await pollTick();
    expect(await db().generation.findUniqueOrThrow({ where: { id: old } })).toMatchObject({
      status: "failed",
      errorCode: "NotSent",
      submittedAt: null,
    });
    expect((await db().generation.findUniqueOrThrow({ where: { id: recent } })).upstreamTaskId).toBeTruthy();
    expect(emu.tasks.creates).toBe(creates + 1);
  });

  it("queues a create refused with 429 again after Retry-After, and it then succeeds", async () => {
    const { createGeneration, getGeneration } = await load();
    let refused = 0;
    proxy.state.handler = async (r, forward) => {
      if (isCreate(r) && r.body.includes("capacity please") && refused++ === 0) {
        return {
          status: 429,
          headers: { "content-type": "application/json", "retry-after": "2" },
          body: JSON.stringify({ code: "Throttling.RateQuota", message: "slow down" }),
        };
      }
      return forward();
    };
    const t0 = Date.now();
    const g = await createGeneration(
      { model: "T0401001", mode: "text-to-video", prompt: "capacity please" },
      TEST_SCOPE,
    );
    expect(g).toMatchObject({ status: "queued", phase: "waiting_capacity", upstreamStatus: "waiting_capacity" });
    const done = await until(
      () => getGeneration(TEST_SCOPE, g.id),
      (x) => x.status === "succeeded",
      15_000,
    );
    proxy.state.handler = undefined;
    const creates = proxy.state.log.filter((r) => isCreate(r) && r.body.includes("capacity please"));
    expect(creates).toHaveLength(2);
    expect(new Date(done.submittedAt!).getTime() - t0).toBeGreaterThanOrEqual(1900);
    expect(done.error).toBeUndefined();
    expect(done.requestIds).toContain(requestIdOf(creates[0]));
  });

  it("a poll in flight does not make the poller spin: it sleeps until a poll it could claim is due", async () => {
    const { createGeneration, getGeneration } = await load();
    const { onDbQuery } = await import("@/lib/db");
    const held = gate();
    let holding = 0;
    proxy.state.handler = async (r, forward) => {
      if (!isCreate(r) && !r.path.startsWith("/files/")) {
        holding++;
        await held.p;
      }
      return forward();
    };
    const statements: string[] = [];
    try {
      const g = await createGeneration(
        { model: "T0401001", mode: "text-to-video", prompt: "a status call that hangs" },
        TEST_SCOPE,
      );
      await until(
        async () => holding,
        (n) => n > 0,
      );
      // The row is leased and overdue while its call hangs: the loop must not take that as "due now" again and again.
      const off = onDbQuery((q) => statements.push(q));
      await new Promise((r) => setTimeout(r, 1500));
      off();
      held.open();
      proxy.state.handler = undefined;
      await until(
        () => getGeneration(TEST_SCOPE, g.id),
        (x) => x.status === "succeeded",
      );
    } finally {
      held.open();
      proxy.state.handler = undefined;
    }
    // Idle passes (here every 100 ms: recovery, a claim, the next-due lookup) are tens of statements; a spin is hundreds.
    expect(statements.filter((q) => q.includes("Generation")).length).toBeLessThan(120);
  });

  it("finishes an unknown task id as failed with its code (DashScope UNKNOWN, Ark 404, VOD TaskId)", async () => {
    const { db } = await load();
    const dash = await insertGeneration({ upstreamTaskId: "no-such-task", submittedAt: new Date() });
    const ark = await insertGeneration({ model: "T0101007", upstreamTaskId: "no-such-task", submittedAt: new Date() });
    const vod = await insertGeneration({
      model: "T0302007",
      mode: "text-to-image",
      upstreamTaskId: "no-such-task",
      submittedAt: new Date(),
    });
    const read = (id: string) => db().generation.findUniqueOrThrow({ where: { id } });
    expect(
      await until(
        () => read(dash),
        (g) => g.status !== "running",
      ),
    ).toMatchObject({ status: "failed", errorCode: "UNKNOWN" });
    expect(
      await until(
        () => read(ark),
        (g) => g.status !== "running",
      ),
    ).toMatchObject({ status: "failed", errorCode: "NotFound.Task" });
    expect(
      await until(
        () => read(vod),
        (g) => g.status !== "running",
      ),
    ).toMatchObject({ status: "failed", errorCode: "InvalidParameterValue.TaskId" });
  });

  it("finishes a task whose model left the catalog as failed (ModelUnavailable) instead of re-leasing it", async () => {
    const { db } = await load();
    const id = await insertGeneration({ model: "T0999999", upstreamTaskId: "abc", submittedAt: new Date() });
    const g = await until(
      () => db().generation.findUniqueOrThrow({ where: { id } }),
      (x) => x.status !== "running",
    );
    expect(g).toMatchObject({ status: "failed", errorCode: "ModelUnavailable", leaseOwner: null });
  });

  it("logs an undocumented upstream status with its raw value and keeps the task running", async () => {
    const { createGeneration, getGeneration } = await load();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    let rewrite = true;
    proxy.state.handler = async (r, forward) => {
      const a = await forward();
      if (rewrite && r.method === "GET" && r.path.includes("/tasks/"))
        return { ...a, body: a.body.toString().replace(/"task_status":"[A-Z]+"/, '"task_status":"WAITING_FOR_GPU"') };
      return a;
    };
    const g = await createGeneration({ model: "T0401001", mode: "text-to-video", prompt: "odd status" }, TEST_SCOPE);
    const odd = await until(
      () => getGeneration(TEST_SCOPE, g.id),
      (x) => x.upstreamStatus === "WAITING_FOR_GPU",
    );
    expect(odd.status).toBe("running");
    expect(odd.error).toBeUndefined();
    expect(warn.mock.calls.some((c) => String(c[0]).includes('"WAITING_FOR_GPU"'))).toBe(true);
    rewrite = false;
    proxy.state.handler = undefined;
    expect(
      (
        await until(
          () => getGeneration(TEST_SCOPE, g.id),
          (x) => x.status === "succeeded",
        )
      ).status,
    ).toBe("succeeded");
    warn.mockRestore();
  });

  it("archive claims: renewal and the failure write only apply while the claim is ours", async () => {
    const { createGeneration, getGeneration, db, archive } = await load();
    const id = randomUUID();
    const lease = new Date(Date.now() + 30_000);
    await db().asset.create({
      data: {
        id,
        kind: "video",
        origin: "output",
        archiveState: "archiving",
        archiveClaim: "theirs",
        nextArchiveAt: lease,
      },
    });
    expect(await archive.renewArchiveClaim(id, "mine")).toBe(false);
    expect((await db().asset.findUniqueOrThrow({ where: { id } })).nextArchiveAt?.getTime()).toBe(lease.getTime());

    // Our download is slow; meanwhile another process takes the claim over and saves the file.
    const held = gate();
    let taken = false;
    proxy.state.handler = async (r, forward) => {
      if (!r.path.startsWith("/files/") || taken) return forward();
      taken = true;
      await held.p;
      return { status: 500, body: "{}" };
    };
    const g = await createGeneration(
      { model: "T0401001", mode: "text-to-video", prompt: "claim taken over" },
      TEST_SCOPE,
    );
    const saving = await until(
      () => getGeneration(TEST_SCOPE, g.id),
      (x) => x.outputs[0]?.asset.archiveState === "archiving" && taken,
    );
    const assetId = saving.outputs[0].assetId;
    await db().asset.update({
      where: { id: assetId },
      data: {
        archiveState: "archived",
        archiveClaim: null,
        storageKey: `outputs/${g.id}/${assetId}.mp4`,
        nextArchiveAt: null,
      },
    });
    held.open();
    await until(
      () => getGeneration(TEST_SCOPE, g.id),
      (x) => x.status !== "running",
    );
    proxy.state.handler = undefined;
    const asset = await db().asset.findUniqueOrThrow({ where: { id: assetId } });
    expect(asset.archiveState).toBe("archived");
    expect(asset.archiveError).toBeNull();
    expect((await getGeneration(TEST_SCOPE, g.id)).status).toBe("succeeded");
  });

  // Last: it pauses the whole poller.
  it("a rejected key (401) on a poll pauses polling instead of re-polling, and says so in the log", async () => {
    const { createGeneration } = await load();
    // The engine logs through lib/log, which writes its lines to stdout.
    const error = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    proxy.state.handler = async (r, forward) => {
      if (r.method === "GET" && r.path.includes("/tasks/"))
        return { status: 401, body: JSON.stringify({ code: "InvalidApiKey", message: "Invalid API-key provided." }) };
      return forward();
    };
    const g = await createGeneration({ model: "T0401001", mode: "text-to-video", prompt: "key revoked" }, TEST_SCOPE);
    const polls = () =>
      proxy.state.log.filter((r) => r.method === "GET" && r.path.includes(`/tasks/${g.upstreamTaskId}`)).length;
    await until(
      async () => polls(),
      (n) => n >= 1,
    );
    await new Promise((r) => setTimeout(r, 1500));
    expect(polls()).toBe(1);
    expect(error.mock.calls.some((c) => String(c[0]).includes("polling paused"))).toBe(true);
    proxy.state.handler = undefined;
    error.mockRestore();
  });
});
