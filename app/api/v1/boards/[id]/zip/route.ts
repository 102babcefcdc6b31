import { route } from "@/lib/api/handler";
import { boardZip } from "@/lib/gallery/zip";

export const dynamic = "force-dynamic";

/** GET /api/v1/boards/{id}/zip — the board's files and a manifest.json of prompts and parameters, streamed. */
export const GET = route<{ id: string }>("team:read", async (_req, caller, { id }) => boardZip(caller, id));
