import { z } from "zod";

// Review's request shapes: one schema each, used by the routes, the OpenAPI document and the client.

const unit = (name: string) =>
  z
    .number({ error: `${name} must be a number between 0 and 1` })
    .min(0, `${name} must be between 0 and 1 (the picture's left/top edge is 0)`)
    .max(1, `${name} must be between 0 and 1 (the picture's right/bottom edge is 1)`);

export const MAX_SHAPES = 20;
export const MAX_PATH_POINTS = 500;
export const MAX_COMMENT_LENGTH = 5000;

/** A drawing on the picture, on a 0–1 plane (x to the right, y down), as Frame.io stores annotations. */
export const shape = z.discriminatedUnion("type", [
  z.object({ type: z.literal("point"), x: unit("x"), y: unit("y") }),
  z
    .object({ type: z.literal("rect"), x: unit("x"), y: unit("y"), w: unit("w"), h: unit("h") })
    .refine((r) => r.x + r.w <= 1.000001 && r.y + r.h <= 1.000001, {
      message: "a rectangle must stay inside the picture (x + w and y + h at most 1)",
    }),
  z.object({
    type: z.literal("path"),
    points: z
      .array(z.tuple([unit("x"), unit("y")]))
      .min(2, "a drawing needs at least 2 points")
      .max(MAX_PATH_POINTS, `a drawing has at most ${MAX_PATH_POINTS} points`),
  }),
]);
export type Shape = z.infer<typeof shape>;

const seconds = (name: string) =>
  z
    .number({ error: `${name} must be a number of seconds` })
    .min(0, `${name} must be 0 or more seconds`)
    .max(24 * 3600, `${name} must be at most 86400 seconds`);

const body = z
  .string({ error: "body must be text" })
  .trim()
  .min(1, "a comment cannot be empty")
  .max(MAX_COMMENT_LENGTH, `a comment has at most ${MAX_COMMENT_LENGTH} characters`);

/** POST /api/v1/assets/{id}/comments */
export const createCommentRequest = z
  .object({
    body,
    timeSeconds: seconds("timeSeconds").optional(),
    endSeconds: seconds("endSeconds").optional(),
    shapes: z.array(shape).max(MAX_SHAPES, `at most ${MAX_SHAPES} shapes on one comment`).optional(),
    parentId: z.string().min(1).max(64).optional(),
  })
  .refine((c) => c.endSeconds === undefined || c.timeSeconds !== undefined, {
    message: "endSeconds needs timeSeconds (a range runs from timeSeconds to endSeconds)",
    path: ["endSeconds"],
  })
  .refine((c) => c.endSeconds === undefined || c.timeSeconds === undefined || c.endSeconds > c.timeSeconds, {
    message: "endSeconds must be after timeSeconds",
    path: ["endSeconds"],
  });
export type CreateCommentRequest = z.input<typeof createCommentRequest>;

/** PATCH /api/v1/comments/{id} — the body (its author only) and/or resolved (anyone who may comment). */
export const updateCommentRequest = z
  .object({ body: body.optional(), resolved: z.boolean().optional() })
  .refine((u) => u.body !== undefined || u.resolved !== undefined, { message: "send body or resolved" });

export const listCommentsQuery = z.object({
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

/** PUT /api/v1/assets/{id}/rating */
export const ratingRequest = z.object({
  stars: z
    .number({ error: "stars must be a whole number from 1 to 5" })
    .int("stars must be a whole number from 1 to 5")
    .min(1, "stars must be at least 1")
    .max(5, "stars must be at most 5"),
});

export const REVIEW_STATES = ["none", "in_review", "approved", "changes_requested", "rejected"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];
export const DECISIONS = ["in_review", "approved", "changes_requested", "rejected"] as const;
export type Decision = (typeof DECISIONS)[number];

/** POST /api/v1/assets/{id}/review */
export const reviewDecisionRequest = z.object({
  decision: z.enum(DECISIONS),
  note: z.string().trim().max(2000, "a note has at most 2000 characters").optional(),
});

/** GET /api/v1/notifications */
export const listNotificationsQuery = z.object({
  unread: z
    .union([z.boolean(), z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1")])
    .optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

/** POST /api/v1/notifications/read */
export const markReadRequest = z.union([
  z.object({ ids: z.array(z.string().min(1).max(64)).min(1, "name at least one notification").max(500) }),
  z.object({ all: z.literal(true) }),
]);

export const MAX_REQUEST_ASSETS = 200;
export const MAX_REQUEST_REVIEWERS = 50;
export const MAX_REQUEST_NOTE = 2000;
/** A due date at most this many days ahead. */
export const MAX_DUE_DAYS = 366;

/** POST /api/v1/reviews — a selection (assetIds) or a board, asked of people (reviewerIds) or the whole team. */
export const createReviewRequest = z
  .object({
    assetIds: z
      .array(z.string().min(1).max(64))
      .min(1, "assetIds: name at least one asset")
      .max(MAX_REQUEST_ASSETS, `assetIds: at most ${MAX_REQUEST_ASSETS} assets in one review request`)
      .optional(),
    boardId: z.string().min(1).max(64).optional(),
    // Counts are checked below: inside a union, zod would report only "invalid input".
    reviewerIds: z.union([z.literal("team"), z.array(z.string().min(1).max(64))], {
      error: 'reviewerIds must be a list of member ids or "team"',
    }),
    dueAt: z.iso.datetime({ offset: true, error: "dueAt must be an ISO 8601 date-time" }).optional(),
    note: z.string().trim().max(MAX_REQUEST_NOTE, `a note has at most ${MAX_REQUEST_NOTE} characters`).optional(),
  })
  .refine((r) => (r.assetIds === undefined) !== (r.boardId === undefined), {
    message: "send either assetIds or boardId (one of them, not both)",
    path: ["assetIds"],
  })
  .refine((r) => r.reviewerIds === "team" || r.reviewerIds.length > 0, {
    message: 'reviewerIds: name at least one person, or send "team"',
    path: ["reviewerIds"],
  })
  .refine((r) => r.reviewerIds === "team" || r.reviewerIds.length <= MAX_REQUEST_REVIEWERS, {
    message: `reviewerIds: at most ${MAX_REQUEST_REVIEWERS} people in one review request`,
    path: ["reviewerIds"],
  });
export type CreateReviewRequest = z.input<typeof createReviewRequest>;

/** GET /api/v1/reviews */
export const listReviewsQuery = z.object({
  /**
   * waiting: I am asked and have decisions left on a pending request; reviewer: I am asked; requested: I asked;
   * involved: either. Without it: every request of the team.
   */
  mine: z.enum(["waiting", "reviewer", "requested", "involved"]).optional(),
  overdue: z
    .union([z.boolean(), z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1")])
    .optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
