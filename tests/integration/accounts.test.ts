import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { freshStudioEnv } from "../../scripts/harness/studio-env";

// Accounts against a real database: the first run, invites, roles, tokens, sign-in limits and the CLI.
// Each test file gets its own modules, so the configuration read below is this file's fresh database.

let env: { dir: string; file: string; databaseUrl: string };
let accounts: typeof import("@/lib/auth/accounts");
let team: typeof import("@/lib/auth/team");
let tokens: typeof import("@/lib/auth/tokens");
let caller: typeof import("@/lib/auth/caller");
let sessions: typeof import("@/lib/auth/sessions");
const PASSWORD = "a long enough password";

beforeAll(async () => {
  env = freshStudioEnv("http://127.0.0.1:9", "unused", {
    STUDIO_RATE_SIGNIN_PER_ACCOUNT: "3",
    STUDIO_RATE_SIGNIN_PER_IP: "1000",
  });
  // Start empty, as a new studio does: no seeded team or person, but a record from before accounts.
  // (Through the studio's client, one statement at a time: the same on SQLite and PostgreSQL.)
  const { db } = await import("@/lib/db");
  for (const stmt of [
    `DELETE FROM "Membership"`,
    `DELETE FROM "Team"`,
    `DELETE FROM "User"`,
    `INSERT INTO "Generation" ("id", "model", "mode", "updatedAt") VALUES ('gen-before-accounts', 'T0401001', 'text-to-video', CURRENT_TIMESTAMP)`,
  ])
    await db().$executeRawUnsafe(stmt);
  accounts = await import("@/lib/auth/accounts");
  team = await import("@/lib/auth/team");
  tokens = await import("@/lib/auth/tokens");
  caller = await import("@/lib/auth/caller");
  sessions = await import("@/lib/auth/sessions");
});

const cookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

