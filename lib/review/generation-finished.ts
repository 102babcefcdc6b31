import "server-only";
import { db } from "@/lib/db";
import { notify } from "./notifications";

/**
 * The engine calls this when a generation may have reached an end: its creator hears that it finished or failed
 * (once — a second call finds the notification). Never throws: a notification must not disturb the engine.
 */
export function generationFinished(generationId: string): void {
  void (async () => {
    const g = await db().generation.findUnique({
      where: { id: generationId },
      select: {
        teamId: true,
        createdById: true,
        status: true,
        prompt: true,
        outputs: { select: { id: true }, take: 1 },
      },
    });
    if (!g?.teamId || !g.createdById || (g.status !== "succeeded" && g.status !== "failed")) return;
    const type = g.status === "succeeded" ? "generation_succeeded" : "generation_failed";
    const seen = await db().notification.findFirst({ where: { generationId, type }, select: { id: true } });
    if (seen) return;
    await notify({
      teamId: g.teamId,
      type,
      userIds: [g.createdById],
      generationId,
      ...(type === "generation_succeeded" && g.outputs[0] ? { assetId: g.outputs[0].id } : {}),
      excerpt: g.prompt,
    });
  })().catch((e) => console.error("[notifications] generation finished:", e));
}
