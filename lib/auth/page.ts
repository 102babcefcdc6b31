import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { AppError } from "@/lib/errors";
import { hasUsers } from "./accounts";
import { resolveCaller, type Caller } from "./caller";

/** The caller of this page request (one lookup per request, shared by the layout and the page). */
export const pageCaller = cache(async (): Promise<Caller | null | "no-team"> => {
  try {
    return await resolveCaller(await headers());
  } catch (e) {
    if (e instanceof AppError && e.code === "no_team") return "no-team";
    if (e instanceof AppError && e.code === "unauthorized") return null;
    throw e;
  }
});

/**
 * Every studio page starts here: no account yet → the setup screen; not signed in → sign-in (and back
 * to this page after); signed in without a team → the page that says so.
 */
export async function requirePageCaller(): Promise<Caller> {
  const c = await pageCaller();
  if (c === "no-team") redirect("/no-team");
  if (c) return c;
  if (!(await hasUsers())) redirect("/setup");
  const path = (await headers()).get("x-studio-path") ?? "/";
  redirect(`/sign-in?next=${encodeURIComponent(path)}`);
}
