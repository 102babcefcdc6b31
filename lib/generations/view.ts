import { assetView } from "@/lib/assets/view";
import type { Asset, Generation, GenerationInput, LedgerEntry } from "@/lib/db";
import { ledgerView } from "@/lib/spend/ledger-view";

/** The public shape of GET /api/v1/generations/{id} (issue #3), extended with what the pages need. */
export function generationView(
  g: Generation & { outputs?: Asset[]; inputs?: GenerationInput[]; ledger?: LedgerEntry | null },
) {
  return {
    id: g.id,
    model: g.model,
    mode: g.mode,
    status: g.status,
    // Sub-state of an active generation: "waiting_capacity" (TD answered 429; sent again later) or "saving"
    // (TD finished; outputs being stored — it becomes succeeded once every file is readable here).
    ...(g.phase ? { phase: g.phase as "waiting_capacity" | "saving" } : {}),
    ...(g.progress != null ? { progress: g.progress } : {}),
    ...(g.errorCode || g.errorMessage
      ? { error: { code: g.errorCode ?? "failed", message: g.errorMessage ?? "" } }
      : {}),
    outputs: (g.outputs ?? []).map((a) => ({
      assetId: a.id,
      kind: a.kind,
      mime: a.mime ?? "",
      ...(a.role ? { role: a.role } : {}),
      asset: assetView(a),
    })),
    prompt: g.prompt,
    params: JSON.parse(g.params || "{}") as Record<string, unknown>,
    inputs: (g.inputs ?? []).map((i) => ({
      role: i.role,
      position: i.position,
      ...(i.assetId ? { assetId: i.assetId } : {}),
      ...(i.url ? { url: i.url } : {}),
    })),
    ...(g.versionOf ? { versionOf: g.versionOf } : {}),
    ...(g.experimentId ? { experimentId: g.experimentId } : {}),
    ...(g.promptVersionId ? { promptVersionId: g.promptVersionId } : {}),
    upstreamTaskId: g.upstreamTaskId,
    upstreamStatus: g.upstreamStatus,
    requestIds: JSON.parse(g.requestIds || "[]") as string[],
    createdAt: g.createdAt.toISOString(),
    ...(g.submittedAt ? { submittedAt: g.submittedAt.toISOString() } : {}),
    ...(g.finishedAt ? { finishedAt: g.finishedAt.toISOString() } : {}),
    // What it spends: reserved, still reserved (SubmitUncertain), settled to the actual usage, or released.
    ...(g.ledger ? { spend: ledgerView(g.ledger, g) } : {}),
  };
}
export type GenerationView = ReturnType<typeof generationView>;
