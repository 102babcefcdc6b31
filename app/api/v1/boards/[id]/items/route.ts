import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/api/handler";
import {
  addBoardItems,
  boardItemsRequest,
  removeBoardItems,
  reorderBoardItem,
  reorderBoardRequest,
} from "@/lib/gallery/boards";

export const dynamic = "force-dynamic";

/** POST /api/v1/boards/{id}/items {assetIds} → {added, board}; another team's ids are skipped. */
export const POST = route<{ id: string }>("gallery:organize", async (req, caller, { id }) =>
  NextResponse.json(await addBoardItems(caller, id, boardItemsRequest.parse(await readJson(req)).assetIds)),
);

/** DELETE /api/v1/boards/{id}/items {assetIds} → {removed, board} */
export const DELETE = route<{ id: string }>("gallery:organize", async (req, caller, { id }) =>
  NextResponse.json(await removeBoardItems(caller, id, boardItemsRequest.parse(await readJson(req)).assetIds)),
);

/** PATCH /api/v1/boards/{id}/items {assetId, before?} → {board}: move an item before another, or to the end. */
export const PATCH = route<{ id: string }>("gallery:organize", async (req, caller, { id }) =>
  NextResponse.json(await reorderBoardItem(caller, id, reorderBoardRequest.parse(await readJson(req)))),
);
