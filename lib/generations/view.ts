import type { Asset, Generation, GenerationInput } from "@/lib/db";

export interface AssetView {
  id: string;
  kind: string;
  mime: string | null;
  size: number | null;
  sha256: string | null;
  width?: number;
  height?: number;
  durationSeconds?: number;
  role?: string;
  origin: string;
  archiveState: string;
  archiveError?: string;
  upstreamExpiresAt?: string;
  fileUrl?: string;
  posterUrl?: string;
  createdAt: string;
}

export function assetView(a: Asset): AssetView {
  const archived = a.archiveState === "archived" || a.origin === "upload";
  return {
    id: a.id,
    kind: a.kind,
    mime: a.mime,
    size: a.size,
    sha256: a.sha256,
    ...(a.width ? { width: a.width } : {}),
    ...(a.height ? { height: a.height } : {}),
    ...(a.durationSeconds ? { durationSeconds: a.durationSeconds } : {}),
    ...(a.role ? { role: a.role } : {}),
    origin: a.origin,
    archiveState: a.archiveState,
    ...(a.archiveError ? { archiveError: a.archiveError } : {}),
    ...(a.upstreamExpiresAt ? { upstreamExpiresAt: a.upstreamExpiresAt.toISOString() } : {}),
    ...(archived ? { fileUrl: `/api/v1/assets/${a.id}/file` } : {}),
    ...(archived && a.posterKey ? { posterUrl: `/api/v1/assets/${a.id}/poster` } : {}),
    createdAt: a.createdAt.toISOString(),
  };
}

/** The public shape of GET /api/v1/generations/{id} (issue #3), extended with what the pages need. */
export function generationView(g: Generation & { outputs?: Asset[]; inputs?: GenerationInput[] }) {
  return {
    id: g.id,
    model: g.model,
    mode: g.mode,
    status: g.status,
    // Sub-state of an active generation: "waiting_capacity" (TD answered 429; sent again later) or "saving"
    // (TD finished; outputs being stored — it becomes succeeded once every file is readable here).
    ...(g.phase ? { phase: g.phase as "waiting_capacity" | "saving" } : {}),
    ...(g.progress != null ? { progress: g.progress } : {}),
    ...(g.errorCode || g.errorMessage ? { error: { code: g.errorCode ?? "failed", message: g.errorMessage ?? "" } } : {}),
    outputs: (g.outputs ?? []).map((a) => ({ assetId: a.id, kind: a.kind, mime: a.mime ?? "", ...(a.role ? { role: a.role } : {}), asset: assetView(a) })),
    prompt: g.prompt,
    params: JSON.parse(g.params || "{}") as Record<string, unknown>,
    inputs: (g.inputs ?? []).map((i) => ({ role: i.role, position: i.position, ...(i.assetId ? { assetId: i.assetId } : {}), ...(i.url ? { url: i.url } : {}) })),
    upstreamTaskId: g.upstreamTaskId,
    upstreamStatus: g.upstreamStatus,
    requestIds: JSON.parse(g.requestIds || "[]") as string[],
    createdAt: g.createdAt.toISOString(),
    ...(g.submittedAt ? { submittedAt: g.submittedAt.toISOString() } : {}),
    ...(g.finishedAt ? { finishedAt: g.finishedAt.toISOString() } : {}),
  };
}
export type GenerationView = ReturnType<typeof generationView>;
