import { NextResponse } from "next/server";
import { z } from "zod";
import { readJson, route } from "@/lib/api/handler";
import { switchTeam } from "@/lib/auth/sessions";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** PUT /api/v1/me/team {teamId} → this session works in another of the caller's teams (a token stays bound to its team). */
export const PUT = route("signed-in", async (req, caller) => {
  const { teamId } = z.object({ teamId: z.string().min(1) }).parse(await readJson(req));
  if (caller.via !== "session" || !caller.sessionToken)
    throw new AppError(
      "invalid_request",
      "An API token is bound to one team; create a token in the other team instead.",
    );
  await switchTeam(caller.sessionToken, caller.userId, teamId);
  return NextResponse.json({ ok: true, teamId });
});
