import "server-only";
import type { Scope } from "@/lib/auth/scope";
import { getAsset } from "@/lib/assets/list";
import { db } from "@/lib/db";

/** How far lineage walks in each direction, and at most how many generations it returns per direction. */
export const LINEAGE_DEPTH = 5;
const MAX_NODES = 60;

export interface LineageNode {
  depth: number;
  generationId: string;
  model: string;
  mode: string;
  prompt: string | null;
  status: string;
  createdAt: string;
  inputs: { role: string; position: number; assetId?: string; url?: string; thumbnailUrl?: string }[];
  outputs: { assetId: string; kind: string; role?: string; thumbnailUrl: string }[];
}

type GenRow = Awaited<ReturnType<typeof loadGenerations>>[number];

// By id alone, then the team's: a teamId term next to an id list makes SQLite walk the team's whole index.
async function loadGenerations(scope: Scope, ids: string[]) {
  const rows = await db().generation.findMany({
    where: { id: { in: ids } },
    include: {
      inputs: { orderBy: [{ role: "asc" }, { position: "asc" }] },
      outputs: { where: { trashedAt: null }, select: { id: true, kind: true, role: true } },
    },
  });
  return rows.filter((g) => g.teamId === scope.teamId);
}

function node(g: GenRow, depth: number): LineageNode {
  return {
    depth,
    generationId: g.id,
    model: g.model,
    mode: g.mode,
    prompt: g.prompt,
    status: g.status,
    createdAt: g.createdAt.toISOString(),
    inputs: g.inputs.map((i) => ({
      role: i.role,
      position: i.position,
      ...(i.assetId ? { assetId: i.assetId, thumbnailUrl: `/api/v1/assets/${i.assetId}/thumbnail` } : {}),
      ...(i.url ? { url: i.url } : {}),
    })),
    outputs: g.outputs.map((o) => ({
      assetId: o.id,
      kind: o.kind,
      ...(o.role ? { role: o.role } : {}),
      thumbnailUrl: `/api/v1/assets/${o.id}/thumbnail`,
    })),
  };
}

/**
 * GET /api/v1/assets/{id}/lineage. madeFrom: the generation that made this asset, then the generations that
 * made its inputs, and so on; usedIn: the generations that took it as an input, then those that took their
 * outputs (a continue-from-last-frame chain reads down this list). Breadth first, depth-limited, team only.
 */
export async function assetLineage(
  scope: Scope,
  id: string,
): Promise<{ madeFrom: LineageNode[]; usedIn: LineageNode[] }> {
  const asset = await getAsset(scope, id);
  const seen = new Set<string>();
  const madeFrom: LineageNode[] = [];
  let frontier = asset.generationId ? [asset.generationId] : [];
  for (let depth = 1; depth <= LINEAGE_DEPTH && frontier.length && madeFrom.length < MAX_NODES; depth++) {
    const gens = await loadGenerations(
      scope,
      frontier.filter((g) => !seen.has(g)),
    );
    gens.forEach((g) => seen.add(g.id));
    madeFrom.push(...gens.map((g) => node(g, depth)));
    const inputIds = gens.flatMap((g) => g.inputs.flatMap((i) => (i.assetId ? [i.assetId] : [])));
    const parents = inputIds.length
      ? await db().asset.findMany({
          where: { id: { in: inputIds }, generationId: { not: null } },
          select: { generationId: true, teamId: true },
        })
      : [];
    frontier = [
      ...new Set(parents.flatMap((p) => (p.generationId && p.teamId === scope.teamId ? [p.generationId] : []))),
    ];
  }
  const usedIn: LineageNode[] = [];
  const seenDown = new Set<string>();
  let assets = [id];
  for (let depth = 1; depth <= LINEAGE_DEPTH && assets.length && usedIn.length < MAX_NODES; depth++) {
    const uses = await db().generationInput.findMany({
      where: { assetId: { in: assets } },
      select: { generationId: true },
    });
    const gens = await loadGenerations(
      scope,
      [...new Set(uses.map((u) => u.generationId))].filter((g) => !seenDown.has(g)),
    );
    gens.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    gens.forEach((g) => seenDown.add(g.id));
    usedIn.push(...gens.map((g) => node(g, depth)));
    assets = gens.flatMap((g) => g.outputs.map((o) => o.id));
  }
  return { madeFrom: madeFrom.slice(0, MAX_NODES), usedIn: usedIn.slice(0, MAX_NODES) };
}
