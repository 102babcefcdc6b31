import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getModeSpec } from "@/lib/catalog";
import { checkPrompt } from "@/lib/catalog/prompt";
import { arkCreateBody } from "@/lib/td/ark";
import { deepseekChatBody, gpt54ChatBody } from "@/lib/td/chat-schema";
import { dashScopeCreateBody } from "@/lib/td/dashscope";
import { gptImageBody } from "@/lib/td/vod-image";
import { gvBody } from "@/lib/td/vod-video";
import { ttsBody } from "@/lib/td/vod-tts";
import { happyHorsePromptTruncated } from "@/emulator/spec/happyhorse";
import { rawCall, withEmulator } from "../integration/helpers";
import { ALL_CREATE_EXAMPLES, VOD_QUERY_EXAMPLES, type DocExample } from "./doc-examples";
import { LIMIT_CASES, type Call } from "./limit-cases";

// Issue #10 §1: the emulator is an independent witness. It models the vendor from shared/td-api/ and imports
// nothing of the studio; this test is the referee. (a) Every documented request example is accepted over real
// HTTP. (b) For every documented limit, a value just inside and just outside goes through the studio's validation
// (catalog, lib/td builders and body schemas) and through the emulator: both must agree, and agree with the doc.

const t = withEmulator({ chatFirstTokenMs: 0, chatChunkMs: 0 });

async function send(c: { path: string; body?: unknown; action?: string; method?: string }) {
  return rawCall(
    t.emu.url,
    c.method ?? "POST",
    `${c.path}?requestId=${randomUUID()}`,
    c.body,
    c.action ? { "X-TC-Action": c.action } : {},
  );
}

type Answer = Awaited<ReturnType<typeof send>>;

/** Accepted: HTTP 200 without an error body (VOD errors are HTTP 200 with Response.Error). */
function accepted(r: Answer): boolean {
  if (r.status !== 200) return false;
  if (r.json === undefined) return r.text.includes("data: [DONE]");
  return !r.json.error && !r.json.Response?.Error && (r.json.Response?.ErrorCode ?? 0) === 0;
}

const why = (r: Answer) => `HTTP ${r.status} ${r.text.slice(0, 300)}`;

/** The studio's own wire schema for the example's family (lib/td): it too must take the doc's examples. */
function studioSchemaAccepts(e: DocExample): boolean | undefined {
  const b = e.body as { model?: string };
  if (e.path.endsWith("/video-synthesis")) return dashScopeCreateBody.safeParse(b).success;
  if (e.path.endsWith("/generations/tasks")) return arkCreateBody.safeParse(b).success;
  if (e.path.endsWith("/chat/completions"))
    return (b.model === "T0310001" ? gpt54ChatBody : deepseekChatBody).safeParse(b).success;
  if (e.action === "T0302007") return gptImageBody.safeParse(b).success;
  if (e.action === "T0301004") return gvBody.safeParse(b).success;
  if (e.action === "T0311001") return ttsBody.safeParse(b).success;
  return undefined;
}

