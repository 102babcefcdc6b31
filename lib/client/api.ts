"use client";
import type { GenerationView } from "@/lib/generations/view";

export type { GenerationView };

/** An API error as the REST contract shapes it: {error: {code, message, field?, …details}}. Show it with lib/client/error-text. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** The error's parameters (the reason, the permission, seconds to wait…): the UI's text is built from them. */
    readonly details: Record<string, string | number> = {},
  ) {
    super(message);
  }
}

export async function api<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init;
  let res: Response;
  try {
    res = await fetch(path, {
      ...rest,
      headers: { ...(json !== undefined ? { "Content-Type": "application/json" } : {}), ...rest.headers },
      body: json !== undefined ? JSON.stringify(json) : rest.body,
    });
  } catch {
    throw new ApiError(0, "network", "The studio server could not be reached. Check that it is running.");
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!res.ok) {
    const { code, message, field, ...details } =
      (body as { error?: { code?: string; message?: string; field?: string } & Record<string, string | number> })
        ?.error ?? {};
    // The session ended (expired, signed out elsewhere): the shell offers to sign in again in place.
    if (res.status === 401 && !path.startsWith("/api/v1/auth/")) notifySignedOut();
    throw new ApiError(res.status, code ?? "http", message ?? `HTTP ${res.status}`, field, details);
  }
  return body as T;
}

export const SIGNED_OUT_EVENT = "studio:signed-out";

export function notifySignedOut() {
  window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
}
