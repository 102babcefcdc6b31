import {
  happyHorseCreateBody as dashScopeCreateBody,
  type HappyHorseCreateBody as DashScopeCreateBody,
} from "../spec/happyhorse";
import { faultsInPrompt, outputPadding } from "../faults";
import { sampleVideo } from "../media/generate";
import type { FamilyModule } from "../server";
import { dashTime, finishTime, phaseOf, type EmuTask } from "../tasks";

const STATUS = {
  queued: "PENDING",
  running: "RUNNING",
  succeeded: "SUCCEEDED",
  failed: "FAILED",
  canceled: "CANCELED",
} as const;

/** HappyHorse 1.0 — DashScope-style video synthesis (T0401001..4). */
export const dashscope: FamilyModule = (ctx) => [
  {
    method: "POST",
    pattern: /^\/model\/openai\/api\/v3\/video-generation\/video-synthesis$/,
    family: "dashscope",
    auth: true,
    handler(r) {
      r.log.op = "create";
      const parsed = dashScopeCreateBody.safeParse(r.body);
      const model = (r.body as { model?: string })?.model;
      r.log.model = model;
      if (!parsed.success) {
        const i = parsed.error.issues[0];
        return ctx.error(r, 400, "InvalidParameter", `${i.path.join(".") || "body"}: ${i.message}`);
      }
      const body: DashScopeCreateBody = parsed.data;
      const prompt = body.input.prompt ?? "";
      const f = faultsInPrompt(prompt);
      if (ctx.fault(r, f.create)) return;
      const task = ctx.tasks.add({
        family: "dashscope",
        model: body.model,
        body,
        prompt,
        ...ctx.timing(prompt),
        failure: f.failed
          ? {
              code: "InternalError.Algo",
              message: "Video generation failed: the model could not produce a video for this input.",
            }
          : undefined,
        pollFault: f.poll,
        downloadFault: f.download,
      });
      r.log.taskId = task.id;
      ctx.json(r, 200, { output: { task_status: "PENDING", task_id: task.id }, request_id: crypto.randomUUID() });
    },
  },
  {
    method: "GET",
    pattern: /^\/model\/openai\/api\/v3\/tasks\/(?<id>[^/]+)$/,
    family: "dashscope",
    auth: true,
    handler(r) {
      r.log.op = "get";
      r.log.taskId = r.params.id;
      const task = ctx.tasks.get(r.params.id);
      if (task?.pollFault) {
        const fault = task.pollFault;
        task.pollFault = undefined;
        if (ctx.fault(r, fault)) return;
      }
      if (!task || task.family !== "dashscope") {
        return ctx.json(r, 200, {
          output: { task_id: r.params.id, task_status: "UNKNOWN" },
          request_id: crypto.randomUUID(),
        });
      }
      r.log.model = task.model;
      const body = task.body as DashScopeCreateBody;
      const ratio =
        body.model === "T0401002" || body.model === "T0401004" ? "16:9" : (body.parameters?.ratio ?? "16:9");
      ensureVideoOutput(ctx, task, ratio, body.parameters?.duration ?? 5);
      ctx.json(r, 200, view(task));
    },
  },
];

function view(task: EmuTask) {
  const ctxPhase = phaseOf(task);
  const body = task.body as DashScopeCreateBody;
  const output: Record<string, unknown> = {
    task_id: task.id,
    task_status: STATUS[ctxPhase],
    submit_time: dashTime(task.createdAt),
  };
  if (ctxPhase !== "queued") output.scheduled_time = dashTime(task.createdAt + task.queuedMs);
  if (body.input.prompt) output.orig_prompt = body.input.prompt;
  if (ctxPhase === "failed") {
    output.end_time = dashTime(finishTime(task));
    output.code = task.failure!.code;
    output.message = task.failure!.message;
    return { output, request_id: crypto.randomUUID() };
  }
  if (ctxPhase !== "succeeded") return { output, request_id: crypto.randomUUID() };
  output.end_time = dashTime(finishTime(task));
  output.video_url = task.outputs![0].url;
  const p = body.parameters ?? {};
  const usage = {
    duration: p.duration ?? 5,
    ...(body.model === "T0401004" ? { input_video_duration: 5 } : {}),
    output_video_duration: p.duration ?? 5,
    video_count: 1,
    SR: p.resolution === "720P" ? 720 : 1080,
    ratio: task.extra.ratio,
  };
  // What this task is billed: the witness a soak compares the studio's ledger with.
  task.extra.usage = usage;
  return { output, usage, request_id: crypto.randomUUID() };
}

/** Outputs are made when the task finishes; here lazily on the first read after that. */
export function ensureVideoOutput(
  ctx: Parameters<FamilyModule>[0],
  task: EmuTask,
  ratio: string | undefined,
  durationSeconds: number,
) {
  if (task.outputs || phaseOf(task) !== "succeeded") return;
  const v = sampleVideo(ratio);
  task.extra.ratio = v.ratio;
  const expiresAt = finishTime(task) + ctx.opts.outputTtlSeconds * 1000;
  const padding = outputPadding(task.prompt, v.bytes.length);
  const id = ctx.files.put(v.bytes, "video/mp4", task.downloadFault, padding);
  task.outputs = [
    {
      fileId: id,
      url: ctx.publicUrl() + ctx.files.signedPath(id, "mp4", expiresAt),
      expiresAt,
      mime: "video/mp4",
      width: v.width,
      height: v.height,
      durationSeconds,
      size: v.bytes.length + (padding ? 8 + padding : 0),
      role: "video",
    },
  ];
}
