import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/api/handler";
import { deleteBoard, getBoard, updateBoard, updateBoardRequest } from "@/lib/gallery/boards";

export const dynamic = "force-dynamic";

/** GET /api/v1/boards/{id} → the board (its items: GET /api/v1/gallery?board={id}). */
export const GET = route<{ id: string }>("team:read", async (_req, caller, { id }) =>
  NextResponse.json(await getBoard(caller, id)),
);

/** PATCH /api/v1/boards/{id} {name?, coverAssetId?} */
export const PATCH = route<{ id: string }>("gallery:organize", async (req, caller, { id }) =>
  NextResponse.json(await updateBoard(caller, id, updateBoardRequest.parse(await readJson(req)))),
);

/** DELETE /api/v1/boards/{id} — the board goes, its assets stay. → 204 */
export const DELETE = route<{ id: string }>("gallery:organize", async (_req, caller, { id }) => {
  await deleteBoard(caller, id);
  return new Response(null, { status: 204 });
});
