import "server-only";
import { randomUUID } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { requireOperator, requirePermission, resolveCaller, type Caller } from "@/lib/auth/caller";
import type { Permission } from "@/lib/auth/permissions";
import { describeIssue } from "@/lib/catalog/validate";
import { ConfigError } from "@/lib/config/env";
import { AppError } from "@/lib/errors";
import { log, requestIdOf, withRequestId } from "@/lib/log";
import type { AfterFirstByte } from "./server-timing";
import { assertJsonContentType, assertSameOrigin, jsonBodyLimit, readBodyText } from "./request-guards";

export type { Caller };

/** What a route needs of its caller: a named permission in the current team, any signed-in person, or an operator. */
export type Access = Permission | "signed-in" | "operator";

export function errorResponse(e: unknown): NextResponse {
  if (e instanceof AppError) {
    const retry = e.details?.retryAfter;
    return NextResponse.json(
      { error: e.toJSON() },
      { status: e.status, headers: retry ? { "Retry-After": String(retry) } : undefined },
    );
  }
  if (e instanceof z.ZodError) {
    const first = describeIssue(e.issues[0]);
    return NextResponse.json(
      {
        error: {
          code: "invalid_request",
          message: e.issues.map((i) => describeIssue(i).message).join("; "),
          field: first.field,
        },
      },
      { status: 400 },
    );
  }
  // Unknown errors never leak (paths, Prisma, undici texts): log them with an id the person can quote.
  const errorId = randomUUID().slice(0, 8);
  if (e instanceof ConfigError) log("api").error({ errorId }, e.message);
  else log("api").error({ errorId, err: e }, "unexpected error");
  return NextResponse.json(
    {
      error: {
        code: "internal",
        message: `Something went wrong on the studio's side (error id ${errorId}). It was logged.`,
        errorId,
      },
    },
    { status: 500 },
  );
}

type Ctx<P> = { params: Promise<P> };

/**
 * Runs one request's handler with its request id (the caller's `x-request-id` or a new one) on every log entry,
 * and echoes the id in the answer's `X-Request-Id` unless the handler set one.
 */
export async function withRequestLog(req: { headers: Headers }, fn: () => Promise<Response>): Promise<Response> {
  const reqId = requestIdOf(req.headers);
  const res = await withRequestId(reqId, fn);
  if (!res.headers.has("x-request-id")) {
    try {
      res.headers.set("X-Request-Id", reqId);
    } catch {
      /* an immutable Response (e.g. a redirect): it goes out without the header */
    }
  }
  return res;
}

/**
 * Who is asking (session or token) and whether they may: the one check every API route goes through.
 * `later` (hot paths): bookkeeping writes wait until the answer's first byte is out.
 */
export async function authorize(req: NextRequest, access: Access, later?: AfterFirstByte): Promise<Caller> {
  const caller = await resolveCaller(req.headers, later);
  if (caller?.via === "session") assertSameOrigin(req);
  if (access === "operator") return requireOperator(caller);
  return requirePermission(caller, access === "signed-in" ? undefined : access);
}

/**
 * authorize() for a request whose caller is an API token (`Authorization: Bearer …`, checked by the caller): a
 * token is never sent by a browser on its own, so no same-origin check applies, exactly as in authorize(). The
 * chat gateway's fast lane uses it, having no Next request to give.
 */
export async function authorizeBearer(headers: Headers, access: Permission, later?: AfterFirstByte): Promise<Caller> {
  const caller = await resolveCaller(headers, later);
  if (caller && caller.via !== "token") throw new Error("authorizeBearer: the request carries no bearer token");
  return requirePermission(caller, access);
}

/** Route wrapper: authorize → run → JSON errors in one shape (never a stack trace or an HTML page). */
export function route<P = Record<string, string>>(
  access: Access,
  fn: (req: NextRequest, caller: Caller, params: P) => Promise<Response>,
) {
  return (req: NextRequest, ctx: Ctx<P>): Promise<Response> =>
    withRequestLog(req, async () => {
      try {
        const caller = await authorize(req, access);
        return await fn(req, caller, await ctx.params);
      } catch (e) {
        return errorResponse(e);
      }
    });
}

/**
 * A route anyone may call (the catalog, sign-in, setup, invites). State-changing calls still have to come
 * from our own origin; the caller is passed when there is one.
 */
export function publicRoute<P = Record<string, string>>(
  fn: (req: NextRequest, caller: Caller | null, params: P) => Promise<Response>,
) {
  return (req: NextRequest, ctx: Ctx<P>): Promise<Response> =>
    withRequestLog(req, async () => {
      try {
        assertSameOrigin(req);
        const caller =
          req.headers.get("cookie") || req.headers.get("authorization")
            ? await resolveCaller(req.headers).catch(() => null)
            : null;
        return await fn(req, caller, await ctx.params);
      } catch (e) {
        return errorResponse(e);
      }
    });
}

/**
 * An operations route guarded by its own token (the metrics endpoint), not by a studio caller: the token check is
 * the handler's. Errors and request ids as every other route.
 */
export function metricsRoute(fn: (req: NextRequest) => Promise<Response>) {
  return (req: NextRequest): Promise<Response> =>
    withRequestLog(req, async () => {
      try {
        return await fn(req);
      } catch (e) {
        return errorResponse(e);
      }
    });
}

/** The JSON body: `application/json` only, at most the route's limit (1 MB by default), parsed. */
export async function readJson(req: NextRequest, limit = jsonBodyLimit()): Promise<unknown> {
  const text = await readBodyText(req, limit);
  if (!text) return {};
  assertJsonContentType(req);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid_request", "The request body is not valid JSON.");
  }
}
