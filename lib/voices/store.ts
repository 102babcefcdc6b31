import "server-only";
import type { Scope } from "@/lib/auth/scope";
import { randomUUID } from "node:crypto";
import { MINIMAX_SYSTEM_VOICES } from "@/lib/catalog/minimax-tts";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Voice } from "@/lib/generated/prisma/client";
import type { TtsParams } from "@/lib/td/vod-tts";
import type { AddVoiceRequest, UpdateVoiceRequest, VoiceList, VoiceView } from "./schema";

const list = (s: string): string[] => {
  try {
    const v = JSON.parse(s) as unknown;
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
};

export function voiceView(v: Voice): VoiceView {
  return {
    id: v.id,
    voiceId: v.voiceId,
    name: v.name,
    ...(v.description ? { description: v.description } : {}),
    ...(v.gender ? { gender: v.gender } : {}),
    ...(v.age ? { age: v.age } : {}),
    labels: list(v.labels),
    scenes: list(v.scenes),
    ...(v.language ? { language: v.language } : {}),
    source: v.source === "clone" ? "clone" : "manual",
    ...(v.sampleAssetId ? { sampleAssetId: v.sampleAssetId, sampleUrl: `/api/v1/assets/${v.sampleAssetId}/file` } : {}),
    ...(v.generationId ? { generationId: v.generationId } : {}),
    createdAt: v.createdAt.toISOString(),
  };
}

/** The team's voices (newest first) and the system voices the studio offers. */
export async function listVoices(scope: Scope): Promise<VoiceList> {
  const rows = await db().voice.findMany({
    where: { teamId: scope.teamId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return {
    items: rows.map(voiceView),
    system: MINIMAX_SYSTEM_VOICES.map((v) => ({ voiceId: v.id, name: { zh: v.zh, en: v.en }, gender: v.gender })),
  };
}

export async function getVoice(scope: Scope, id: string): Promise<VoiceView> {
  const v = await db().voice.findFirst({ where: { id, teamId: scope.teamId } });
  if (!v) throw new AppError("not_found", `voice ${id} does not exist`);
  return voiceView(v);
}

export async function addVoice(scope: Scope, req: AddVoiceRequest): Promise<VoiceView> {
  if (MINIMAX_SYSTEM_VOICES.some((s) => s.id === req.voiceId))
    throw new AppError("conflict", `${req.voiceId} is a system voice: it is already in the list`, "voiceId", {
      reason: "system_voice",
    });
  const existing = await db().voice.findUnique({
    where: { teamId_voiceId: { teamId: scope.teamId, voiceId: req.voiceId } },
  });
  if (existing)
    throw new AppError("conflict", `this VoiceId is already saved as "${existing.name}"`, "voiceId", {
      reason: "voice_saved",
      name: existing.name,
    });
  const row = await db().voice.create({
    data: {
      id: randomUUID(),
      teamId: scope.teamId,
      createdById: scope.userId,
      voiceId: req.voiceId,
      name: req.name,
      description: req.description || null,
      gender: req.gender ?? null,
      age: req.age ?? null,
      labels: JSON.stringify(req.labels ?? []),
      scenes: JSON.stringify(req.scenes ?? []),
      language: req.language ?? null,
      source: "manual",
    },
  });
  return voiceView(row);
}

export async function updateVoice(scope: Scope, id: string, req: UpdateVoiceRequest): Promise<VoiceView> {
  await getVoice(scope, id);
  const row = await db().voice.update({
    where: { id },
    data: {
      ...(req.name !== undefined ? { name: req.name } : {}),
      ...(req.description !== undefined ? { description: req.description || null } : {}),
      ...(req.gender !== undefined ? { gender: req.gender } : {}),
      ...(req.age !== undefined ? { age: req.age } : {}),
      ...(req.labels !== undefined ? { labels: JSON.stringify(req.labels) } : {}),
      ...(req.scenes !== undefined ? { scenes: JSON.stringify(req.scenes) } : {}),
      ...(req.language !== undefined ? { language: req.language } : {}),
    },
  });
  return voiceView(row);
}

/** Forgets the voice in the studio's list; its sample asset and the generation that made it are kept. */
export async function deleteVoice(scope: Scope, id: string): Promise<void> {
  await getVoice(scope, id);
  await db().voice.delete({ where: { id } });
}

/**
 * Called by the engine (lib/generations/finish.ts) once a generation has succeeded: a voice-clone keeps the
 * returned VoiceId as a named team voice, with the clone sample as its asset. Other generations are ignored.
 */
export async function saveClonedVoice(generationId: string, usage: unknown): Promise<void> {
  const voiceId = (usage as { voiceId?: unknown } | undefined)?.voiceId;
  if (typeof voiceId !== "string" || !voiceId) return;
  const gen = await db().generation.findUnique({ where: { id: generationId }, include: { inputs: true } });
  if (!gen || gen.mode !== "voice-clone" || gen.status !== "succeeded") return;
  const p = JSON.parse(gen.params || "{}") as TtsParams;
  const sample = gen.inputs.find((i) => i.role === "clone_audio" && i.assetId)?.assetId ?? null;
  const profile = {
    name: p.voiceName?.trim() || `Voice ${gen.createdAt.toISOString().slice(0, 16).replace("T", " ")}`,
    description: p.voiceDescription?.trim() || null,
    gender: p.voiceGender ?? null,
    age: p.voiceAge ?? null,
    labels: JSON.stringify(p.voiceLabels ?? []),
    scenes: JSON.stringify(p.voiceScenes ?? []),
    language: p.cloneLanguage ?? null,
  };
  await db().voice.upsert({
    where: { teamId_voiceId: { teamId: gen.teamId!, voiceId } },
    create: {
      id: randomUUID(),
      teamId: gen.teamId,
      createdById: gen.createdById,
      voiceId,
      source: "clone",
      sampleAssetId: sample,
      generationId,
      ...profile,
    },
    update: { sampleAssetId: sample, generationId, ...profile },
  });
}