describe("accounts", () => {
  it("first run: the first account is an operator and admin, adopts older records, and setup works once", async () => {
    expect(await accounts.hasUsers()).toBe(false);
    const { user, team: first } = await accounts.setupFirstAccount({
      name: "Ada",
      email: "ADA@Example.com",
      password: PASSWORD,
      teamName: "Paper City",
    });
    expect(user.email).toBe("ada@example.com");
    const db = (await import("@/lib/db")).db();
    expect(await db.user.findUnique({ where: { id: user.id } })).toMatchObject({ operator: true });
    expect(await db.membership.findFirst({ where: { userId: user.id } })).toMatchObject({
      teamId: first.id,
      role: "admin",
    });
    expect(await db.generation.findUnique({ where: { id: "gen-before-accounts" } })).toMatchObject({
      teamId: first.id,
      createdById: user.id,
    });
    await expect(
      accounts.setupFirstAccount({ name: "Eve", email: "eve@example.com", password: PASSWORD, teamName: "Mine" }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(
      accounts.signUpRequest.safeParse({ name: "x", email: "y@example.com", password: "short" }).error?.issues[0]
        .message,
    ).toContain("at least 10");
  });

  it("sign-in: a session cookie; wrong passwords are counted per account and answer 429 with the wait", async () => {
    const headers = new Headers({ "x-forwarded-for": "203.0.113.7", "user-agent": "vitest" });
    const ok = await sessions.signIn(headers, { email: "ada@example.com", password: PASSWORD });
    expect(ok.status).toBe(200);
    const who = await caller.resolveCaller(new Headers({ cookie: cookieOf(ok) }));
    expect(who).toMatchObject({ role: "admin", via: "session", team: { name: "Paper City" } });
    // Three wrong passwords (the limit set above) are each told so; the fourth attempt waits.
    for (let i = 0; i < 3; i++)
      await expect(
        sessions.signIn(headers, { email: "ada@example.com", password: "wrong password!" }),
      ).rejects.toMatchObject({ code: "unauthorized" });
    await expect(
      sessions.signIn(headers, { email: "ada@example.com", password: "wrong password!" }),
    ).rejects.toMatchObject({ code: "rate_limited", details: { retryAfter: expect.any(Number) } });
    // Even the right password waits now: the account is locked for the window.
    const locked = await sessions.signIn(headers, { email: "ada@example.com", password: PASSWORD }).catch((e) => e);
    expect(locked).toMatchObject({ code: "rate_limited", message: expect.stringMatching(/try again in \d+ s/) });
  });

  it("invites: single use, role kept, expired or revoked ones refused; the last admin stays admin", async () => {
    const db = (await import("@/lib/db")).db();
    const ada = (await db.user.findUnique({ where: { email: "ada@example.com" } }))!;
    const admin = (await caller.resolveCaller(
      new Headers({
        authorization: `Bearer ${(await tokens.createToken({ userId: ada.id, teamId: (await accounts.teamsOf(ada.id))[0].id }, "t")).token}`,
      }),
    ))!;
    const inv = await team.createInvite(admin, { role: "reviewer", expiresInHours: 1 });
    const joined = await team.acceptInvite(inv.token, null, {
      name: "Rae",
      email: "rae@example.com",
      password: PASSWORD,
    });
    expect(await db.membership.findFirst({ where: { userId: joined.userId } })).toMatchObject({
      role: "reviewer",
      teamId: admin.teamId,
    });
    await expect(
      team.acceptInvite(inv.token, null, { name: "Sam", email: "sam@example.com", password: PASSWORD }),
    ).rejects.toMatchObject({ code: "not_found" });
    const stale = await team.createInvite(admin, { role: "member", expiresInHours: 1 });
    await db.invite.update({ where: { id: stale.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(team.describeInvite(stale.token)).rejects.toMatchObject({ code: "not_found" });
    const revoked = await team.createInvite(admin, { role: "member", expiresInHours: 1 });
    await team.revokeInvite(admin, revoked.id);
    await expect(
      team.acceptInvite(revoked.token, null, { name: "Sam", email: "sam@example.com", password: PASSWORD }),
    ).rejects.toMatchObject({ code: "not_found" });
    // An e-mail already taken does not burn the link.
    const reuse = await team.createInvite(admin, { role: "member", expiresInHours: 1 });
    await expect(
      team.acceptInvite(reuse.token, null, { name: "Rae again", email: "rae@example.com", password: PASSWORD }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(team.describeInvite(reuse.token)).resolves.toMatchObject({ role: "member" });
    await expect(team.setMemberRole(admin, ada.id, "member")).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("at least one admin"),
    });
  });

  it("tokens: only a SHA-256 at rest, last use recorded, revoked → refused; a removed member's tokens stop at once", async () => {
    const db = (await import("@/lib/db")).db();
    const rae = (await db.user.findUnique({ where: { email: "rae@example.com" } }))!;
    const teamId = (await accounts.teamsOf(rae.id))[0].id;
    const made = await tokens.createToken({ userId: rae.id, teamId }, "script");
    const row = (await db.apiToken.findUnique({ where: { id: made.id } }))!;
    expect(row.tokenHash).toBe(createHash("sha256").update(made.token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(made.token.slice(4));
    expect(row.lastUsedAt).toBeNull();
    const who = await caller.resolveCaller(new Headers({ authorization: `Bearer ${made.token}` }));
    expect(who).toMatchObject({ role: "reviewer", via: "token", tokenId: made.id });
    expect((await db.apiToken.findUnique({ where: { id: made.id } }))!.lastUsedAt).not.toBeNull();
    await tokens.revokeToken({ userId: rae.id, teamId }, made.id);
    await expect(caller.resolveCaller(new Headers({ authorization: `Bearer ${made.token}` }))).rejects.toMatchObject({
      code: "unauthorized",
    });
    await expect(caller.resolveCaller(new Headers({ authorization: "Bearer tds_made-up" }))).rejects.toMatchObject({
      code: "unauthorized",
    });

    const second = await tokens.createToken({ userId: rae.id, teamId }, "second");
    const ada = (await db.user.findUnique({ where: { email: "ada@example.com" } }))!;
    const admin = {
      ...(await caller.resolveCaller(
        new Headers({ authorization: `Bearer ${(await tokens.createToken({ userId: ada.id, teamId }, "a")).token}` }),
      ))!,
    };
    await team.removeMember(admin, rae.id);
    await expect(caller.resolveCaller(new Headers({ authorization: `Bearer ${second.token}` }))).rejects.toMatchObject({
      code: "unauthorized",
    });
  });

  it("a token's caller is remembered, yet an operator flag, a name or a team's new name shows at the next request", async () => {
    const db = (await import("@/lib/db")).db();
    const ada = (await db.user.findUnique({ where: { email: "ada@example.com" } }))!;
    const teamId = (await accounts.teamsOf(ada.id))[0].id;
    const made = await tokens.createToken({ userId: ada.id, teamId }, "cached");
    const ask = () => caller.resolveCaller(new Headers({ authorization: `Bearer ${made.token}` }));
    const first = (await ask())!;
    expect(await ask()).toBe(first); // remembered: the same object, no reads
    await db.user.update({ where: { id: ada.id }, data: { operator: !first.user.operator } });
    expect((await ask())!.user.operator).toBe(!first.user.operator);
    await db.user.update({ where: { id: ada.id }, data: { operator: first.user.operator } });
    await db.team.update({ where: { id: teamId }, data: { name: "Renamed team" } });
    expect((await ask())!.team.name).toBe("Renamed team");
    await db.team.update({ where: { id: teamId }, data: { name: first.team.name } });
  });

  it("the CLI: creates people and teams, prints a token alone on the last line, and that token works", async () => {
    const cli = (...args: string[]) =>
      spawnSync(
        process.execPath,
        [path.resolve("node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/cli.ts", ...args],
        {
          env: { ...process.env, STUDIO_ENV_FILE: "none", STUDIO_DATA_DIR: env.dir, DATABASE_URL: env.databaseUrl },
          encoding: "utf8",
        },
      );
    const made = cli("user", "create", "--email", "cli@example.com", "--password", PASSWORD, "--team", "Night Shift");
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toContain("Night Shift: admin");
    const joined = cli(
      "user",
      "create",
      "--email",
      "cli2@example.com",
      "--password",
      PASSWORD,
      "--team",
      "Night Shift",
    );
    expect(joined.stdout).toContain("Night Shift: member");
    const bad = cli("user", "create", "--email", "not-an-email", "--password", PASSWORD);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("valid e-mail");
    const tok = cli("token", "create", "--email", "cli@example.com", "--team", "Night Shift", "--name", "nightly");
    expect(tok.status, tok.stderr).toBe(0);
    const token = tok.stdout.trim().split("\n").pop()!;
    expect(token).toMatch(/^tds_[\w-]{40,}$/);
    expect(await caller.resolveCaller(new Headers({ authorization: `Bearer ${token}` }))).toMatchObject({
      role: "admin",
      team: { name: "Night Shift" },
    });
    expect(cli("user", "list").stdout).toMatch(/cli@example\.com\t.*Night Shift:admin/);
    expect(
      cli("user", "set-password", "--email", "cli@example.com", "--password", "another long password").status,
    ).toBe(0);
  }, 180_000);
});
