import { NextResponse, type NextRequest } from "next/server";

// Any API path that no route serves answers JSON, never Next's HTML 404 page.
function notFound(req: NextRequest) {
  return NextResponse.json(
    { error: { code: "not_found", message: `no such endpoint: ${req.method} ${req.nextUrl.pathname}` } },
    { status: 404 },
  );
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
