import { NextResponse } from "next/server";
import { route } from "@/lib/api/handler";
import { versionsOf } from "@/lib/versions/stacks";

export const dynamic = "force-dynamic";

/** GET /api/v1/assets/{id}/versions → {stack, versions: [...]} newest first, each with its changes from the one before. */
export const GET = route<{ id: string }>("team:read", async (_req, caller, { id }) =>
  NextResponse.json(await versionsOf(caller, id)),
);
