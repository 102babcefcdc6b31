import { describe, expect, it } from "vitest";
import { CATALOG, getModeSpec } from "@/lib/catalog";
import { MINIMAX_SYSTEM_VOICES, TTS_LANGUAGES } from "@/lib/catalog/minimax-tts";
import { parseParams } from "@/lib/catalog/validate";
import { TdError } from "@/lib/td/errors";
import { VOD_JOB_PATH, VodClient } from "@/lib/td/vod";
import { buildTtsBody, parseTtsAnswer, ttsBody, type TtsBody } from "@/lib/td/vod-tts";
import { rawCall, withEmulator } from "./helpers";
import { DOC_TTS_ANSWER, DOC_TTS_REQUEST } from "../helpers/td-vod-examples";

// MiniMax speech 2.8 HD (T0311001): synchronous TTS and voice cloning on the VOD job URL.

const t = withEmulator();
const client = () => new VodClient(t.http);
const PATH = `${VOD_JOB_PATH}?requestId=550e8400-e29b-41d4-a716-446655440000`;
const call = (body: unknown) => rawCall(t.emu.url, "POST", PATH, body, { "X-TC-Action": "T0311001" });
const tts = (body: TtsBody, timeoutMs = 5000) => client().tts(body, { timeoutMs });
const SHORT = JSON.stringify({ synExt: { duration: 1 } });

/** RIFF/WAVE header → sample rate and length. */
function wav(bytes: Buffer) {
  expect(bytes.toString("latin1", 0, 4)).toBe("RIFF");
  expect(bytes.toString("latin1", 8, 12)).toBe("WAVE");
  const rate = bytes.readUInt32LE(24);
  return { rate, seconds: bytes.readUInt32LE(40) / (rate * bytes.readUInt16LE(32)) };
}

