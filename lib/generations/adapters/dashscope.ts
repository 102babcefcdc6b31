import "server-only";
import { td } from "@/lib/td";
import { buildDashScopeBody, DASHSCOPE_STATUSES, type DashScopeMedia, type DashScopeModel } from "@/lib/td/dashscope";
import { fromDashScope, warnUnknownStatus } from "../status";
import { expiryOf } from "./expiry";
import type { FamilyAdapter } from "./types";

const MEDIA_TYPE: Record<string, DashScopeMedia["type"]> = {
  first_frame: "first_frame",
  reference_image: "reference_image",
  video: "video",
};

export const dashscopeAdapter: FamilyAdapter = {
  async submit({ model, prompt, params, inputs, signal, beforeSend }) {
    const media = inputs.map((i) => ({ type: MEDIA_TYPE[i.role], url: i.ref }));
    const body = buildDashScopeBody(model.id as DashScopeModel, prompt, params, media);
    const r = await td().dashscope.create(body, signal, beforeSend);
    return {
      upstreamTaskId: r.data.output.task_id,
      upstreamStatus: r.data.output.task_status,
      requestIds: r.requestIds,
    };
  },

  async poll({ upstreamTaskId, signal, beforeSend }) {
    const r = await td().dashscope.get(upstreamTaskId, signal, beforeSend);
    const o = r.data.output;
    const status = fromDashScope(o.task_status);
    if (!(DASHSCOPE_STATUSES as readonly string[]).includes(o.task_status))
      warnUnknownStatus("dashscope", o.task_status, upstreamTaskId);
    const unknownTask =
      o.task_status === "UNKNOWN"
        ? { code: "UNKNOWN", message: `TD does not know task ${upstreamTaskId} (gone or expired).` }
        : undefined;
    return {
      status,
      upstreamStatus: o.task_status,
      requestIds: r.requestIds,
      usage: r.data.usage,
      error:
        status === "failed"
          ? (unknownTask ?? { code: o.code ?? "Failed", message: o.message ?? "The task failed upstream." })
          : undefined,
      outputs:
        status === "succeeded" && o.video_url
          ? [
              {
                url: o.video_url,
                role: "video",
                kind: "video",
                mime: "video/mp4",
                expiresAt: expiryOf(o.video_url, Date.now()),
              },
            ]
          : undefined,
    };
  },

  maxSubmitMs: () => td().http.maxCallMs({ retry: false }),
};
