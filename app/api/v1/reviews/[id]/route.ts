import { NextResponse } from "next/server";
import { route } from "@/lib/api/handler";
import { getRequest } from "@/lib/review/requests";

export const dynamic = "force-dynamic";

/** GET /api/v1/reviews/{id} → the request with every asset's state and each reviewer's decision. */
export const GET = route<{ id: string }>("team:read", async (_req, caller, { id }) =>
  NextResponse.json(await getRequest(caller, id)),
);
