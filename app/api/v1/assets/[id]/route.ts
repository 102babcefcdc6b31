import { NextResponse } from "next/server";
import { route } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assetView } from "@/lib/generations/view";

export const dynamic = "force-dynamic";

export const GET = route<{ id: string }>(async (_req, caller, { id }) => {
  const a = await db().asset.findFirst({ where: { id, owner: caller.owner } });
  if (!a) throw new AppError("not_found", `asset ${id} does not exist`);
  return NextResponse.json(assetView(a));
});
