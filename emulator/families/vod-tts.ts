import { randomBytes, randomUUID } from "node:crypto";
import {
  readExtParam,
  TTS,
  TTS_DEFAULT_VOICE,
  TTS_MODEL as VOD_TTS_MODEL,
  TTS_SYSTEM_VOICES,
  ttsBody,
  type TtsBody,
} from "../spec/vod";
import { faultsInPrompt, taskSecondsIn } from "../faults";
import { speechWav } from "../media/generate";
import type { EmuContext } from "../server";
import type { EmuRequest } from "../types";
import { fetchCapped, vodInvalid } from "./vod-common";

// MiniMax speech 2.8 HD (T0311001): synchronous TTS and voice cloning, answered at once.

const MB = 1024 * 1024;
// The doc lists RequestSizeLimitExceeded without the size: Tencent Cloud API's 10 MB cap.
const MAX_REQUEST_BYTES = 10 * MB;
const MAX_CLONE_DOWNLOAD = 20 * MB;
const SYSTEM_VOICES = new Set<string>(TTS_SYSTEM_VOICES);
const DEFAULT_VOICE = TTS_DEFAULT_VOICE;

interface ClonedVoice {
  createdAt: number;
  lang: string;
  profile?: TtsBody["VoiceProfile"];
}

/** First bytes → is this a wav/mp3/m4a/ogg/flac file? */
function isAudio(b: Buffer): boolean {
  if (b.length < 12) return false;
  const s = (from: number, to: number) => b.toString("latin1", from, to);
  if (s(0, 4) === "RIFF" && s(8, 12) === "WAVE") return true;
  if (s(0, 3) === "ID3" || (b[0] === 0xff && (b[1] & 0xe0) === 0xe0)) return true;
  return s(4, 8) === "ftyp" || s(0, 4) === "OggS" || s(0, 4) === "fLaC";
}

export function ttsHandler(ctx: EmuContext) {
  /** Voices cloned on this emulator: later calls may speak with them. */
  const cloned = new Map<string, ClonedVoice>();

  return async (r: EmuRequest) => {
    r.log.op = "tts";
    r.log.model = VOD_TTS_MODEL;
    if (Number(r.req.headers["content-length"] ?? 0) > MAX_REQUEST_BYTES) {
      return ctx.error(
        r,
        400,
        "RequestSizeLimitExceeded",
        `The request body is larger than ${MAX_REQUEST_BYTES / MB} MB (请求包超过限制大小).`,
      );
    }
    const parsed = ttsBody.safeParse(r.body);
    if (!parsed.success) return vodInvalid(ctx, r, parsed.error.issues);
    const b = parsed.data;
    const text = b.Text ?? "";
    const f = faultsInPrompt(text);
    if (ctx.fault(r, f.create)) return;
    // `[[seconds:N]]`: a slow synthesis, answered after N seconds (a synchronous call that takes long).
    const slow = taskSecondsIn(text);
    if (slow) await new Promise((ok) => setTimeout(ok, slow * 1000));
    if (f.failed) {
      // A synthesis failure inside a normal answer: ErrorCode ≠ 0 ("成功时返回 0").
      return ctx.json(r, 200, {
        Response: {
          ErrorCode: 1000,
          Msg: "synthesis failed: the engine could not produce audio for this text",
          RequestId: randomUUID(),
        },
      });
    }
    const ext = b.ExtParam ? readExtParam(b.ExtParam) : undefined;
    const syn = ext?.ok ? (ext.value.synExt ?? {}) : {};

    let voiceId = b.VoiceId;
    if (b.AudioData || b.AudioUrl) {
      // "AudioData 和 AudioUrl 提供一个即可": with both, AudioData is used.
      let audio: Buffer;
      if (b.AudioData) {
        audio = Buffer.from(b.AudioData, "base64");
      } else {
        const got = await fetchCapped(b.AudioUrl!, MAX_CLONE_DOWNLOAD, 5000);
        if (!got || got.status < 200 || got.status >= 300) {
          return ctx.error(
            r,
            400,
            "FailedOperation",
            `AudioUrl could not be downloaded${got ? ` (HTTP ${got.status})` : ""}.`,
          );
        }
        if (got.bytes.length > MAX_CLONE_DOWNLOAD)
          return ctx.error(
            r,
            400,
            "InvalidParameterValue",
            `AudioUrl: the audio is larger than ${MAX_CLONE_DOWNLOAD / MB} MB.`,
          );
        audio = got.bytes;
      }
      if (!isAudio(audio))
        return ctx.error(
          r,
          400,
          "InvalidParameterValue",
          `${b.AudioData ? "AudioData" : "AudioUrl"} is not an audio file (wav, mp3, m4a).`,
        );
      // Shaped like the doc's example id: "s1_" + 88 base64 characters.
      voiceId = `s1_${randomBytes(64).toString("base64")}`;
      cloned.set(voiceId, { createdAt: Date.now(), lang: b.AudioLang ?? TTS.defaultLang, profile: b.VoiceProfile });
    } else if (voiceId && !SYSTEM_VOICES.has(voiceId) && !cloned.has(voiceId)) {
      // The doc names no code for an unknown voice: ResourceNotFound (资源不存在).
      return ctx.error(
        r,
        400,
        "ResourceNotFound",
        `VoiceId ${voiceId} does not exist: it is neither a system voice nor a cloned one.`,
      );
    }
    voiceId ??= DEFAULT_VOICE;

    const answer: Record<string, unknown> = { ErrorCode: 0, Msg: "success", VoiceId: voiceId };
    if (text.trim()) {
      const wav = speechWav({
        text,
        sampleRate: syn.sampleRate ?? TTS.defaultSampleRate,
        seconds: syn.duration,
        pitch: syn.pitch,
      });
      if (b.Output?.Type === "url") {
        const expiresAt = Date.now() + ctx.opts.outputTtlSeconds * 1000;
        const id = ctx.files.put(wav.bytes, "audio/wav", f.download);
        answer.AudioUrl = ctx.publicUrl() + ctx.files.signedPath(id, "wav", expiresAt);
      } else {
        answer.AudioData = wav.bytes.toString("base64");
      }
      answer.ExtInfo = JSON.stringify({ duration: wav.seconds });
    }
    answer.RequestId = randomUUID();
    ctx.json(r, 200, { Response: answer });
  };
}
