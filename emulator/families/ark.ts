import { randomInt } from "node:crypto";
import sharp from "sharp";
import { issueCode, mediaProblem, valueAt } from "../spec/common";
import {
  assetIdOf,
  SEEDANCE,
  SEEDANCE_MEDIA,
  SEEDANCE_OUTPUT_SIZES,
  seedanceCreateBody,
  type SeedanceCreateBody as ArkCreateBody,
} from "../spec/seedance";
import { faultsInPrompt } from "../faults";
import { promptImage, sampleVideo } from "../media/generate";
import type { EmuContext, FamilyModule } from "../server";
import { finishTime, phaseOf, type EmuTask } from "../tasks";
import type { EmuRequest } from "../types";
import { AssetStore, assetRefProblem, assetRoutes, idStamp, shortRandom } from "./ark-assets";

// Seedance 2.0 fast — Volcengine-Ark-style content generation tasks (T0101007) and its asset library.

const TASK_PATH = /^\/model\/openai\/api\/v3\/contents\/generations\/tasks\/(?<id>[^/]+)$/;
const RECORD_DAYS_MS = SEEDANCE.recordDays * 24 * 3600_000;
const FPS = 24;
const RATIOS = ["16:9", "4:3", "1:1", "3:4", "9:16", "21:9"] as const;
type Ratio = (typeof RATIOS)[number];

interface ArkExtra {
  ratio: Ratio;
  duration: number;
  seed: number;
  /** `[[fault:expired]]`: the task times out instead of finishing (Ark's `expired`). */
  expired: boolean;
  outputs?: Promise<void>;
  lastCallback?: string;
}

export const ark: FamilyModule = (ctx) => {
  const assets = new AssetStore();
  return [
    {
      method: "POST",
      pattern: /^\/model\/openai\/api\/v3\/contents\/generations\/tasks$/,
      family: "ark",
      auth: true,
      async handler(r) {
        r.log.op = "create";
        r.log.model = (r.body as { model?: string } | undefined)?.model;
        const parsed = seedanceCreateBody.safeParse(r.body);
        if (!parsed.success) return invalid(ctx, r, parsed.error.issues);
        const body = parsed.data;
        const problem = (await imageProblem(body)) ?? assetProblem(assets, body);
        if (problem) return ctx.error(r, problem.status, problem.code, problem.message);
        const text = body.content.find((c) => c.type === "text")?.text ?? "";
        const f = faultsInPrompt(text);
        if (ctx.fault(r, f.create)) return;
        const extra: ArkExtra = {
          ratio: body.ratio && body.ratio !== "adaptive" ? body.ratio : await adaptiveRatio(body),
          // -1: the model picks a length in [4, 15].
          duration:
            body.duration === undefined
              ? 5
              : body.duration === -1
                ? randomInt(SEEDANCE.durationMin, SEEDANCE.durationMax + 1)
                : body.duration,
          seed: body.seed === undefined || body.seed === -1 ? randomInt(0, 2 ** 31) : body.seed,
          expired: /\[\[fault:expired\]\]/i.test(text),
        };
        const task = ctx.tasks.add({
          id: `cgt-${idStamp()}-${shortRandom()}`,
          family: "ark",
          model: body.model,
          body,
          prompt: text,
          ...ctx.timing(text),
          failure: f.failed
            ? {
                code: "InternalServiceError",
                message: "The service encountered an unexpected internal error. Please retry later.",
              }
            : undefined,
          pollFault: f.poll,
          downloadFault: f.download,
          extra: extra as unknown as Record<string, unknown>,
        });
        r.log.taskId = task.id;
        if (body.callback_url) scheduleCallbacks(ctx, task);
        ctx.json(r, 200, { id: task.id });
      },
    },
    {
      method: "GET",
      pattern: TASK_PATH,
      family: "ark",
      auth: true,
      async handler(r) {
        r.log.op = "get";
        r.log.taskId = r.params.id;
        const task = ctx.tasks.get(r.params.id);
        if (task?.pollFault) {
          const fault = task.pollFault;
          task.pollFault = undefined;
          if (ctx.fault(r, fault)) return;
        }
        if (!visible(task)) return notFound(ctx, r);
        r.log.model = task.model;
        ctx.json(r, 200, await view(ctx, task));
      },
    },
    {
      method: "DELETE",
      pattern: TASK_PATH,
      family: "ark",
      auth: true,
      handler(r) {
        r.log.op = "cancel";
        r.log.taskId = r.params.id;
        const task = ctx.tasks.get(r.params.id);
        if (!visible(task)) return notFound(ctx, r);
        const status = statusOf(task);
        // The doc's table: DELETE is supported for queued tasks only.
        if (status !== "queued") {
          return ctx.error(
            r,
            403,
            "OperationDenied.UnsupportedPhase",
            `Operation is denied because operation is not supported while the target is in its current phase (${status}).`,
          );
        }
        task.canceledAt = Date.now();
        ctx.json(r, 200, { message: "取消成功" });
      },
    },
    ...assetRoutes(ctx, assets),
  ];
};

