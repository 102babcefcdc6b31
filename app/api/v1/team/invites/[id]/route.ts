import { route } from "@/lib/api/handler";
import { revokeInvite } from "@/lib/auth/team";

export const dynamic = "force-dynamic";

export const DELETE = route<{ id: string }>("team:manage", async (_req, caller, { id }) => {
  await revokeInvite(caller, id);
  return new Response(null, { status: 204 });
});
