import { publicRoute, readJson } from "@/lib/api/handler";
import { signIn, signInRequest } from "@/lib/auth/sessions";

export const dynamic = "force-dynamic";

/** POST /api/v1/auth/sign-in {email, password} → sets the session cookie. 429 with Retry-After when guessed too often. */
export const POST = publicRoute(async (req) => signIn(req.headers, signInRequest.parse(await readJson(req))));