describe("(a) every documented request example is accepted", () => {
  for (const e of ALL_CREATE_EXAMPLES) {
    it(`${e.name} (${e.doc})`, async () => {
      const r = await send(e);
      expect(accepted(r), `the emulator refused the doc's example ${e.name} (${e.doc}): ${why(r)}`).toBe(true);
      expect(
        studioSchemaAccepts(e) ?? true,
        `the studio's wire schema refuses the doc's example ${e.name} (${e.doc})`,
      ).toBe(true);
      // The follow-up calls each doc shows: query (and for Seedance, cancel; for assets, GetAsset).
      if (e.path.endsWith("/video-synthesis")) {
        const q = await send({ method: "GET", path: `/model/openai/api/v3/tasks/${r.json.output.task_id}` });
        expect(q.json?.output?.task_status, why(q)).toMatch(/^(PENDING|RUNNING|SUCCEEDED)$/);
      } else if (e.path.endsWith("/generations/tasks")) {
        const q = await send({ method: "GET", path: `${e.path}/${r.json.id}` });
        expect(q.json?.status, why(q)).toMatch(/^(queued|running|succeeded)$/);
        const d = await send({ method: "DELETE", path: `${e.path}/${r.json.id}` });
        expect([200, 403], why(d)).toContain(d.status);
      } else if (e.path.endsWith("/assets/create")) {
        const g = await send({ path: `/model/origin/assets/get`, body: undefined, method: "POST" });
        expect(g.status, "GetAsset without id is refused").toBe(400);
        const got = await rawCall(
          t.emu.url,
          "POST",
          `/model/origin/assets/get?id=${encodeURIComponent(r.json.Result.Id)}`,
        );
        expect(got.json?.Result?.Status, why(got)).toMatch(/^(Processing|Active)$/);
      } else if (e.action === "T0302007" || e.action === "T0301004") {
        const query = VOD_QUERY_EXAMPLES.find((x) => x.name.startsWith(e.name.split(" create")[0]))!;
        const q = await send({ path: e.path, body: { ...query.example, TaskId: r.json.Response.TaskId } });
        expect(q.json?.Response?.Status, `${query.name} (${query.doc}): ${why(q)}`).toMatch(/^(PROCESSING|FINISH)$/);
      }
    });
  }
});

describe("(b) the studio and the emulator agree on every documented limit", () => {
  it(`covers ${LIMIT_CASES.length} limits`, () => {
    expect(LIMIT_CASES.length).toBeGreaterThanOrEqual(60);
  });

  for (const c of LIMIT_CASES) {
    it(`${c.limit} (${c.doc})`, async () => {
      const disagreements: string[] = [];
      const values = [...c.inside.map((v) => ({ v, doc: true })), ...c.outside.map((v) => ({ v, doc: false }))];
      for (const { v, doc } of values) {
        const studio = await c.studio(v);
        let emulator: boolean;
        let detail = "";
        if (c.call) {
          const r = await send((await c.call(v)) as Call);
          emulator = accepted(r);
          detail = emulator ? "" : ` — ${why(r)}`;
        } else emulator = c.rule!(v);
        if (studio !== doc || emulator !== doc) {
          const word = (ok: boolean) => (ok ? "accepts" : "refuses");
          disagreements.push(
            `${c.limit} (shared/td-api/${c.doc}): ${JSON.stringify(v)} is ${doc ? "inside" : "outside"} the documented limit; the studio ${word(studio)} it, the emulator ${word(emulator)} it${detail}`,
          );
        }
      }
      expect(disagreements, disagreements.join("\n")).toEqual([]);
    });
  }

  // "超出部分将自动截断": past the limit HappyHorse truncates, it does not refuse. The studio warns (checkPrompt.over);
  // both must put the limit at the same place, and the emulator must take the long prompt.
  it("HappyHorse prompt ≤ 2500 Chinese or 5000 other characters, truncated beyond (T0401001-yunzhu51-happyhorse-text-to-video.md:55)", async () => {
    const spec = getModeSpec("T0401001", "text-to-video")!.prompt;
    const prompts = [
      { p: "猫".repeat(2500), over: false },
      { p: "猫".repeat(2501), over: true },
      { p: "a".repeat(5000), over: false },
      { p: "a".repeat(5001), over: true },
      { p: "猫".repeat(1250) + "a".repeat(2500), over: false },
      { p: "猫".repeat(1250) + "a".repeat(2501), over: true },
    ];
    for (const { p, over } of prompts) {
      const what = `${[...p].length} characters (${p.startsWith("猫") ? "Chinese" : "other"} first)`;
      expect(checkPrompt(spec, p).over, `studio: ${what}`).toBe(over);
      expect(happyHorsePromptTruncated(p), `emulator: ${what}`).toBe(over);
      const r = await send({
        path: "/model/openai/api/v3/video-generation/video-synthesis",
        body: { model: "T0401001", input: { prompt: p } },
      });
      expect(accepted(r), `the emulator must truncate, not refuse: ${why(r)}`).toBe(true);
    }
  });
});
