import { readJson, route } from "@/lib/api/handler";
import { changePassword, changePasswordRequest } from "@/lib/auth/sessions";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** POST /api/v1/auth/password {currentPassword, newPassword} → changed; every other session is signed out. */
export const POST = route("signed-in", async (req, caller) => {
  if (caller.via !== "session")
    throw new AppError(
      "forbidden",
      "A password can only be changed from a signed-in browser, not with an API token.",
      undefined,
      { reason: "password_via_token" },
    );
  return changePassword(req.headers, changePasswordRequest.parse(await readJson(req)));
});
