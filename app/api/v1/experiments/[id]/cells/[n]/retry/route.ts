import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { retryCell } from "@/lib/experiments/manage";
import { ownedExperiment } from "@/lib/experiments/view";

export const dynamic = "force-dynamic";

const cellNumber = z.coerce.number().int().min(0).max(100_000);

/** Run one failed (or cancelled, expired) cell again; it waits for a slot like any other. */
export const POST = route<{ id: string; n: string }>("generation:create", async (_req, caller, { id, n }) => {
  await ownedExperiment(caller, id);
  const cell = cellNumber.safeParse(n);
  if (!cell.success) throw new AppError("not_found", `experiment ${id} has no cell ${n}`);
  return NextResponse.json(await retryCell(caller, id, cell.data));
});
