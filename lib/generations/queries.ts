import "server-only";
import type { Scope } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { z } from "zod";
import type { listGenerationsQuery } from "./schema";
import { generationView } from "./view";

export async function getGeneration(scope: Scope, id: string) {
  const g = await db().generation.findFirst({
    where: { id, teamId: scope.teamId },
    include: { outputs: true, inputs: { orderBy: { position: "asc" } }, ledger: true },
  });
  if (!g) throw new AppError("not_found", `generation ${id} does not exist`);
  return generationView(g);
}

/** Newest first; the cursor is the id of the last item of the previous page. */
export async function listGenerations(scope: Scope, q: z.infer<typeof listGenerationsQuery>) {
  const rows = await db().generation.findMany({
    where: {
      teamId: scope.teamId,
      ...(q.id ? { id: q.id } : {}),
      ...(q.status ? { status: q.status } : {}),
      ...(q.model ? { model: q.model } : {}),
      ...(q.mode ? { mode: q.mode } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}),
    include: { outputs: true, inputs: { orderBy: { position: "asc" } }, ledger: true },
  });
  const page = rows.slice(0, q.limit);
  return { items: page.map(generationView), nextCursor: rows.length > q.limit ? page[page.length - 1].id : null };
}
