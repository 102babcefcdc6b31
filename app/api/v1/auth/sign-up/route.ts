import { publicRoute, readJson } from "@/lib/api/handler";
import { addMember, createAccount, signUpRequest } from "@/lib/auth/accounts";
import { signIn } from "@/lib/auth/sessions";
import { openSignupTeam } from "@/lib/auth/team";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** POST /api/v1/auth/sign-up {name, email, password} → only while an admin has switched open sign-up on. */
export const POST = publicRoute(async (req) => {
  const team = await openSignupTeam();
  if (!team)
    throw new AppError(
      "forbidden",
      "Sign-up is closed: new people join with an invite link from a team admin.",
      undefined,
      { reason: "signup_closed" },
    );
  const body = signUpRequest.parse(await readJson(req));
  const user = await createAccount(body);
  await addMember(team.id, user.id, "member");
  return signIn(req.headers, { email: body.email, password: body.password });
});
