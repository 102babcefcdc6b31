import type { z } from "zod";
import {
  createCommentRequest,
  createReviewRequest,
  markReadRequest,
  ratingRequest,
  reviewDecisionRequest,
  updateCommentRequest,
} from "./schema";

type Body = (schema: z.ZodType) => unknown;
type Ok = (schema: unknown, status?: string) => unknown;

const comment = {
  type: "object",
  required: ["id", "assetId", "parentId", "body", "author", "mentions", "resolved", "createdAt"],
  properties: {
    id: { type: "string" },
    assetId: { type: "string" },
    parentId: { type: ["string", "null"] },
    body: { type: "string", description: "plain text (never HTML); @Name mentions and links as typed" },
    author: { type: ["object", "null"], properties: { id: { type: "string" }, name: { type: "string" } } },
    timeSeconds: { type: "number" },
    endSeconds: { type: "number" },
    shapes: { type: "array", items: { type: "object" }, description: "point / rect / path on a 0–1 plane" },
    mentions: { type: "array", items: { type: "object" } },
    resolved: { type: "boolean" },
    createdAt: { type: "string", format: "date-time" },
  },
};

const reviewRequest = {
  type: "object",
  required: ["id", "state", "requestedBy", "wholeTeam", "overdue", "progress", "reviewers", "assets", "createdAt"],
  properties: {
    id: { type: "string" },
    state: {
      type: "string",
      enum: ["pending", "approved", "changes_requested", "rejected"],
      description:
        "any changes_requested → changes_requested; else any rejected → rejected; all approved → approved; else pending",
    },
    requestedBy: { type: ["object", "null"] },
    boardId: { type: "string" },
    wholeTeam: { type: "boolean" },
    note: { type: "string" },
    dueAt: { type: "string", format: "date-time" },
    overdue: { type: "boolean" },
    progress: { type: "object", properties: { decided: { type: "integer" }, total: { type: "integer" } } },
    reviewers: { type: "array", items: { type: "object" } },
    assetCount: { type: "integer" },
    myPending: { type: "integer" },
    assets: { type: "array", items: { type: "object" }, description: "each asset's state and decisions" },
    createdAt: { type: "string", format: "date-time" },
    completedAt: { type: "string", format: "date-time" },
  },
};

/** The review routes' request and answer shapes (merged into the OpenAPI document). */
export function reviewPaths(body: Body, ok: Ok, idParam: unknown) {
  return {
    "/api/v1/assets/{id}/comments": {
      get: {
        summary: "The asset's comments, oldest first; threads by parentId",
        parameters: idParam,
        responses: ok({
          type: "object",
          properties: { items: { type: "array", items: comment }, nextCursor: { type: "string" } },
        }),
      },
      post: {
        summary: "A comment or reply (review:comment)",
        parameters: idParam,
        requestBody: body(createCommentRequest),
        responses: ok(comment, "201"),
      },
    },
    "/api/v1/comments/{id}": {
      patch: {
        summary: "Edit (author) / resolve (review:comment)",
        parameters: idParam,
        requestBody: body(updateCommentRequest),
        responses: ok(comment),
      },
    },
    "/api/v1/assets/{id}/rating": {
      put: {
        summary: "The caller's stars (1–5)",
        parameters: idParam,
        requestBody: body(ratingRequest),
        responses: ok({ type: "object" }),
      },
    },
    "/api/v1/assets/{id}/review": {
      post: {
        summary: "Decide (review:decide)",
        parameters: idParam,
        requestBody: body(reviewDecisionRequest),
        responses: ok({ type: "object" }),
      },
    },
    "/api/v1/reviews": {
      post: {
        summary: "A review request (review:request)",
        requestBody: body(createReviewRequest),
        responses: ok(reviewRequest, "201"),
      },
      get: {
        summary: "Review requests",
        responses: ok({
          type: "object",
          properties: { items: { type: "array", items: reviewRequest }, nextCursor: { type: "string" } },
        }),
      },
    },
    "/api/v1/reviews/{id}": {
      get: { summary: "One review request", parameters: idParam, responses: ok(reviewRequest) },
    },
    "/api/v1/notifications/read": {
      post: { summary: "Mark read", requestBody: body(markReadRequest), responses: ok({ type: "object" }) },
    },
  };
}
