import "server-only";
import { td } from "@/lib/td";
import { ARK_STATUSES, buildArkBody, type ArkMode, type ArkRole, type ArkStudioParams } from "@/lib/td/ark";
import { fromArk, warnUnknownStatus } from "../status";
import type { FamilyAdapter, UpstreamOutput } from "./types";
import { expiryOf } from "./expiry";

/** Seedance 2.0 fast (Ark content-generation tasks). */
export const arkAdapter: FamilyAdapter = {
  async submit({ spec, prompt, params, inputs, signal, beforeSend, callbackUrl }) {
    const body = buildArkBody(
      spec.mode as ArkMode,
      prompt,
      params as ArkStudioParams,
      inputs.map((i) => ({ role: i.role as ArkRole, url: i.ref })),
      { callbackUrl },
    );
    const r = await td().ark.createTask(body, signal, beforeSend);
    return { upstreamTaskId: r.data.id, upstreamStatus: "queued", requestIds: r.requestIds };
  },

  async poll({ upstreamTaskId, signal, beforeSend }) {
    const r = await td().ark.getTask(upstreamTaskId, signal, beforeSend);
    const task = r.data;
    const status = fromArk(task.status);
    if (!(ARK_STATUSES as readonly string[]).includes(task.status))
      warnUnknownStatus("ark", task.status, upstreamTaskId);
    const outputs: UpstreamOutput[] = [];
    if (status === "succeeded" && task.content?.video_url) {
      outputs.push({
        url: task.content.video_url,
        role: "video",
        kind: "video",
        mime: "video/mp4",
        expiresAt: expiryOf(task.content.video_url),
        durationSeconds: task.duration,
      });
      if (task.content.last_frame_url)
        outputs.push({
          url: task.content.last_frame_url,
          role: "last_frame",
          kind: "image",
          mime: "image/png",
          expiresAt: expiryOf(task.content.last_frame_url),
        });
    }
    return {
      status,
      upstreamStatus: task.status,
      requestIds: r.requestIds,
      usage: task.usage,
      ...(task.error ? { error: { code: task.error.code, message: task.error.message } } : {}),
      ...(outputs.length ? { outputs } : {}),
    };
  },

  async cancel({ upstreamTaskId }) {
    const r = await td().ark.cancelTask(upstreamTaskId);
    return { requestIds: r.requestIds };
  },

  callbacks: true,
  maxSubmitMs: () => td().http.maxCallMs({ retry: false }),
};
