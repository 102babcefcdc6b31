import { randomBytes } from "node:crypto";
import { assetCreateBody as arkAssetCreateBody, type AssetCreateBody as ArkAssetCreateBody } from "../spec/seedance";
import { faultsInPrompt } from "../faults";
import { promptImage, sampleVideo, speechWav } from "../media/generate";
import type { EmuContext } from "../server";
import type { EmuRequest, Fault, Route } from "../types";

// The Seedance private asset library (CreateAsset / GetAsset), Volcengine OpenAPI style bodies.

export type AssetStatus = "Processing" | "Active" | "Failed";

export interface EmuAsset {
  id: string;
  body: ArkAssetCreateBody;
  createdAt: number;
  readyMs: number;
  failed: boolean;
  pollFault?: Fault;
  file?: { id: string; ext: string };
}

/** `20260330170834` in UTC+8, as in the doc's ids. */
export function idStamp(ms = Date.now()): string {
  return new Date(ms + 8 * 3600_000).toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

export function shortRandom(n = 5): string {
  const abc = "abcdefghijklmnopqrstuvwxyz0123456789";
  return [...randomBytes(n)].map((b) => abc[b % abc.length]).join("");
}

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export class AssetStore {
  private assets = new Map<string, EmuAsset>();

  add(body: ArkAssetCreateBody, readyMs: number, failed: boolean, pollFault?: Fault): EmuAsset {
    const a: EmuAsset = {
      id: `asset-${idStamp()}-${shortRandom()}`,
      body,
      createdAt: Date.now(),
      readyMs,
      failed,
      pollFault,
    };
    this.assets.set(a.id, a);
    return a;
  }

  get(id: string): EmuAsset | undefined {
    return this.assets.get(id);
  }

  status(a: EmuAsset, now = Date.now()): AssetStatus {
    if (now - a.createdAt < a.readyMs) return "Processing";
    return a.failed ? "Failed" : "Active";
  }
}

const META = (action: string) => ({
  RequestId: randomBytes(17).toString("hex").toUpperCase().slice(0, 34),
  Action: action,
  Version: "2024-01-01",
  Service: "ark",
  Region: "cn-beijing",
});

/** The studio cannot be fetched from here in general, so an asset's URL serves a stand-in of its type. */
async function assetFile(ctx: EmuContext, a: EmuAsset): Promise<{ id: string; ext: string }> {
  if (a.file) return a.file;
  const label = a.body.Name || a.id;
  let file: { id: string; ext: string };
  if (a.body.AssetType === "Image") {
    file = {
      id: ctx.files.put(
        await promptImage({ width: 640, height: 640, prompt: label, label: "TD emulator asset" }),
        "image/png",
      ),
      ext: "png",
    };
  } else if (a.body.AssetType === "Video") {
    file = { id: ctx.files.put(sampleVideo("16:9").bytes, "video/mp4"), ext: "mp4" };
  } else {
    file = {
      id: ctx.files.put(speechWav({ text: label, sampleRate: 16000, seconds: 3 }).bytes, "audio/wav"),
      ext: "wav",
    };
  }
  a.file ??= file;
  return a.file;
}

export function assetRoutes(ctx: EmuContext, store: AssetStore): Route[] {
  // Asset URLs live 12 h per the doc: half the (24 h) output lifetime, so a shortened TTL in tests shortens both.
  const assetTtlMs = () => (ctx.opts.outputTtlSeconds * 1000) / 2;
  return [
    {
      method: "POST",
      pattern: /^\/model\/origin\/assets\/create$/,
      family: "ark",
      auth: true,
      handler(r) {
        r.log.op = "asset.create";
        const parsed = arkAssetCreateBody.safeParse(r.body);
        if (!parsed.success) return assetBodyError(ctx, r, parsed.error.issues);
        const body = parsed.data;
        const f = faultsInPrompt(`${body.Name ?? ""} ${body.URL}`);
        if (ctx.fault(r, f.create)) return;
        // Preprocessing takes a share of a task's run time.
        const readyMs = Math.max(50, Math.round(ctx.opts.taskSeconds * 1000 * 0.3));
        const a = store.add(body, readyMs, f.failed, f.poll);
        ctx.json(r, 200, { ResponseMetadata: META("CreateAsset"), Result: { Id: a.id } });
      },
    },
    {
      method: "POST",
      pattern: /^\/model\/origin\/assets\/get$/,
      family: "ark",
      auth: true,
      async handler(r) {
        r.log.op = "asset.get";
        const id = r.url.searchParams.get("id");
        if (!id) return ctx.error(r, 400, "MissingParameter", "The request is missing id parameter.");
        const a = store.get(id);
        if (a?.pollFault) {
          const fault = a.pollFault;
          a.pollFault = undefined;
          if (ctx.fault(r, fault)) return;
        }
        const project = (r.body as { ProjectName?: unknown } | undefined)?.ProjectName;
        // An asset of another project is not visible from this one.
        if (!a || (typeof project === "string" && project !== (a.body.ProjectName ?? "default"))) {
          return ctx.error(r, 404, "NotFound.Asset", `The specified asset ${id} is not found.`);
        }
        const status = store.status(a);
        const Result: Record<string, unknown> = {
          Id: a.id,
          Name: a.body.Name ?? "",
          AssetType: a.body.AssetType,
          GroupId: a.body.GroupId,
          Status: status,
          CreateTime: isoSeconds(a.createdAt),
          UpdateTime: isoSeconds(status === "Processing" ? a.createdAt : a.createdAt + a.readyMs),
          ProjectName: a.body.ProjectName ?? "default",
        };
        if (status === "Active") {
          const file = await assetFile(ctx, a);
          Result.URL = ctx.publicUrl() + ctx.files.signedPath(file.id, file.ext, Date.now() + assetTtlMs());
        }
        if (status === "Failed")
          Result.Error = {
            Code: "InternalError",
            Message:
              "The asset could not be processed. Check that the URL is reachable and the file meets the documented limits.",
          };
        ctx.json(r, 200, { ResponseMetadata: META("GetAsset"), Result });
      },
    },
  ];
}

function assetBodyError(
  ctx: EmuContext,
  r: EmuRequest,
  issues: { code: string; path: PropertyKey[]; message: string }[],
) {
  const i = issues[0];
  const field = String(i.path[0] ?? "body");
  const missing = i.code === "invalid_type" && (r.body as Record<string, unknown> | undefined)?.[field] === undefined;
  // The public error table: "The request is missing %s parameter."; otherwise InvalidParameter.{{Parameter}}.
  if (missing) return ctx.error(r, 400, "MissingParameter", `The request is missing ${field} parameter.`);
  return ctx.error(r, 400, `InvalidParameter.${field}`, `The specified parameter ${field} is invalid: ${i.message}.`);
}

/** Why an `asset://ID` may not be used in a task: unknown, still processing, failed, or of another type. */
export function assetRefProblem(
  store: AssetStore,
  id: string,
  kind: "Image" | "Video" | "Audio",
): { status: number; code: string; message: string } | undefined {
  const a = store.get(id);
  if (!a) return { status: 404, code: "NotFound.Asset", message: `The specified asset ${id} is not found.` };
  const status = store.status(a);
  if (status !== "Active")
    return {
      status: 403,
      code: "OperationDenied.InvalidState",
      message: `The specified asset ${id} is in invalid state: ${status}. Only Active assets can be used.`,
    };
  if (a.body.AssetType !== kind)
    return {
      status: 400,
      code: "InvalidParameter",
      message: `asset ${id} is of type ${a.body.AssetType} and cannot be used as ${kind.toLowerCase()} content.`,
    };
  return undefined;
}
