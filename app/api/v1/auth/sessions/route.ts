import { NextResponse } from "next/server";
import { route } from "@/lib/api/handler";
import { listSessions, signOutEverywhere } from "@/lib/auth/sessions";

export const dynamic = "force-dynamic";

/** GET /api/v1/auth/sessions → the caller's signed-in sessions (the current one marked). */
export const GET = route("signed-in", async (_req, caller) =>
  NextResponse.json({ items: await listSessions(caller.userId, caller.sessionToken) }),
);

/** DELETE /api/v1/auth/sessions → "sign out everywhere", this session included. */
export const DELETE = route("signed-in", async (req, caller) => signOutEverywhere(req.headers, caller.userId));
