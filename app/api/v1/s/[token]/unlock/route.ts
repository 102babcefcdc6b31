import { NextResponse } from "next/server";
import { publicRoute, readJson } from "@/lib/api/handler";
import { clientIp } from "@/lib/auth/sessions";
import { unlockShare, unlockShareRequest } from "@/lib/gallery/shares";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/s/{token}/unlock {password} → 204 and an httpOnly cookie for this link. Wrong passwords are limited
 * per link and address (429 with Retry-After).
 */
export const POST = publicRoute<{ token: string }>(async (req, _caller, { token }) => {
  const { password } = unlockShareRequest.parse(await readJson(req));
  const c = await unlockShare(token, password, clientIp(req.headers));
  const res = new NextResponse(null, { status: 204 });
  res.cookies.set(c.name, c.value, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: req.nextUrl.protocol === "https:",
    ...(c.expires ? { expires: c.expires } : { maxAge: 30 * 86_400 }),
  });
  return res;
});
