import { describe, expect, it } from "vitest";
import { CATALOG, getModeSpec } from "@/lib/catalog";
import { MODEL_KINDS } from "@/lib/catalog/kinds";
import {
  actual,
  actualUnits,
  costOf,
  estimate,
  estimateUnits,
  roundMoney,
  unitOf,
  unitPrice,
  type PriceTable,
} from "@/lib/catalog/units";

// Units per model from the answers in shared/td-api (verbatim shapes), estimates from the catalog's defaults.

const defaults = (model: string, mode: string) =>
  getModeSpec(model, mode as never)!.params.parse({}) as Record<string, unknown>;

const PRICES: PriceTable = {
  currency: "CNY",
  items: [
    { model: "T0401001", unit: "video_second", price: 0.6 },
    { model: "T0401001", unit: "video_second", price: 1, when: { resolution: "1080P" } },
    { model: "T0101007", unit: "video_second", price: 0.35 },
    { model: "T0302007", unit: "image", price: 0.2, when: { quality: "low" } },
    { model: "T0302007", unit: "image", price: 0.5 },
    { model: "T0302007", unit: "image", price: 1.2, when: { quality: "high", resolution: "4K" } },
    { model: "T0311001", unit: "character", price: 0.0002 },
    { model: "T0310001", unit: "input_token", price: 0.000002 },
    { model: "T0310001", unit: "output_token", price: 0.000008 },
    { model: "T0310001", unit: "reasoning_token", price: 0.000008 },
  ],
};

describe("units per model", () => {
  it("the browser's kind table is the catalog's", () => {
    expect(MODEL_KINDS).toEqual(Object.fromEntries(CATALOG.map((m) => [m.id, m.kind])));
  });

  it("names the unit of every kind", () => {
    expect(unitOf("T0401001")).toBe("video_second");
    expect(unitOf("T0101007")).toBe("video_second");
    expect(unitOf("T0301004")).toBe("video_second");
    expect(unitOf("T0302007")).toBe("image");
    expect(unitOf("T0311001", "speech")).toBe("character");
    expect(unitOf("T0311001", "voice-clone")).toBe("voice_clone");
    expect(unitOf("T0310001", "chat")).toBe("output_token");
    expect(unitOf("T9999999")).toBeUndefined();
  });

  it("HappyHorse: estimate from duration, actual from usage.duration (doc answer) at the reported SR", () => {
    const p = defaults("T0401001", "text-to-video");
    expect(estimateUnits("T0401001", "text-to-video", p)).toEqual({ video_second: 5 });
    expect(estimateUnits("T0401001", "text-to-video", { ...p, duration: 12 }, { batch: 3 })).toEqual({
      video_second: 36,
    });
    // The doc's query answer: asked 1080P (the default), the answer reports SR 720.
    const usage = { duration: 5, output_video_duration: 5, video_count: 1, SR: 720, ratio: "16:9" };
    const a = actual("T0401001", { mode: "text-to-video", params: p, usage }, PRICES);
    expect(a.units).toEqual({ video_second: 5 });
    expect(a.cost).toBe(3); // 5 s × 0.6 (720P), not 1.0 (1080P)
  });

  it("Seedance: -1 reserves the worst case (15 s); actual from the answer's duration", () => {
    const p = defaults("T0101007", "text-to-video");
    expect(estimateUnits("T0101007", "text-to-video", p)).toEqual({ video_second: 5 });
    expect(estimateUnits("T0101007", "text-to-video", { ...p, duration: -1 })).toEqual({ video_second: 15 });
    const usage = { completion_tokens: 108900, total_tokens: 108900, tool_usage: { web_search: 1 } };
    const u = actualUnits("T0101007", {
      mode: "text-to-video",
      params: { ...p, duration: -1 },
      usage,
      outputs: [{ kind: "video", role: "video", durationSeconds: 5 }],
    });
    expect(u).toEqual({ video_second: 5 });
  });

  it("GV: 8 s (the doc's Duration), no duration parameter", () => {
    const p = defaults("T0301004", "text-to-video");
    expect(estimateUnits("T0301004", "text-to-video", p)).toEqual({ video_second: 8 });
    expect(
      actualUnits("T0301004", { mode: "text-to-video", params: p, outputs: [{ kind: "video", durationSeconds: 8 }] }),
    ).toEqual({ video_second: 8 });
    // A fraction of a second counts as a started second.
    expect(
      actualUnits("T0301004", {
        mode: "text-to-video",
        params: p,
        outputs: [{ kind: "video", durationSeconds: 8.04 }],
      }),
    ).toEqual({ video_second: 9 });
  });

  it("GPT Image: one image per generation, priced by quality and size class (most specific wins)", () => {
    const p = defaults("T0302007", "text-to-image");
    expect(estimate("T0302007", "text-to-image", p, 4, { prices: PRICES })).toEqual({
      units: 4,
      unit: "image",
      cost: 2,
      currency: "CNY",
    });
    expect(unitPrice(PRICES, "T0302007", "image", { quality: "low", resolution: "2K" })).toBe(0.2);
    expect(unitPrice(PRICES, "T0302007", "image", { quality: "high", resolution: "4K" })).toBe(1.2);
    expect(unitPrice(PRICES, "T0302007", "image", { quality: "high", resolution: "2K" })).toBe(0.5);
  });

  it("TTS: characters of the text (code points, so 中文 counts once per character); clone: one clone", () => {
    const p = defaults("T0311001", "speech");
    expect(estimateUnits("T0311001", "speech", p, { prompt: "你好，世界 hi" })).toEqual({ character: 8 });
    expect(actual("T0311001", { mode: "speech", params: p, prompt: "𠮷野家" }, PRICES)).toEqual({
      units: { character: 3 },
      cost: 0.0006,
    });
    expect(actualUnits("T0311001", { mode: "voice-clone", params: {} })).toEqual({ voice_clone: 1 });
  });

  it("chat: input, output and reasoning tokens from the usage chunk", () => {
    const usage = {
      prompt_tokens: 7,
      completion_tokens: 13,
      total_tokens: 20,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0 },
    };
    expect(actualUnits("T0310001", { mode: "chat", params: {}, usage })).toEqual({ input_token: 7, output_token: 13 });
    const thinking = { ...usage, completion_tokens: 1013, completion_tokens_details: { reasoning_tokens: 1000 } };
    const a = actual("T0310001", { mode: "chat", params: {}, usage: thinking }, PRICES);
    expect(a.units).toEqual({ input_token: 7, output_token: 13, reasoning_token: 1000 });
    expect(a.cost).toBe(roundMoney(7 * 0.000002 + 13 * 0.000008 + 1000 * 0.000008));
    expect(a.cost).toBe(0.0081);
  });
});

describe("cost", () => {
  it("is undefined without a price (units are still known), 0 for nothing used", () => {
    expect(estimate("T0401002", "first-frame", { duration: 5 }, 1, { prices: PRICES })).toEqual({
      units: 5,
      unit: "video_second",
    });
    expect(costOf(PRICES, "T0401002", { video_second: 0 }, {})).toBe(0);
  });

  it("rounds money to 1/10000 (no float dust)", () => {
    expect(roundMoney(0.1 + 0.2)).toBe(0.3);
    expect(costOf(PRICES, "T0101007", { video_second: 3 }, {})).toBe(1.05);
  });

  it("a resolution class matches case-insensitively and the batch multiplies", () => {
    const e = estimate("T0401001", "text-to-video", { resolution: "1080p", duration: 10 }, 2, { prices: PRICES });
    expect(e).toEqual({ units: 20, unit: "video_second", cost: 20, currency: "CNY" });
  });
});
