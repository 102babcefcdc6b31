import { z } from "zod";
// Share links' request shapes: one schema each, used by the routes, the OpenAPI document and the dialog.

import { SHARE_MAX_DAYS, SHARE_PASSWORD_MAX, SHARE_PASSWORD_MIN } from "./share-limits";

export { SHARE_MAX_DAYS, SHARE_PASSWORD_MAX, SHARE_PASSWORD_MIN } from "./share-limits";

/** POST /api/v1/shares — exactly one of assetId / boardId. */
export const createShareRequest = z
  .object({
    assetId: z.string().min(1).max(64).optional(),
    boardId: z.string().min(1).max(64).optional(),
    /** ISO time in the future, at most a year ahead; absent = until revoked. */
    expiresAt: z.iso
      .datetime({ offset: true, message: "expected an ISO time such as 2026-12-31T23:59:00Z" })
      .optional()
      .refine((s) => !s || Date.parse(s) > Date.now(), "the expiry must be in the future")
      .refine(
        (s) => !s || Date.parse(s) <= Date.now() + SHARE_MAX_DAYS * 86_400_000,
        `a link lives at most ${SHARE_MAX_DAYS} days`,
      ),
    password: z
      .string()
      .min(SHARE_PASSWORD_MIN, `a password has at least ${SHARE_PASSWORD_MIN} characters`)
      .max(SHARE_PASSWORD_MAX, `a password has at most ${SHARE_PASSWORD_MAX} characters`)
      .optional(),
    showPrompt: z.boolean().default(false),
    allowDownload: z.boolean().default(false),
  })
  .refine((b) => !!b.assetId !== !!b.boardId, { message: "share either an assetId or a boardId", path: ["assetId"] });
export type CreateShareRequest = z.input<typeof createShareRequest>;

/** GET /api/v1/shares — the team's links, optionally those of one asset or board. */
export const listSharesQuery = z.object({
  assetId: z.string().max(64).optional(),
  boardId: z.string().max(64).optional(),
});

/** POST /api/v1/s/{token}/unlock */
export const unlockShareRequest = z.object({ password: z.string().min(1, "enter the password").max(1024) });
