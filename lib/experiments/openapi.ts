import type { z } from "zod";
import { createPromptRequest, createPromptVersionRequest, updatePromptRequest } from "@/lib/prompts/schema";
import { createExperimentRequest, duplicateExperimentRequest, listExperimentsQuery, voteRequest } from "./schema";

type Body = (schema: z.ZodType) => unknown;
type Ok = (schema: unknown, status?: string) => unknown;

const units = {
  type: "object",
  additionalProperties: { type: "number" },
  description: "units by kind, e.g. {video_second: 90}",
};
const estimate = {
  type: "object",
  required: ["units", "seconds"],
  properties: {
    units,
    cost: { type: "number", description: "at the price table in force; missing while no table is set" },
    currency: { type: "string" },
    seconds: { type: "number", description: "expected wall time with the team's experiment concurrency" },
  },
};
const cell = {
  type: "object",
  required: ["n", "row", "status", "outputs"],
  properties: {
    n: { type: "integer" },
    row: { type: "integer" },
    variant: { type: "integer", description: "blind mode: only after the caller voted on the row" },
    column: { type: "integer", description: "blind mode: the position in the caller's shuffled order of the row" },
    seed: { type: "integer" },
    generationId: { type: "string" },
    status: { enum: ["waiting", "queued", "running", "succeeded", "failed", "canceled", "expired"] },
    progress: { type: "integer" },
    outputs: { type: "array", items: { type: "object" } },
    text: { type: "string", description: "chat cells: the answer" },
    tokens: { type: "object" },
    cost: { type: "number" },
    seconds: { type: "number" },
    error: { type: "object" },
  },
};
const experiment = {
  type: "object",
  required: ["id", "name", "status", "variants", "rows", "cells"],
  properties: {
    id: { type: "string" },
    name: { type: "string" },
    status: { enum: ["running", "finished", "canceled"] },
    version: { type: "integer" },
    parentId: { type: "string" },
    blind: { type: "boolean" },
    variants: { type: "array", items: { type: "object" } },
    rows: {
      type: "array",
      items: { type: "object" },
      description: "prompts, then seeds/repeats; blind mode adds order (column → variant) and voted",
    },
    cells: { type: "array", items: cell },
    counts: { type: "object" },
  },
};
const results = {
  type: "object",
  properties: {
    variants: {
      type: "array",
      items: {
        type: "object",
        properties: {
          variant: { type: "integer" },
          wins: { type: "integer" },
          ties: { type: "integer" },
          votes: { type: "integer" },
          winRate: { type: ["number", "null"], description: "wins / votes" },
          averageCost: { type: "number" },
          averageSeconds: { type: "number" },
        },
      },
    },
    voters: { type: "array", items: { type: "object" } },
    totalVotes: { type: "integer" },
  },
};
const prompt = {
  type: "object",
  properties: {
    id: { type: "string" },
    name: { type: "string" },
    latest: { type: "object", description: "the newest version" },
  },
};

/** The experiment and prompt library routes' shapes (merged into the OpenAPI document). */
export function experimentPaths(body: Body, ok: Ok, idParam: unknown) {
  const created = {
    type: "object",
    required: ["id", "cells"],
    properties: { id: { type: "string" }, cells: { type: "integer" }, estimate },
  };
  const dry = {
    type: "object",
    required: ["cells", "estimate"],
    properties: {
      cells: { type: "integer" },
      estimate,
      plan: { type: "array", items: { type: "object" } },
      budget: { type: "object", description: "{fits} or {fits: false, budget, remaining, limit}" },
    },
  };
  return {
    "/api/v1/experiments": {
      post: {
        summary:
          "An experiment. dryRun → 200 the cells and the estimate, nothing sent; else 201 (refused 422 above the cell cap, 402 over a budget)",
        requestBody: body(createExperimentRequest),
        responses: { ...(ok(dry) as object), ...(ok(created, "201") as object) },
      },
      get: {
        summary: "The team's experiments, newest first",
        parameters: Object.keys(listExperimentsQuery.shape).map((name) => ({
          name,
          in: "query",
          schema: { type: "string" },
        })),
      },
    },
    "/api/v1/experiments/{id}": {
      get: {
        summary: "The grid (?blind=1: per-row shuffled columns; a row's cells say which variant they are once voted)",
        parameters: [
          ...(idParam as object[]),
          { name: "blind", in: "query", schema: { type: "string", enum: ["1", "0"] } },
        ],
        responses: ok(experiment),
      },
    },
    "/api/v1/experiments/{id}/votes": {
      post: { summary: "Vote on a row", parameters: idParam, requestBody: body(voteRequest), responses: ok(results) },
    },
    "/api/v1/experiments/{id}/results": { get: { summary: "Results", parameters: idParam, responses: ok(results) } },
    "/api/v1/experiments/{id}/cancel": {
      post: { summary: "Cancel the rest", parameters: idParam, responses: ok(experiment) },
    },
    "/api/v1/experiments/{id}/duplicate": {
      post: {
        summary: "Duplicate with changes (a new version)",
        parameters: idParam,
        requestBody: body(duplicateExperimentRequest),
        responses: ok(created, "201"),
      },
    },
    "/api/v1/prompts": {
      post: { summary: "Save a prompt", requestBody: body(createPromptRequest), responses: ok(prompt, "201") },
    },
    "/api/v1/prompts/{id}": {
      patch: {
        summary: "Name, tags, notes",
        parameters: idParam,
        requestBody: body(updatePromptRequest),
        responses: ok(prompt),
      },
    },
    "/api/v1/prompts/{id}/versions": {
      post: {
        summary: "A new version",
        parameters: idParam,
        requestBody: body(createPromptVersionRequest),
        responses: ok(prompt, "201"),
      },
    },
  };
}
