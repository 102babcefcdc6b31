import { route } from "@/lib/api/handler";
import { revokeToken } from "@/lib/auth/tokens";

export const dynamic = "force-dynamic";

/** DELETE /api/v1/tokens/{id} → 204; the token answers 401 from now on. */
export const DELETE = route<{ id: string }>("token:manage", async (_req, caller, { id }) => {
  await revokeToken(caller, id);
  return new Response(null, { status: 204 });
});
