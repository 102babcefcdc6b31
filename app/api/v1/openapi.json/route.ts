import { NextResponse } from "next/server";
import { openApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-static";

/** GET /api/v1/openapi.json — the REST contract, generated from the validation schemas. */
export function GET() {
  return NextResponse.json(openApiDocument());
}
