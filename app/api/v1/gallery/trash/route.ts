import { NextResponse } from "next/server";
import { route } from "@/lib/api/handler";
import { emptyTrash } from "@/lib/gallery/purge";

export const dynamic = "force-dynamic";

/** DELETE /api/v1/gallery/trash — empty the team's trash now: rows and files go (inputs of other work stay). → {purged} */
export const DELETE = route("gallery:organize", async (_req, caller) => NextResponse.json(await emptyTrash(caller)));
