import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { encodeWav } from "@/components/speech/audio";
import { loadStudio, studioTestbed } from "./helpers";
import { TEST_SCOPE } from "../../scripts/harness/studio-env";

// The Speech page's requests at studio level: createGeneration → the wire body TD receives (PascalCase,
// ExtParam a JSON string), the stored audio, and a voice-clone saved as a named team voice with its sample.

// Every body the studio's TD client puts on the wire, as sent.
const bed = studioTestbed({ taskSeconds: 0.3, record: (url) => url.includes("/model/orgin/job") });

const last = () => bed.sent[bed.sent.length - 1];
const sine = (seconds: number, rate = 16000) =>
  new Float32Array(seconds * rate).map((_, i) => 0.4 * Math.sin((2 * Math.PI * 220 * i) / rate));

describe("speech studio · requests TD receives (T0311001)", () => {
  it("text → speech in a non-default language: the documented PascalCase body, ExtParam as a JSON string, audio stored at once", async () => {
    const { createGeneration } = await loadStudio();
    const n = bed.sent.length;
    const g = await createGeneration({
      model: "T0311001",
      mode: "speech",
      prompt: "Bonjour tout le monde",
      params: {
        language: "fr",
        voiceId: "female-shaonv",
        sampleRate: 22050,
        pitch: -3,
        durationSeconds: 2,
        outputType: "data",
      },
    });
    expect(bed.sent).toHaveLength(n + 1);
    expect(last().action).toBe("T0311001");
    const { ExtParam, ...rest } = last().body;
    expect(rest).toEqual({
      Text: "Bonjour tout le monde",
      TextLang: "fr",
      VoiceId: "female-shaonv",
      Output: { Type: "data" },
    });
    expect(typeof ExtParam).toBe("string");
    expect(JSON.parse(ExtParam as string)).toEqual({ synExt: { duration: 2, sampleRate: 22050, pitch: -3 } });
    // Synchronous: the record comes back finished, with the WAV already on the studio's storage.
    expect(g.status).toBe("succeeded");
    expect(g.outputs[0]).toMatchObject({
      kind: "audio",
      mime: "audio/wav",
      asset: { archiveState: "archived", durationSeconds: 2 },
    });
    expect(g.outputs[0].asset.fileUrl).toBe(`/api/v1/assets/${g.outputs[0].assetId}/file`);
  });

  it("sends the catalog defaults (zh, 16000 Hz, pitch 0, data) when nothing is chosen, and a URL output is archived too", async () => {
    const { createGeneration, getGeneration } = await loadStudio();
    await createGeneration({ model: "T0311001", mode: "speech", prompt: "你好" });
    expect(last().body).toEqual({
      Text: "你好",
      TextLang: "zh",
      Output: { Type: "data" },
      ExtParam: JSON.stringify({ synExt: { sampleRate: 16000, pitch: 0 } }),
    });
    const g = await createGeneration({
      model: "T0311001",
      mode: "speech",
      prompt: "hello",
      params: { language: "en", outputType: "url", durationSeconds: 1 },
    });
    expect(last().body.Output).toEqual({ Type: "url" });
    const { until } = await import("./helpers");
    const done = await until(
      () => getGeneration(TEST_SCOPE, g.id),
      (x) => x.outputs[0]?.asset.archiveState === "archived",
    );
    expect(done.outputs[0].asset).toMatchObject({ mime: "audio/wav", archiveState: "archived" });
  });

  it("an archived TTS output has a waveform thumbnail (inline data and a URL output alike), a transparent WebP", async () => {
    const { createGeneration, getGeneration } = await loadStudio();
    const { mediaMade, until } = await import("./helpers");
    const { readFile } = await import("node:fs/promises");
    const { pathForKey } = await import("@/lib/storage");
    const sharp = (await import("sharp")).default;
    for (const outputType of ["data", "url"] as const) {
      const g = await createGeneration({
        model: "T0311001",
        mode: "speech",
        prompt: `waveform ${outputType}`,
        params: { outputType, durationSeconds: 2 },
      });
      const done = await until(
        () => getGeneration(TEST_SCOPE, g.id),
        (x) => x.outputs[0]?.asset.archiveState === "archived",
      );
      const a = await mediaMade(done.outputs[0].assetId);
      expect(a.thumbKey, outputType).toMatch(/\.thumb\.webp$/);
      expect(a.thumbhash, outputType).toBeTruthy();
      const img = sharp(await readFile(pathForKey(a.thumbKey!)));
      expect(await img.metadata()).toMatchObject({ format: "webp", width: 400, height: 400, hasAlpha: true });
      // Bars are drawn: some pixels are opaque, the corners stay transparent.
      const { data, info } = await img.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      let opaque = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 200) opaque++;
      expect(opaque).toBeGreaterThan(info.width * info.height * 0.02);
      expect(data[3]).toBe(0);
    }
  });

  it("refuses 2001 characters before anything is sent", async () => {
    const { createGeneration } = await loadStudio();
    const n = bed.sent.length;
    await expect(
      createGeneration({ model: "T0311001", mode: "speech", prompt: "字".repeat(2001) }),
    ).rejects.toMatchObject({
      code: "validation_failed",
      field: "prompt",
      message: expect.stringContaining("2000 characters"),
    });
    expect(bed.sent).toHaveLength(n);
  });

  it("clones a voice: AudioData inline, AudioLang, VoiceProfile and cloneExt.timeRanges; the VoiceId is saved as a named team voice with its sample", async () => {
    const { createGeneration, storeAsset, voices, db } = await loadStudio();
    const wav = Buffer.from(encodeWav(sine(3), 16000));
    const sample = await storeAsset(Readable.from([wav]), TEST_SCOPE, {
      model: "T0311001",
      mode: "voice-clone",
      role: "clone_audio",
    });
    expect(sample).toMatchObject({ kind: "audio", mime: "audio/wav", durationSeconds: 3 });
    const g = await createGeneration({
      model: "T0311001",
      mode: "voice-clone",
      prompt: "Hello from my new voice",
      params: {
        language: "en",
        cloneLanguage: "en",
        timeRanges: [[0, 2.5]],
        voiceName: "Narrator Lin",
        voiceDescription: "calm",
        voiceGender: "female",
        voiceAge: "youth",
        voiceLabels: ["warm"],
        voiceScenes: ["narration"],
      },
      inputs: [{ role: "clone_audio", assetId: sample.id }],
    });
    const body = last().body;
    expect(body.AudioData).toBe(wav.toString("base64"));
    expect(body).toMatchObject({
      Text: "Hello from my new voice",
      TextLang: "en",
      AudioLang: "en",
      VoiceProfile: {
        Name: "Narrator Lin",
        Description: "calm",
        Gender: "female",
        Age: "youth",
        Labels: ["warm"],
        Scenes: ["narration"],
      },
    });
    expect(body).not.toHaveProperty("VoiceId");
    expect(JSON.parse(body.ExtParam as string)).toEqual({
      synExt: { sampleRate: 16000, pitch: 0 },
      cloneExt: { timeRanges: [[0, 2.5]] },
    });
    expect(g.status).toBe("succeeded");

    const list = await voices.listVoices(TEST_SCOPE);
    const saved = list.items.find((v) => v.generationId === g.id);
    expect(saved).toMatchObject({
      name: "Narrator Lin",
      description: "calm",
      gender: "female",
      age: "youth",
      labels: ["warm"],
      scenes: ["narration"],
      language: "en",
      source: "clone",
      sampleAssetId: sample.id,
    });
    expect(saved!.voiceId).toMatch(/^s1_/);
    // The sample stays an asset of its own.
    expect(await db().asset.findUnique({ where: { id: sample.id } })).toMatchObject({ kind: "audio" });

    // Then speaking with it: the saved VoiceId goes out as VoiceId, and TD knows it.
    const spoken = await createGeneration({
      model: "T0311001",
      mode: "speech",
      prompt: "Second sentence",
      params: { language: "en", voiceId: saved!.voiceId },
    });
    expect(last().body.VoiceId).toBe(saved!.voiceId);
    expect(spoken.status).toBe("succeeded");
  });

  it("a plain speech generation saves no voice; a failed synthesis is recorded with TD's code", async () => {
    const { createGeneration, voices } = await loadStudio();
    const before = (await voices.listVoices(TEST_SCOPE)).items.length;
    await createGeneration({ model: "T0311001", mode: "speech", prompt: "no voice saved here" });
    expect((await voices.listVoices(TEST_SCOPE)).items).toHaveLength(before);
    const failed = await createGeneration({ model: "T0311001", mode: "speech", prompt: "this fails [[fault:failed]]" });
    expect(failed).toMatchObject({
      status: "failed",
      error: { code: "FailedOperation", message: expect.stringContaining("ErrorCode 1000") },
    });
    const unknown = await createGeneration({
      model: "T0311001",
      mode: "speech",
      prompt: "hi",
      params: { voiceId: "s1_not-a-voice" },
    });
    expect(unknown).toMatchObject({ status: "failed", error: { code: "ResourceNotFound" } });
  });
});

