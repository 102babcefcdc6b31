import { NextResponse } from "next/server";
import { z } from "zod";
import { readJson, route } from "@/lib/api/handler";
import { createTeam, teamNameField } from "@/lib/auth/accounts";
import { listAllTeams } from "@/lib/auth/team";

export const dynamic = "force-dynamic";

/** GET /api/v1/teams → every team of the studio (operators only). */
export const GET = route("operator", async () => NextResponse.json({ items: await listAllTeams() }));

/** POST /api/v1/teams {name} → 201: a new team with the operator as its first admin. */
export const POST = route("operator", async (req, caller) => {
  const { name } = z.object({ name: teamNameField }).parse(await readJson(req));
  const team = await createTeam(name, caller.userId, "admin");
  return NextResponse.json({ id: team.id, name: team.name }, { status: 201 });
});
