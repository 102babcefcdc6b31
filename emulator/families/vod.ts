import { JOB_MODELS as VOD_JOB_MODELS, TTS_MODEL as VOD_TTS_MODEL, type JobModel as VodJobModel } from "../spec/vod";
import type { FamilyModule } from "../server";
import { jobHandlers } from "./vod-jobs";
import { ttsHandler } from "./vod-tts";

// Tencent-VOD-style jobs: GPT Image-2 (T0302007), GV 3.1 (T0301004), MiniMax TTS (T0311001).
// One URL for everything: X-TC-Action picks the model on a create; no X-TC-Action + {TaskId} is a query.

/** "orgin", verbatim from the docs. */
const JOB_PATH = /^\/model\/orgin\/job$/;

export const vod: FamilyModule = (ctx) => {
  const jobs = jobHandlers(ctx);
  const tts = ttsHandler(ctx);
  return [
    {
      method: "POST",
      pattern: JOB_PATH,
      family: "vod",
      auth: true,
      async handler(r) {
        const header = r.req.headers["x-tc-action"];
        const action = (Array.isArray(header) ? header[0] : header)?.trim();
        if (!action) {
          const b = (r.body ?? {}) as { TaskId?: unknown; JobId?: unknown };
          // The GPT Image-2 doc's parameter table names it JobId once; every example sends TaskId.
          const id = b.TaskId ?? b.JobId;
          if (typeof id === "string" && id) return jobs.query(r, id);
          r.log.op = "create";
          // Docs: X-TC-Action is required (是) on every create; a query needs TaskId.
          return ctx.error(
            r,
            400,
            "MissingParameter",
            'The X-TC-Action header (the model code) is required to create a job; a query takes a body {"TaskId": …}.',
          );
        }
        if ((VOD_JOB_MODELS as readonly string[]).includes(action)) return jobs.create(r, action as VodJobModel);
        if (action === VOD_TTS_MODEL) return tts(r);
        r.log.op = "create";
        r.log.model = action;
        return ctx.error(
          r,
          400,
          "InvalidAction",
          `The action ${action} does not exist (接口不存在): X-TC-Action must be T0302007, T0301004 or T0311001.`,
        );
      },
    },
  ];
};
