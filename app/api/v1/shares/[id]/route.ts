import { NextResponse } from "next/server";
import { route } from "@/lib/api/handler";
import { revokeShare } from "@/lib/gallery/shares";

export const dynamic = "force-dynamic";

/** DELETE /api/v1/shares/{id} — revoke: the link answers 404 from now on. → the share (state "revoked"). */
export const DELETE = route<{ id: string }>("share:create", async (_req, caller, { id }) =>
  NextResponse.json(await revokeShare(caller, id)),
);
