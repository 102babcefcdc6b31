import type { NextRequest } from "next/server";

// The OpenAI-compatible base serves /models and /chat/completions; anything else answers in OpenAI's error shape.
function notFound(req: NextRequest) {
  return Response.json(
    {
      error: {
        message: `No such endpoint: ${req.method} ${req.nextUrl.pathname}. This OpenAI-compatible base serves GET /models and POST /chat/completions.`,
        type: "invalid_request_error",
        code: "unknown_url",
        param: null,
      },
    },
    { status: 404 },
  );
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
