import "server-only";
import { TdError } from "@/lib/td/errors";
import { td } from "@/lib/td";
import { isDuplicateSession, parseVodJob, VOD_TASK_STATUSES } from "@/lib/td/vod";
import { buildGptImageBody, type GptImageParams } from "@/lib/td/vod-image";
import { buildGvBody, type GvMode, type GvParams, type GvRole } from "@/lib/td/vod-video";
import { buildTtsBody, parseTtsAnswer, type TtsMode, type TtsParams } from "@/lib/td/vod-tts";
import { warnUnknownStatus } from "../status";
import type { FamilyAdapter, PollResult } from "./types";

const TTS_TIMEOUT_MS = 120_000;

/**
 * GPT Image-2 and GV 3.1 (async jobs), MiniMax TTS (synchronous). Jobs carry the generation id as
 * SessionId, so a create can be retried without a second bill; a retry refused as a duplicate means
 * the first attempt landed but its TaskId was lost.
 */
export const vodAdapter: FamilyAdapter = {
  async submit({ model, spec, generationId, prompt, params, inputs, signal, beforeSend }) {
    if (model.id === "T0311001") {
      const clone = inputs.find((i) => i.role === "clone_audio")?.ref;
      const body = buildTtsBody(spec.mode as TtsMode, prompt, params as TtsParams, clone);
      const r = await td().vod.tts(body, { timeoutMs: TTS_TIMEOUT_MS, signal, beforeSend });
      const result = parseTtsAnswer(r.data);
      const done: PollResult = {
        status: "succeeded",
        upstreamStatus: "FINISH",
        requestIds: r.requestIds,
        usage: { voiceId: result.voiceId, durationSeconds: result.audio?.durationSeconds },
        outputs: result.audio
          ? [
              {
                role: "audio",
                kind: "audio",
                mime: result.audio.mime,
                data: result.audio.data,
                url: result.audio.url,
                expiresAt: result.audio.expiresAt,
                durationSeconds: result.audio.durationSeconds,
              },
            ]
          : [],
      };
      return { requestIds: r.requestIds, upstreamStatus: "FINISH", done };
    }
    const sessionId = generationId.slice(0, 50);
    try {
      const r =
        model.id === "T0302007"
          ? await td().vod.createJob(
              "T0302007",
              buildGptImageBody(
                prompt,
                params as GptImageParams,
                inputs.map((i) => i.ref),
              ),
              { sessionId, signal, beforeSend },
            )
          : await td().vod.createJob(
              "T0301004",
              buildGvBody(
                spec.mode as GvMode,
                prompt,
                params as GvParams,
                inputs.map((i) => ({ role: i.role as GvRole, url: i.ref })),
              ),
              { sessionId, signal, beforeSend },
            );
      return { upstreamTaskId: r.data.TaskId, upstreamStatus: "PROCESSING", requestIds: r.requestIds };
    } catch (e) {
      if (isDuplicateSession(e) && e instanceof TdError) {
        throw new TdError({
          family: "vod",
          kind: "network",
          code: "SubmitUncertain",
          message: "TD already has this task (same SessionId) but its TaskId was lost",
          requestId: e.requestId,
          retryable: false,
        });
      }
      throw e;
    }
  },

  async poll({ upstreamTaskId, signal, beforeSend }) {
    const r = await td().vod.getJob(upstreamTaskId, signal, beforeSend);
    const job = parseVodJob(r.data);
    // Tencent also knows WAITING; anything else undocumented is logged and read as still running.
    if (![...VOD_TASK_STATUSES, "WAITING"].includes(r.data.Status))
      warnUnknownStatus("vod", r.data.Status, upstreamTaskId);
    return {
      status: job.status,
      upstreamStatus: r.data.Status,
      progress: job.progress,
      requestIds: r.requestIds,
      ...(job.error ? { error: job.error } : {}),
      outputs: job.outputs.map((o) => ({
        url: o.url,
        role: job.kind === "video" ? "video" : "image",
        kind: job.kind,
        mime: o.mime,
        expiresAt: o.expiresAt,
        width: o.width,
        height: o.height,
        durationSeconds: o.durationSeconds,
      })),
    };
  },

  // TTS answers synchronously (one attempt, 120 s); jobs carry a SessionId and are retried by the client.
  maxSubmitMs: (model) =>
    model.id === "T0311001"
      ? td().http.maxCallMs({ retry: false, timeoutMs: TTS_TIMEOUT_MS })
      : td().http.maxCallMs({ retry: true }),
};
