import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { describeIssue } from "@/lib/catalog/validate";
import { ConfigError } from "@/lib/config/env";
import { AppError } from "@/lib/errors";

export interface Caller {
  owner: string;
}

/**
 * The one access check. Until accounts exist the API is open on the machine it runs on;
 * authentication plugs in here and every route gets it.
 */
export async function authorize(req: NextRequest): Promise<Caller> {
  void req; // accounts will read the session from the request here
  return { owner: "local" };
}

export function errorResponse(e: unknown): NextResponse {
  if (e instanceof AppError) return NextResponse.json({ error: e.toJSON() }, { status: e.status });
  if (e instanceof z.ZodError) {
    const first = describeIssue(e.issues[0]);
    return NextResponse.json({ error: { code: "invalid_request", message: e.issues.map((i) => describeIssue(i).message).join("; "), field: first.field } }, { status: 400 });
  }
  if (e instanceof ConfigError) {
    console.error(e.message);
    return NextResponse.json({ error: { code: "internal", message: "The studio is not configured correctly; see the server log." } }, { status: 500 });
  }
  // Unknown errors never leak: log them, answer a generic message.
  console.error("[api]", e);
  return NextResponse.json({ error: { code: "internal", message: "Something went wrong on the studio's side. The error was logged." } }, { status: 500 });
}

type Ctx<P> = { params: Promise<P> };

/** Route wrapper: authorize → run → JSON errors in one shape (never a stack trace or an HTML page). */
export function route<P = Record<string, string>>(fn: (req: NextRequest, caller: Caller, params: P) => Promise<Response>) {
  return async (req: NextRequest, ctx: Ctx<P>): Promise<Response> => {
    try {
      const caller = await authorize(req);
      return await fn(req, caller, await ctx.params);
    } catch (e) {
      return errorResponse(e);
    }
  };
}

export async function readJson(req: NextRequest): Promise<unknown> {
  const text = await req.text();
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid_request", "The request body is not valid JSON.");
  }
}
