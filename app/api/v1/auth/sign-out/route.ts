import { publicRoute } from "@/lib/api/handler";
import { signOut } from "@/lib/auth/sessions";

export const dynamic = "force-dynamic";

/** POST /api/v1/auth/sign-out → ends this session and clears its cookie. */
export const POST = publicRoute(async (req) => signOut(req.headers));