function visible(task: EmuTask | undefined): task is EmuTask {
  // Task records are kept 7 days from created_at.
  return !!task && task.family === "ark" && Date.now() - task.createdAt < RECORD_DAYS_MS;
}

function notFound(ctx: EmuContext, r: EmuRequest) {
  return ctx.error(r, 404, "NotFound.Task", `The specified task ${r.params.id} is not found.`);
}

function statusOf(task: EmuTask, now = Date.now()) {
  const phase = phaseOf(task, now);
  if (phase === "canceled") return "cancelled";
  if ((phase === "succeeded" || phase === "failed") && (task.extra as unknown as ArkExtra).expired) return "expired";
  return phase;
}

/** A validation failure as the documented Ark error: the code the spec attached, else Missing/InvalidParameter. */
function invalid(
  ctx: EmuContext,
  r: EmuRequest,
  issues: { code: string; path: PropertyKey[]; message: string; params?: unknown }[],
) {
  const i = issues[0];
  const where = i.path.map(String).join(".") || "body";
  const p = issueCode(i);
  if (p?.code === "MissingParameter" || (i.code === "invalid_type" && valueAt(r.body, i.path) === undefined)) {
    return ctx.error(
      r,
      400,
      "MissingParameter",
      `The request failed because it is missing one or multiple required parameters (${where}: ${i.message}).`,
    );
  }
  // These two rows of the table have fixed messages.
  if (p && (p.code.startsWith("InvalidImageURL") || p.code === "InvalidEndpointOrModel.NotFound"))
    return ctx.error(r, p.httpStatus ?? 400, p.code, i.message);
  return ctx.error(
    r,
    p?.httpStatus ?? 400,
    p?.code ?? "InvalidParameter",
    `One or more parameters specified in the request are not valid (${where}: ${i.message}).`,
  );
}

interface Media {
  kind: "Image" | "Video" | "Audio";
  url: string;
  role?: string;
}

function mediaOf(body: ArkCreateBody): Media[] {
  return body.content.flatMap((c): Media[] =>
    c.type === "image_url"
      ? [{ kind: "Image", url: c.image_url.url, role: c.role }]
      : c.type === "video_url"
        ? [{ kind: "Video", url: c.video_url.url, role: c.role }]
        : c.type === "audio_url"
          ? [{ kind: "Audio", url: c.audio_url.url, role: c.role }]
          : [],
  );
}

/** `asset://ID` must name an Active asset of this library, of the matching type. */
function assetProblem(store: AssetStore, body: ArkCreateBody) {
  for (const m of mediaOf(body)) {
    const id = assetIdOf(m.url);
    const problem = id ? assetRefProblem(store, id, m.kind) : undefined;
    if (problem) return problem;
  }
  return undefined;
}

function decode(url: string): Buffer | undefined {
  const m = /^data:image\/[a-z]+;base64,(.*)$/s.exec(url);
  return m ? Buffer.from(m[1], "base64") : undefined;
}

/** Inline images can be looked at: their documented format, size, side and ratio rules are checked (URLs and assets cannot be). */
async function imageProblem(body: ArkCreateBody) {
  for (const m of mediaOf(body)) {
    const bytes = m.kind === "Image" ? decode(m.url) : undefined;
    if (!bytes) continue;
    const meta = await sharp(bytes)
      .metadata()
      .catch(() => undefined);
    if (!meta?.width || !meta.height)
      return { status: 400, code: "InvalidImageURL.InvalidFormat", message: "Invalid base64 image url" };
    const { width: w, height: h } = meta;
    const problem = mediaProblem(SEEDANCE_MEDIA.image, { bytes: bytes.length, width: w, height: h });
    if (problem) {
      return {
        status: 400,
        code: "InvalidParameter",
        message: `One or more parameters specified in the request are not valid (image ${w}×${h}: ${problem}; width and height must be in (300, 6000) px and the ratio in (0.4, 2.5)).`,
      };
    }
  }
  return undefined;
}

/** adaptive: the first frame's ratio, or the first reference (video before image); the prompt decides otherwise — here 16:9. */
async function adaptiveRatio(body: ArkCreateBody): Promise<Ratio> {
  const media = mediaOf(body);
  const first =
    media.find((m) => m.kind === "Video") ?? media.find((m) => m.kind === "Image" && m.role !== "last_frame");
  const bytes = first?.kind === "Image" ? decode(first.url) : undefined;
  const meta = bytes
    ? await sharp(bytes)
        .metadata()
        .catch(() => undefined)
    : undefined;
  if (!meta?.width || !meta.height) return "16:9";
  const r = Math.log(meta.width / meta.height);
  return RATIOS.reduce((best, x) =>
    Math.abs(Math.log(ratioValue(x)) - r) < Math.abs(Math.log(ratioValue(best)) - r) ? x : best,
  );
}

function ratioValue(ratio: string): number {
  const [a, b] = ratio.split(":").map(Number);
  return a / b;
}

