import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/api/handler";
import { createBoard, createBoardRequest, listBoards } from "@/lib/gallery/boards";

export const dynamic = "force-dynamic";

/** GET /api/v1/boards → {items}: the team's boards. */
export const GET = route("team:read", async (_req, caller) => NextResponse.json({ items: await listBoards(caller) }));

/** POST /api/v1/boards {name} → 201 board. */
export const POST = route("gallery:organize", async (req, caller) =>
  NextResponse.json(await createBoard(caller, createBoardRequest.parse(await readJson(req))), { status: 201 }),
);
