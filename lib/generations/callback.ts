import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { config } from "@/lib/config";
import { studioSecret } from "@/lib/config/secrets";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { wakeTask } from "./wake";

// TD's callback_url (Seedance): a per-generation URL signed with the studio's secret, so nobody can guess
// another task's URL. A callback only wakes the poller for that task; the poll (with our key) is what
// changes the record, so a forged or replayed body can cost at most one status call.

const secret = () => studioSecret("signing-secret", config().STUDIO_SIGNING_SECRET);

function sign(generationId: string): string {
  return createHmac("sha256", secret()).update(`callback.${generationId}`).digest("base64url");
}

/** The URL to give TD for this generation, or undefined when the studio has no public address. */
export function callbackUrlFor(generationId: string): string | undefined {
  const base = config().PUBLIC_BASE_URL;
  if (!base) return undefined;
  return `${base.replace(/\/+$/, "")}/api/v1/generations/${encodeURIComponent(generationId)}/callback?sig=${sign(generationId)}`;
}

export function verifyCallback(generationId: string, sig: string | null): boolean {
  if (!sig) return false;
  const want = Buffer.from(sign(generationId));
  const got = Buffer.from(sig);
  return got.length === want.length && timingSafeEqual(got, want);
}

/** Statuses in a callback that are worth a poll now; queued/running change nothing the schedule needs. */
const WORTH_A_POLL = new Set(["succeeded", "failed", "expired", "cancelled"]);

/**
 * A callback for one generation: a valid signature makes its next poll due now and wakes the poller.
 * An unknown id or a bad signature is a 404 (nothing tells a prober which ids exist).
 */
export async function acceptCallback(generationId: string, sig: string | null, status: unknown): Promise<boolean> {
  if (!verifyCallback(generationId, sig)) throw new AppError("not_found", "no such callback");
  if (typeof status === "string" && !WORTH_A_POLL.has(status)) return false;
  const now = new Date();
  const r = await db().generation.updateMany({
    where: {
      id: generationId,
      status: { in: ["queued", "running"] },
      upstreamTaskId: { not: null },
      nextPollAt: { gt: now },
    },
    data: { nextPollAt: now },
  });
  wakeTask(generationId);
  return r.count === 1;
}
