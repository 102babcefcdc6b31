import { NextResponse } from "next/server";
import { route } from "@/lib/api/handler";
import { getResults } from "@/lib/experiments/votes";

export const dynamic = "force-dynamic";

/** Per variant: wins, ties, votes, win rate, average cost and time; the votes per person. */
export const GET = route<{ id: string }>("team:read", async (_req, caller, { id }) => {
  return NextResponse.json(await getResults(caller, id));
});
