import { NextRequest } from "next/server";

// Integration tests that call the real route handlers with real API tokens: the people of two teams, and a
// caller that finds the handler for a path among the modules a test has imported.

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
export type Person = { id: string; token: string; teamId: string };
export type Who = "alice" | "bob" | "rita" | "eve";

/** Route modules by their path under /api/v1 ("assets/[id]/comments"); a test fills it in beforeAll. */
export const routes: Record<string, Record<string, unknown>> = {};
export const people = {} as Record<Who, Person>;

/** The route key and params of a path: each `[name]` segment of a registered key matches any one segment. */
function match(pathname: string): { key: string; params: Record<string, string> } | undefined {
  const seg = pathname.replace(/^\/api\/v1\//, "").split("/");
  for (const key of Object.keys(routes)) {
    const parts = key.split("/");
    if (parts.length !== seg.length) continue;
    const params: Record<string, string> = {};
    if (parts.every((p, i) => (/^\[\w+\]$/.test(p) ? ((params[p.slice(1, -1)] = seg[i]), true) : p === seg[i])))
      return { key, params };
  }
}

export async function call(
  who: Who,
  method: string,
  path: string,
  body?: unknown,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<{ status: number; json: any }> {
  const url = new URL(path, "http://studio.test");
  const found = match(url.pathname);
  const handler = found && (routes[found.key]?.[method] as Handler | undefined);
  if (!found || !handler) throw new Error(`no route ${method} ${url.pathname}`);
  const req = new NextRequest(url, {
    method,
    headers: {
      Authorization: `Bearer ${people[who].token}`,
      ...(body !== undefined ? { "Content-Type": "application/json" } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const res = await handler(req, { params: Promise.resolve(found.params) });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

/** Team A: alice (admin), bob (member), rita (reviewer); team B: eve (admin). Each with an API token. */
/** Every asset id `who` sees in `GET /api/v1/gallery?query`, following `nextCursor` page by page (keyset walk). */
export async function galleryIds(who: Who, query: string, limit = 200): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 100; i++) {
    const r = await call(who, "GET", `/api/v1/gallery?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`);
    if (r.status !== 200) throw new Error(`gallery answered ${r.status}: ${JSON.stringify(r.json)}`);
    ids.push(...r.json.items.map((x: { assetId: string }) => x.assetId));
    cursor = r.json.nextCursor;
    if (!cursor) return ids;
  }
  throw new Error("too many pages");
}

export async function twoTeams(o: { teams: [string, string]; bobName?: string }): Promise<void> {
  const { createAccount, createTeam, addMember } = await import("@/lib/auth/accounts");
  const { createToken } = await import("@/lib/auth/tokens");
  const alice = await createAccount({ name: "Alice", email: "alice@example.com", password: "correct horse 1" });
  const bob = await createAccount({ name: o.bobName ?? "Bob", email: "bob@example.com", password: "correct horse 2" });
  const rita = await createAccount({ name: "Rita", email: "rita@example.com", password: "correct horse 3" });
  const eve = await createAccount({ name: "Eve", email: "eve@example.com", password: "correct horse 4" });
  const a = await createTeam(o.teams[0], alice.id, "admin");
  await addMember(a.id, bob.id, "member");
  await addMember(a.id, rita.id, "reviewer");
  const b = await createTeam(o.teams[1], eve.id, "admin");
  for (const [name, user, team] of [
    ["alice", alice, a],
    ["bob", bob, a],
    ["rita", rita, a],
    ["eve", eve, b],
  ] as const) {
    people[name] = {
      id: user.id,
      teamId: team.id,
      token: (await createToken({ teamId: team.id, userId: user.id }, "test")).token,
    };
  }
}