describe("VOD job family · MiniMax speech 2.8 HD (T0311001)", () => {
  it("accepts the doc's request example and answers at once with a base64 WAV, as in the doc", async () => {
    const res = await call(DOC_TTS_REQUEST);
    expect(res.status).toBe(200);
    const a = res.json.Response;
    expect(Object.keys(a).sort()).toEqual([...Object.keys(DOC_TTS_ANSWER.Response), "ExtInfo"].sort());
    expect(a).toMatchObject({
      ErrorCode: 0,
      Msg: "success",
      VoiceId: DOC_TTS_REQUEST.VoiceId,
      RequestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    const w = wav(Buffer.from(a.AudioData, "base64"));
    expect(w.rate).toBe(16000);
    expect(JSON.parse(a.ExtInfo).duration).toBeCloseTo(w.seconds, 3);
    expect(ttsBody.safeParse(DOC_TTS_REQUEST).success).toBe(true);
  });

  it("honours synExt.sampleRate, pitch and duration (ExtParam as a JSON string)", async () => {
    const body = buildTtsBody("speech", "今天天气很好", {
      language: "zh",
      sampleRate: 22050,
      pitch: 3,
      durationSeconds: 2,
    });
    const r = await tts(body);
    const out = parseTtsAnswer(r.data);
    expect(out.audio).toMatchObject({ mime: "audio/wav", durationSeconds: 2 });
    expect(wav(out.audio!.data!)).toEqual({ rate: 22050, seconds: 2 });
    expect(out.voiceId).toBe(MINIMAX_SYSTEM_VOICES[0].id);
    // The doc names the keys synExt.sampleRate etc.: dotted keys are read too.
    const dotted = await tts({
      Text: "hi",
      ExtParam: JSON.stringify({ "synExt.sampleRate": 8000, "synExt.duration": 1 }),
    });
    expect(wav(Buffer.from(dotted.data.AudioData!, "base64"))).toEqual({ rate: 8000, seconds: 1 });
  });

  it("answers Output.Type url with a WAV link that lives 24 h", async () => {
    const r = await tts(buildTtsBody("speech", "hello", { outputType: "url", durationSeconds: 1 }));
    expect(r.data.AudioData).toBeUndefined();
    const expires = Number(new URL(r.data.AudioUrl!).searchParams.get("Expires"));
    expect(expires * 1000 - Date.now()).toBeGreaterThan(23.9 * 3600_000);
    const out = parseTtsAnswer(r.data);
    expect(out.audio!.expiresAt!.getTime() - Date.now()).toBeGreaterThan(23.9 * 3600_000);
    const file = await fetch(r.data.AudioUrl!);
    expect(file.headers.get("content-type")).toBe("audio/wav");
    expect(wav(Buffer.from(await file.arrayBuffer())).rate).toBe(16000);
  });

  it("clones a voice from AudioData, then speaks with the returned VoiceId", async () => {
    const sample = (await tts({ Text: "a voice sample to clone", ExtParam: SHORT })).data.AudioData!;
    const body = buildTtsBody(
      "voice-clone",
      undefined,
      {
        cloneLanguage: "zh",
        timeRanges: [[0, 1]],
        voiceName: "clone-test",
        voiceGender: "female",
        voiceAge: "middle_aged",
        voiceLabels: ["磁性"],
      },
      `data:audio/wav;base64,${sample}`,
    );
    expect(body).toMatchObject({
      AudioData: sample,
      AudioLang: "zh",
      VoiceProfile: { Name: "clone-test", Gender: "female", Age: "middle_aged", Labels: ["磁性"] },
    });
    const cloned = await tts(body);
    expect(cloned.data).toMatchObject({
      ErrorCode: 0,
      Msg: "success",
      VoiceId: expect.stringMatching(/^s1_[A-Za-z0-9+/=]{88}$/),
    });
    expect(cloned.data.AudioData).toBeUndefined();
    const spoken = await tts(
      buildTtsBody("speech", "用克隆的声音说话", { voiceId: cloned.data.VoiceId, durationSeconds: 1 }),
    );
    expect(spoken.data.VoiceId).toBe(cloned.data.VoiceId);
    expect(wav(Buffer.from(spoken.data.AudioData!, "base64")).seconds).toBe(1);
    // Clone and speak in one call.
    const both = await tts({ ...body, Text: "一次完成", ExtParam: SHORT });
    expect(both.data.VoiceId).not.toBe(cloned.data.VoiceId);
    expect(both.data.AudioData).toBeTruthy();
  });

  it("clones a voice from AudioUrl", async () => {
    const url = (await tts(buildTtsBody("speech", "sample", { outputType: "url", durationSeconds: 1 }))).data.AudioUrl!;
    const body = buildTtsBody("voice-clone", undefined, {}, url);
    expect(body).toStrictEqual({ AudioUrl: url });
    const cloned = await tts(body);
    expect(cloned.data.VoiceId).toMatch(/^s1_/);
    const gone = await call({
      AudioUrl: `${t.emu.url}/files/00000000-0000-0000-0000-000000000000.wav?Expires=1&Signature=x`,
    });
    expect(gone.json.Response.Error.Code).toBe("FailedOperation");
  });

  it("knows the system voices and refuses an unknown VoiceId with ResourceNotFound", async () => {
    for (const v of MINIMAX_SYSTEM_VOICES.slice(0, 2))
      expect((await tts({ Text: "hi", VoiceId: v.id, ExtParam: SHORT })).data.VoiceId).toBe(v.id);
    const res = await call({ Text: "hi", VoiceId: "s1_not-a-voice" });
    expect(res.status).toBe(200);
    expect(res.json.Response.Error).toMatchObject({
      Code: "ResourceNotFound",
      Message: expect.stringContaining("s1_not-a-voice"),
    });
    await expect(tts({ Text: "hi", VoiceId: "nobody" })).rejects.toMatchObject({
      family: "vod",
      code: "ResourceNotFound",
      retryable: false,
    });
  });

  it.each([
    ["a Text of 2001 characters", { Text: "字".repeat(2001) }, "InvalidParameterValue"],
    ["an unknown TextLang", { Text: "hi", TextLang: "xx" }, "InvalidParameterValue"],
    ["an unknown AudioLang", { Text: "hi", AudioLang: "hu" }, "InvalidParameterValue"],
    ["an ExtParam that is not JSON", { Text: "hi", ExtParam: "sampleRate=8000" }, "InvalidParameter"],
    [
      "an ExtParam object instead of a string",
      { Text: "hi", ExtParam: { synExt: { sampleRate: 8000 } } },
      "InvalidParameter",
    ],
    [
      "sampleRate 12345",
      { Text: "hi", ExtParam: JSON.stringify({ synExt: { sampleRate: 12345 } }) },
      "InvalidParameterValue",
    ],
    ["pitch 13", { Text: "hi", ExtParam: JSON.stringify({ synExt: { pitch: 13 } }) }, "InvalidParameterValue"],
    ["pitch −13", { Text: "hi", ExtParam: JSON.stringify({ synExt: { pitch: -13 } }) }, "InvalidParameterValue"],
    [
      "a time range that ends before it starts",
      { AudioUrl: "https://example.com/a.wav", ExtParam: JSON.stringify({ cloneExt: { timeRanges: [[5, 2]] } }) },
      "InvalidParameterValue",
    ],
    ["an unknown parameter", { Text: "hi", Speed: 2 }, "UnknownParameter"],
    ["neither Text nor clone audio", { VoiceId: MINIMAX_SYSTEM_VOICES[0].id }, "MissingParameter"],
    ["Output.Type file", { Text: "hi", Output: { Type: "file" } }, "InvalidParameterValue"],
    ["AudioData that is not base64", { AudioData: "data:audio/wav;base64,UklGRg==" }, "InvalidParameterValue"],
    [
      "AudioData that is not audio",
      { AudioData: Buffer.from("just some text, not a wav file").toString("base64") },
      "InvalidParameterValue",
    ],
    ["an AudioUrl that is base64", { AudioUrl: "data:audio/wav;base64,UklGRg==" }, "InvalidParameterValue"],
    [
      "VoiceProfile.Gender other",
      { AudioUrl: "https://example.com/a.wav", VoiceProfile: { Gender: "other" } },
      "InvalidParameterValue",
    ],
    ["a Text that is a number", { Text: 42 }, "InvalidParameter"],
  ])("rejects %s", async (_name, body, code) => {
    const res = await call(body);
    expect(res.status).toBe(200);
    expect(res.json.Response.Error?.Code).toBe(code);
  });

  it("accepts exactly 2000 characters, counted as characters", async () => {
    const res = await call({ Text: "字".repeat(2000), ExtParam: SHORT });
    expect(res.json.Response.ErrorCode).toBe(0);
  });

  it("sends a TTS call once, bounded by the caller's timeout", async () => {
    const n = t.emu.log.length;
    const err = await tts({ Text: "x [[fault:500]]" }).catch((e) => e);
    expect(err).toMatchObject({ name: "TdError", httpStatus: 500, retryable: true });
    expect(t.emu.log.slice(n).filter((l) => l.op === "tts")).toHaveLength(1);
    const started = Date.now();
    const slow = await tts({ Text: "x [[fault:hang]]" }, 300).catch((e) => e);
    expect(slow).toBeInstanceOf(TdError);
    expect(slow).toMatchObject({ kind: "timeout", code: "Timeout" });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("throws a synthesis failure (ErrorCode ≠ 0) as a TdError", async () => {
    await expect(tts({ Text: "x [[fault:failed]]" })).rejects.toMatchObject({
      family: "vod",
      code: "FailedOperation",
      message: expect.stringContaining("ErrorCode 1000"),
    });
  });

  it("builds PascalCase bodies equal to the doc's example, with ExtParam as a JSON string", () => {
    // The doc's ExtParam {"engine": ""} is an undocumented key, not a studio param: the rest is equal.
    expect(buildTtsBody("speech", "你好", { voiceId: DOC_TTS_REQUEST.VoiceId })).toStrictEqual({
      Text: DOC_TTS_REQUEST.Text,
      VoiceId: DOC_TTS_REQUEST.VoiceId,
    });
    const full = buildTtsBody("speech", "hi", {
      language: "en",
      voiceId: "female-shaonv",
      sampleRate: 44100,
      pitch: -2,
      durationSeconds: 3.5,
      outputType: "url",
    });
    expect(typeof full.ExtParam).toBe("string");
    expect(full).toStrictEqual({
      Text: "hi",
      TextLang: "en",
      VoiceId: "female-shaonv",
      Output: { Type: "url" },
      ExtParam: JSON.stringify({ synExt: { duration: 3.5, sampleRate: 44100, pitch: -2 } }),
    });
    const clone = buildTtsBody(
      "voice-clone",
      "",
      { timeRanges: [[0, 20]], voiceId: "ignored" },
      "data:audio/mpeg;base64,SUQz",
    );
    expect(clone).toStrictEqual({
      AudioData: "SUQz",
      ExtParam: JSON.stringify({ cloneExt: { timeRanges: [[0, 20]] } }),
    });
    expect(() => buildTtsBody("voice-clone", "x", {})).toThrow(/clone audio/);
  });

  it("catalogs the three VOD models, the 40 languages with names, and TTS defaults", () => {
    expect(TTS_LANGUAGES).toHaveLength(40);
    expect(new Set(TTS_LANGUAGES.map((l) => l.code)).size).toBe(40);
    expect(TTS_LANGUAGES).toContainEqual({ code: "hun", zh: "匈牙利语", en: "Hungarian" });
    expect(TTS_LANGUAGES[0]).toEqual({ code: "zh", zh: "中文", en: "Chinese" });
    const vod = CATALOG.filter((m) => m.family === "vod");
    expect(vod.map((m) => [m.id, m.modes.map((s) => s.mode)])).toEqual([
      ["T0302007", ["text-to-image", "image-to-image"]],
      ["T0301004", ["text-to-video", "first-frame", "first-last-frame", "reference"]],
      ["T0311001", ["speech", "voice-clone"]],
    ]);
    const speech = getModeSpec("T0311001", "speech")!;
    expect(speech.prompt).toMatchObject({ counting: "chars", maxChars: 2000, overLimit: "rejected" });
    expect(parseParams(speech, {}).value).toEqual({ language: "zh", sampleRate: 16000, pitch: 0, outputType: "data" });
    expect(parseParams(speech, { sampleRate: 12000 }).ok).toBe(false);
    const clone = getModeSpec("T0311001", "voice-clone")!;
    expect(parseParams(clone, {}).value).toMatchObject({ cloneLanguage: "zh", timeRanges: [[0, 20]] });
    expect(clone.inputs).toMatchObject([{ role: "clone_audio", min: 1, max: 1, transport: { inline: true } }]);
    expect(getModeSpec("T0302007", "image-to-image")!.inputs).toMatchObject([
      { role: "reference_image", min: 1, max: 3, transport: { inline: false }, limits: { maxBytes: 10 * 1024 * 1024 } },
    ]);
    expect(parseParams(getModeSpec("T0302007", "text-to-image")!, {}).value).toMatchObject({
      quality: "medium",
      resolution: "2K",
      aspectRatio: "1:1",
      priority: 0,
    });
    expect(getModeSpec("T0301004", "first-last-frame")!.inputs[1]).toMatchObject({
      role: "last_frame",
      limits: { maxBytes: 5 * 1024 * 1024 },
    });
  });
});
