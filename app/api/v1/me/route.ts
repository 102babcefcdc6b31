import { NextResponse } from "next/server";
import { z } from "zod";
import { readJson, route, type Caller } from "@/lib/api/handler";
import { nameField, teamsOf } from "@/lib/auth/accounts";
import { db } from "@/lib/db";
import { LOCALES } from "@/lib/i18n/locales";

export const dynamic = "force-dynamic";

const patchMe = z.object({ name: nameField.optional(), locale: z.enum(LOCALES).optional() });

async function me(caller: Caller) {
  const user = await db().user.findUniqueOrThrow({
    where: { id: caller.userId },
    select: { id: true, name: true, email: true, operator: true, locale: true },
  });
  return {
    user,
    team: caller.team,
    role: caller.role,
    permissions: caller.permissions,
    via: caller.via,
    teams: await teamsOf(caller.userId),
  };
}

/** GET /api/v1/me → who is asking: the person, the current team, the role and its permissions, all their teams. */
export const GET = route("signed-in", async (_req, caller) => NextResponse.json(await me(caller)));

/** PATCH /api/v1/me {name?, locale?} → the profile. */
export const PATCH = route("signed-in", async (req, caller) => {
  const body = patchMe.parse(await readJson(req));
  await db().user.update({ where: { id: caller.userId }, data: body });
  return NextResponse.json(await me(caller));
});
