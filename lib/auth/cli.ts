import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import {
  addMember,
  createAccount,
  emailField,
  nameField,
  passwordField,
  roleField,
  setPassword,
  teamNameField,
  teamsOf,
} from "./accounts";
import { isRole, type Role } from "./permissions";
import { createToken } from "./tokens";

type Values = {
  email?: string;
  password?: string;
  name?: string;
  team?: string;
  role?: string;
  operator?: boolean;
  id?: string;
  n?: string;
  remove?: boolean;
};

async function userByEmail(raw: string | undefined) {
  const email = emailField.parse(raw ?? "");
  const user = await db().user.findUnique({ where: { email } });
  if (!user) throw new AppError("not_found", `no account for ${email}`);
  return user;
}

/** The command line's verbs, on the same domain code as the web pages (scripts/cli.ts parses the flags). */
export async function runCli(command: string, v: Values, print: (line: string) => void): Promise<void> {
  switch (command) {
    case "seed gallery": {
      const { removeDemoGallery, seedDemoGallery } = await import("@/lib/gallery/demo-seed");
      const team = await db().team.findUnique({ where: { name: teamNameField.parse(v.team ?? "") } });
      if (!team) throw new AppError("not_found", `no team named ${v.team}`);
      if (v.remove) {
        print(`removed ${await removeDemoGallery(team.id)} demo items from ${team.name}`);
        return;
      }
      const n = Number(v.n ?? 1000);
      if (!Number.isInteger(n) || n < 1 || n > 1_000_000)
        throw new AppError("invalid_request", "--n is 1 to 1,000,000");
      const admin = await db().membership.findFirst({
        where: { teamId: team.id, role: "admin" },
        orderBy: { createdAt: "asc" },
      });
      if (!admin) throw new AppError("not_found", `team ${team.name} has no admin to credit the demo items to`);
      const t0 = Date.now();
      await seedDemoGallery(team.id, admin.userId, n, { log: print });
      print(`added ${n} demo items to ${team.name} in ${((Date.now() - t0) / 1000).toFixed(1)} s (remove: --remove)`);
      return;
    }
    case "user create": {
      const email = emailField.parse(v.email ?? "");
      const role: Role | undefined = v.role === undefined ? undefined : roleField.parse(v.role);
      const existing = await db().user.findUnique({ where: { email } });
      const user =
        existing ??
        (await createAccount({
          email,
          password: passwordField.parse(v.password ?? ""),
          name: nameField.parse(v.name ?? email.split("@")[0]),
          operator: v.operator,
        }));
      if (existing && v.operator) await db().user.update({ where: { id: existing.id }, data: { operator: true } });
      if (v.team) {
        const name = teamNameField.parse(v.team);
        let team = await db().team.findUnique({ where: { name } });
        // A new team's first person is its admin unless a role was given; an existing team adds them as member.
        if (!team) {
          team = await db().team.create({ data: { id: crypto.randomUUID(), name } });
          await addMember(team.id, user.id, role ?? "admin");
        } else await addMember(team.id, user.id, role ?? "member");
      }
      print(`${existing ? "updated" : "created"} ${user.email} (${user.id})${v.operator ? ", operator" : ""}`);
      for (const t of await teamsOf(user.id)) print(`  ${t.name}: ${t.role}`);
      return;
    }
    case "user list": {
      const users = await db().user.findMany({
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        include: { memberships: { include: { team: true } } },
      });
      for (const u of users) {
        const teams = u.memberships.map((m) => `${m.team.name}:${m.role}`).join(", ");
        print(`${u.email}\t${u.name}${u.operator ? "\toperator" : ""}\t${teams}`);
      }
      return;
    }
    case "user set-password": {
      const user = await userByEmail(v.email);
      await setPassword(user.id, v.password ?? "");
      await db().session.deleteMany({ where: { userId: user.id } }); // a reset password ends every session
      print(`password changed for ${user.email}; their sessions were signed out`);
      return;
    }
    case "token create": {
      const user = await userByEmail(v.email);
      const teams = await teamsOf(user.id);
      const team = v.team ? teams.find((t) => t.name === v.team) : teams[0];
      if (!team)
        throw new AppError(
          "not_found",
          v.team ? `${user.email} is not a member of ${v.team}` : `${user.email} is in no team`,
        );
      const t = await createToken({ userId: user.id, teamId: team.id }, v.name?.trim() || "cli");
      print(`token ${t.id} "${t.name}" for ${user.email} in ${team.name} (${isRole(team.role) ? team.role : "?"}):`);
      print(t.token);
      return;
    }
    case "token revoke": {
      if (!v.id) throw new AppError("invalid_request", "--id is required");
      const r = await db().apiToken.updateMany({
        where: { id: v.id, revokedAt: null },
        data: { revokedAt: new Date() },
      });
      if (r.count === 0) throw new AppError("not_found", `no open token ${v.id}`);
      print(`revoked ${v.id}`);
      return;
    }
    default:
      throw new AppError("invalid_request", `unknown command "${command}" (see npm run cli -- --help)`);
  }
}