/** Outputs are made when the task finishes; here lazily on the first read after that. */
function ensureOutputs(ctx: EmuContext, task: EmuTask): Promise<void> {
  const extra = task.extra as unknown as ArkExtra;
  if (statusOf(task) !== "succeeded") return Promise.resolve();
  extra.outputs ??= (async () => {
    const body = task.body as ArkCreateBody;
    const expiresAt = finishTime(task) + ctx.opts.outputTtlSeconds * 1000;
    const v = sampleVideo(extra.ratio);
    const videoId = ctx.files.put(v.bytes, "video/mp4", task.downloadFault);
    const outputs: NonNullable<EmuTask["outputs"]> = [
      {
        fileId: videoId,
        url: ctx.publicUrl() + ctx.files.signedPath(videoId, "mp4", expiresAt),
        expiresAt,
        mime: "video/mp4",
        width: v.width,
        height: v.height,
        durationSeconds: extra.duration,
        size: v.bytes.length,
        role: "video",
      },
    ];
    if (body.return_last_frame) {
      const [width, height] = SEEDANCE_OUTPUT_SIZES[body.resolution ?? "720p"][extra.ratio];
      const png = await promptImage({ width, height, prompt: task.prompt, seed: extra.seed, label: "last frame" });
      const id = ctx.files.put(png, "image/png", task.downloadFault);
      outputs.push({
        fileId: id,
        url: ctx.publicUrl() + ctx.files.signedPath(id, "png", expiresAt),
        expiresAt,
        mime: "image/png",
        width,
        height,
        size: png.length,
        role: "last_frame",
      });
    }
    task.outputs = outputs;
  })();
  return extra.outputs;
}

async function view(ctx: EmuContext, task: EmuTask) {
  await ensureOutputs(ctx, task);
  const body = task.body as ArkCreateBody;
  const extra = task.extra as unknown as ArkExtra;
  const status = statusOf(task);
  const phaseStart = {
    queued: task.createdAt,
    running: task.createdAt + task.queuedMs,
    cancelled: task.canceledAt ?? task.createdAt,
  } as Record<string, number>;
  const out: Record<string, unknown> = {
    id: task.id,
    model: task.model,
    status,
    created_at: Math.floor(task.createdAt / 1000),
    updated_at: Math.floor((phaseStart[status] ?? finishTime(task)) / 1000),
  };
  if (status === "failed") out.error = task.failure;
  if (status === "succeeded") {
    const video = task.outputs!.find((o) => o.role === "video")!;
    const last = task.outputs!.find((o) => o.role === "last_frame");
    out.content = { video_url: video.url, ...(last ? { last_frame_url: last.url } : {}) };
    const [w, h] = SEEDANCE_OUTPUT_SIZES[body.resolution ?? "720p"][extra.ratio];
    // Tokens ≈ pixels × frames / 1024 (the doc's example: 1280×720 × 24 fps × 5 s ≈ 108900).
    const tokens = Math.round((w * h * FPS * extra.duration) / 1024);
    const searches = body.tools?.some((t) => t.type === "web_search") ? 1 : 0;
    out.usage = { completion_tokens: tokens, total_tokens: tokens, tool_usage: { web_search: searches } };
  }
  Object.assign(out, {
    seed: extra.seed,
    resolution: body.resolution ?? "720p",
    ratio: extra.ratio,
    duration: extra.duration,
    framespersecond: FPS,
    service_tier: body.service_tier ?? "default",
    execution_expires_after: body.execution_expires_after ?? 172_800,
    generate_audio: body.generate_audio ?? true,
  });
  if (body.tools) out.tools = body.tools;
  if (body.safety_identifier) out.safety_identifier = body.safety_identifier;
  return out;
}

/** callback_url: POST the task (same shape as the query answer) on each status change; terminal ones retried 3 times. */
function scheduleCallbacks(ctx: EmuContext, task: EmuTask) {
  const url = (task.body as ArkCreateBody).callback_url!;
  const extra = task.extra as unknown as ArkExtra;
  const fire = async () => {
    const status = statusOf(task);
    // The doc lists queued, running, succeeded, failed and expired callbacks (none for cancelled).
    if (status === "cancelled" || status === extra.lastCallback) return;
    extra.lastCallback = status;
    const body = JSON.stringify(await view(ctx, task));
    const tries = status === "succeeded" || status === "failed" ? 4 : 1;
    for (let i = 0; i < tries; i++) {
      const ok = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body,
        signal: AbortSignal.timeout(5000),
      })
        .then((res) => res.ok)
        .catch(() => false);
      if (ok) return;
    }
  };
  // On each change as it happens: a task's phases are a function of time, so the next look is timed for its next
  // change (the start of "running", then the end); a look that comes late still sends the status it finds then.
  // (Not a look every 50 ms per task: 2,000 tasks in flight kept the emulator's own process busy with nothing.)
  const watch = async () => {
    await fire().catch(() => undefined);
    const status = statusOf(task);
    if (status !== "queued" && status !== "running") return; // ended, or cancelled (no callback for that)
    const next = status === "queued" ? task.createdAt + task.queuedMs : finishTime(task);
    setTimeout(() => void watch(), Math.max(1, next - Date.now() + 1)).unref();
  };
  setTimeout(() => void watch(), 0).unref();
}
