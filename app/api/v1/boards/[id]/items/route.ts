import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/api/handler";
import { addBoardItems, boardItemsRequest, removeBoardItems } from "@/lib/gallery/boards";

export const dynamic = "force-dynamic";

/** POST /api/v1/boards/{id}/items {assetIds} → {added, board}; another team's ids are skipped. */
export const POST = route<{ id: string }>("gallery:organize", async (req, caller, { id }) =>
  NextResponse.json(await addBoardItems(caller, id, boardItemsRequest.parse(await readJson(req)).assetIds)),
);

/** DELETE /api/v1/boards/{id}/items {assetIds} → {removed, board} */
export const DELETE = route<{ id: string }>("gallery:organize", async (req, caller, { id }) =>
  NextResponse.json(await removeBoardItems(caller, id, boardItemsRequest.parse(await readJson(req)).assetIds)),
);
