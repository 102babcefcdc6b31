import { route } from "@/lib/api/handler";
import { revokeSession } from "@/lib/auth/sessions";

export const dynamic = "force-dynamic";

/** DELETE /api/v1/auth/sessions/{id} → signs that one session out. */
export const DELETE = route<{ id: string }>("signed-in", async (_req, caller, { id }) => {
  await revokeSession(caller.userId, id);
  return new Response(null, { status: 204 });
});