describe("team voices (lib/voices, behind /api/v1/voices)", () => {
  it("adds a voice id by hand, refuses a duplicate or a system voice, renames and deletes", async () => {
    const { voices } = await loadStudio();
    const { addVoiceRequest, updateVoiceRequest } = await import("@/lib/voices/schema");
    const v = await voices.addVoice(
      TEST_SCOPE,
      addVoiceRequest.parse({ voiceId: " s1_handmade== ", name: "From elsewhere", labels: ["a"] }),
    );
    expect(v).toMatchObject({
      voiceId: "s1_handmade==",
      name: "From elsewhere",
      source: "manual",
      labels: ["a"],
      scenes: [],
    });
    await expect(
      voices.addVoice(TEST_SCOPE, addVoiceRequest.parse({ voiceId: "s1_handmade==", name: "again" })),
    ).rejects.toMatchObject({ code: "conflict", field: "voiceId" });
    await expect(
      voices.addVoice(TEST_SCOPE, addVoiceRequest.parse({ voiceId: "female-shaonv", name: "system" })),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(addVoiceRequest.safeParse({ voiceId: "has space", name: "x" }).success).toBe(false);
    expect(addVoiceRequest.safeParse({ voiceId: "ok", name: "  " }).success).toBe(false);
    expect(updateVoiceRequest.safeParse({}).success).toBe(false);
    expect(await voices.updateVoice(TEST_SCOPE, v.id, { name: "Renamed" })).toMatchObject({
      name: "Renamed",
      voiceId: "s1_handmade==",
    });
    await voices.deleteVoice(TEST_SCOPE, v.id);
    await expect(voices.getVoice(TEST_SCOPE, v.id)).rejects.toMatchObject({ code: "not_found" });
    const list = await voices.listVoices(TEST_SCOPE);
    expect(list.system.map((s) => s.voiceId)).toContain("female-shaonv");
  });
});
