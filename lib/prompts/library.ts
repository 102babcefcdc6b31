import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { Scope } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { decodeCursor, encodeCursor } from "@/lib/gallery/cursor";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CreatePromptRequest, CreatePromptVersionRequest, listPromptsQuery, UpdatePromptRequest } from "./schema";
import type { PromptVersionView, PromptView } from "./types";

// The team's saved prompts: each a name, tags and notes over numbered versions (body or template, variables).
// A generation (or an experiment's cells) names the version it used; the detail lists them.

type VersionRow = Prisma.PromptVersionGetPayload<{ include: { _count: { select: { generations: true } } } }>;
type PromptRow = Prisma.PromptGetPayload<object>;

function versionView(v: VersionRow): PromptVersionView {
  return {
    id: v.id,
    version: v.version,
    body: v.body,
    variables: JSON.parse(v.variables) as Record<string, string[]>,
    ...(v.note ? { notes: v.note } : {}),
    source: v.source === "improve" ? "improve" : "manual",
    createdAt: v.createdAt.toISOString(),
    used: v._count.generations,
  };
}

function promptView(p: PromptRow, current: VersionRow): PromptView {
  return {
    id: p.id,
    name: p.name,
    tags: JSON.parse(p.tags) as string[],
    ...(p.notes ? { notes: p.notes } : {}),
    latest: versionView(current),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

const withCount = { _count: { select: { generations: true } } } as const;

export async function ownedPrompt(scope: Scope, id: string): Promise<PromptRow> {
  const p = await db().prompt.findFirst({ where: { id, teamId: scope.teamId } });
  if (!p) throw new AppError("not_found", `prompt ${id} does not exist`);
  return p;
}

async function nameTaken(scope: Scope, name: string, except?: string) {
  const other = await db().prompt.findFirst({
    where: { teamId: scope.teamId, name, NOT: except ? { id: except } : undefined },
  });
  if (other)
    throw new AppError("conflict", `a prompt named “${name}” already exists`, "name", {
      reason: "prompt_exists",
      name,
    });
}

export async function createPrompt(scope: Scope, req: CreatePromptRequest): Promise<PromptView> {
  await nameTaken(scope, req.name);
  const id = randomUUID();
  await db().prompt.create({
    data: {
      id,
      teamId: scope.teamId,
      createdById: scope.userId || null,
      name: req.name,
      tags: JSON.stringify(req.tags ?? []),
      notes: req.notes ?? null,
      latest: 1,
      versions: {
        create: {
          id: randomUUID(),
          version: 1,
          body: req.body,
          variables: JSON.stringify(req.variables ?? {}),
          createdById: scope.userId || null,
        },
      },
    },
  });
  return getPrompt(scope, id, { detail: false });
}

export async function getPrompt(scope: Scope, id: string, opts: { detail?: boolean } = {}): Promise<PromptView> {
  const p = await ownedPrompt(scope, id);
  const versions = await db().promptVersion.findMany({
    where: { promptId: id },
    orderBy: { version: "desc" },
    include: withCount,
  });
  const view = promptView(p, versions[0]);
  if (opts.detail === false) return view;
  const gens = await db().generation.findMany({
    where: { teamId: scope.teamId, promptVersionId: { in: versions.map((v) => v.id) } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    select: { id: true, promptVersionId: true, model: true, status: true, createdAt: true },
  });
  const number = new Map(versions.map((v) => [v.id, v.version]));
  return {
    ...view,
    versions: versions.map(versionView),
    generations: gens.map((g) => ({
      id: g.id,
      versionId: g.promptVersionId!,
      version: number.get(g.promptVersionId!) ?? 0,
      model: g.model,
      status: g.status,
      createdAt: g.createdAt.toISOString(),
    })),
  };
}

export async function listPrompts(scope: Scope, q: z.infer<typeof listPromptsQuery>) {
  const after = q.cursor ? decodeCursor(q.cursor) : undefined;
  const rows = await db().prompt.findMany({
    where: {
      teamId: scope.teamId,
      ...(q.q ? { OR: [{ name: { contains: q.q } }, { notes: { contains: q.q } }] } : {}),
      ...(q.tag ? { tags: { contains: JSON.stringify(q.tag) } } : {}),
      ...(after
        ? {
            AND: [
              {
                OR: [
                  { updatedAt: { lt: new Date(after.createdAt) } },
                  { updatedAt: new Date(after.createdAt), id: { lt: after.id } },
                ],
              },
            ],
          }
        : {}),
    },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    include: { versions: { orderBy: { version: "desc" }, take: 1, include: withCount } },
  });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((p) => promptView(p, p.versions[0])),
    nextCursor: rows.length > q.limit ? encodeCursor({ createdAt: last.updatedAt.toISOString(), id: last.id }) : null,
  };
}

export async function updatePrompt(scope: Scope, id: string, req: UpdatePromptRequest): Promise<PromptView> {
  await ownedPrompt(scope, id);
  if (req.name) await nameTaken(scope, req.name, id);
  await db().prompt.update({
    where: { id },
    data: {
      ...(req.name ? { name: req.name } : {}),
      ...(req.tags ? { tags: JSON.stringify(req.tags) } : {}),
      ...(req.notes !== undefined ? { notes: req.notes } : {}),
    },
  });
  return getPrompt(scope, id);
}

/** A new version: the next number, in one transaction with the prompt's `latest`. */
export async function addPromptVersion(scope: Scope, id: string, req: CreatePromptVersionRequest): Promise<PromptView> {
  await ownedPrompt(scope, id);
  await db().$transaction(async (tx) => {
    const p = await tx.prompt.update({ where: { id }, data: { latest: { increment: 1 } } });
    await tx.promptVersion.create({
      data: {
        id: randomUUID(),
        promptId: id,
        version: p.latest,
        body: req.body,
        variables: JSON.stringify(req.variables ?? {}),
        note: req.notes ?? null,
        source: req.source ?? "manual",
        createdById: scope.userId || null,
      },
    });
  });
  return getPrompt(scope, id);
}

/** A generation or experiment may only name a version of its own team's library. */
export async function checkPromptVersion(scope: Scope, versionId: string): Promise<void> {
  const v = await db().promptVersion.findFirst({
    where: { id: versionId, prompt: { teamId: scope.teamId } },
    select: { id: true },
  });
  if (!v)
    throw new AppError("validation_failed", `prompt version ${versionId} does not exist`, "promptVersionId", {
      reason: "prompt_version_unknown",
    });
}
