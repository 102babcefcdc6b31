import { z } from "zod";
import {
  boardItemsRequest,
  bulkRequest,
  createBoardRequest,
  galleryQuery,
  reorderBoardRequest,
  updateAssetRequest,
  updateBoardRequest,
} from "@/lib/gallery/schema";
import { createShareRequest, unlockShareRequest } from "@/lib/gallery/share-schema";
import { createGenerationRequest } from "@/lib/generations/schema";
import { STATUSES } from "@/lib/generations/status";
import { MODES } from "@/lib/catalog/types";
import { experimentPaths } from "@/lib/experiments/openapi";
import { reviewPaths } from "@/lib/review/openapi";
import { ROUTE_TABLE } from "./route-table";

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
const error = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: { code: { type: "string" }, message: { type: "string" }, field: { type: "string" } },
    },
  },
};
const asset = {
  type: "object",
  required: ["id", "kind", "mime", "size", "sha256"],
  properties: {
    id: { type: "string" },
    kind: { enum: ["image", "video", "audio"] },
    mime: { type: "string" },
    size: { type: "integer" },
    sha256: { type: "string" },
    width: { type: "integer" },
    height: { type: "integer" },
    durationSeconds: { type: "number" },
    archiveState: { enum: ["temporary", "archiving", "archived", "failed"] },
    upstreamExpiresAt: { type: "string", format: "date-time" },
  },
};
const generation = {
  type: "object",
  required: ["id", "model", "mode", "status", "outputs", "createdAt"],
  properties: {
    id: { type: "string" },
    model: { type: "string" },
    mode: { enum: [...MODES] },
    status: { enum: [...STATUSES] },
    progress: { type: "integer", minimum: 0, maximum: 100 },
    error: { type: "object", properties: { code: { type: "string" }, message: { type: "string" } } },
    outputs: {
      type: "array",
      items: {
        type: "object",
        required: ["assetId", "kind", "mime"],
        properties: {
          assetId: { type: "string" },
          kind: { type: "string" },
          mime: { type: "string" },
          role: { type: "string" },
          asset,
        },
      },
    },
    createdAt: { type: "string", format: "date-time" },
    finishedAt: { type: "string", format: "date-time" },
  },
};
const errors = Object.fromEntries(
  ["400", "401", "403", "404", "409", "413", "422", "429", "500"].map((c) => [
    c,
    { description: "error", content: { "application/json": { schema: error } } },
  ]),
);
const ok = (schema: unknown, status = "200") => ({
  [status]: { description: "ok", content: { "application/json": { schema } } },
  ...errors,
});
const idParam = [{ name: "id", in: "path", required: true, schema: { type: "string" } }];
const body = (schema: z.ZodType) => ({ required: true, content: { "application/json": { schema: json(schema) } } });
const galleryItem = {
  type: "object",
  required: ["assetId", "kind", "mime", "thumbnailUrl", "creator", "createdAt", "tags", "favorite"],
  properties: {
    assetId: { type: "string" },
    kind: { enum: ["image", "video", "audio"] },
    mime: { type: "string" },
    width: { type: "integer" },
    height: { type: "integer" },
    durationSeconds: { type: "number" },
    thumbnailUrl: { type: "string", description: "~400 px WebP (authenticated)" },
    thumbhash: { type: "string", description: "base64 ThumbHash placeholder" },
    generationId: { type: "string" },
    model: { type: "string" },
    mode: { type: "string" },
    prompt: { type: "string" },
    creator: { type: ["object", "null"], properties: { id: { type: "string" }, name: { type: "string" } } },
    createdAt: { type: "string", format: "date-time" },
    tags: { type: "array", items: { type: "string" } },
    favorite: { type: "boolean", description: "the caller's own star" },
    title: { type: "string" },
  },
};
const board = {
  type: "object",
  required: ["id", "name", "itemCount"],
  properties: {
    id: { type: "string" },
    name: { type: "string" },
    itemCount: { type: "integer" },
    coverAssetId: { type: "string" },
    coverUrl: { type: "string" },
  },
};
const queryParams = (schema: z.ZodObject) =>
  Object.entries((json(schema) as { properties: Record<string, unknown> }).properties).map(([name, s]) => ({
    name,
    in: "query",
    schema: s,
  }));

/** Detailed shapes where we have them; every other route gets its summary, security and permission from the table. */
const detailed = {
  "/api/v1/models": {
    get: {
      summary: "The catalog: models, modes, parameters with limits and defaults",
      responses: ok({ type: "array", items: { type: "object" } }),
    },
  },
  "/api/v1/generations": {
    post: {
      summary: "Create a generation (validated, recorded, then sent upstream)",
      requestBody: { required: true, content: { "application/json": { schema: json(createGenerationRequest) } } },
      responses: ok(generation, "201"),
    },
    get: {
      summary: "List generations, newest first",
      parameters: ["status", "model", "mode", "cursor", "limit"].map((name) => ({
        name,
        in: "query",
        schema:
          name === "status"
            ? { enum: [...STATUSES] }
            : name === "mode"
              ? { enum: [...MODES] }
              : name === "limit"
                ? { type: "integer", minimum: 1, maximum: 100, default: 30 }
                : { type: "string" },
      })),
      responses: ok({
        type: "object",
        required: ["items", "nextCursor"],
        properties: { items: { type: "array", items: generation }, nextCursor: { type: ["string", "null"] } },
      }),
    },
  },
  "/api/v1/generations/{id}": { get: { summary: "One generation", parameters: idParam, responses: ok(generation) } },
  "/api/v1/gallery": {
    get: {
      summary: "The team's gallery, newest first, keyset pages (team:read)",
      parameters: queryParams(galleryQuery),
      responses: ok({
        type: "object",
        required: ["items", "nextCursor"],
        properties: { items: { type: "array", items: galleryItem }, nextCursor: { type: ["string", "null"] } },
      }),
    },
  },
  "/api/v1/gallery/bulk": {
    post: {
      summary: "Favourite / tag / trash a selection (favourites: team:read; the rest: gallery:organize)",
      requestBody: body(bulkRequest),
      responses: ok({ type: "object", properties: { changed: { type: "integer" } } }),
    },
  },
  "/api/v1/boards": {
    get: {
      summary: "The team's boards (team:read)",
      responses: ok({ type: "object", properties: { items: { type: "array", items: board } } }),
    },
    post: {
      summary: "Create a board (gallery:organize)",
      requestBody: body(createBoardRequest),
      responses: ok(board, "201"),
    },
  },
  "/api/v1/boards/{id}": {
    get: {
      summary: "One board; its items are GET /api/v1/gallery?board={id}",
      parameters: idParam,
      responses: ok(board),
    },
    patch: {
      summary: "Rename, set the cover (gallery:organize)",
      parameters: idParam,
      requestBody: body(updateBoardRequest),
      responses: ok(board),
    },
    delete: {
      summary: "Delete the board, keep its assets (gallery:organize)",
      parameters: idParam,
      responses: { "204": { description: "deleted" }, ...errors },
    },
  },
  "/api/v1/boards/{id}/items": {
    post: {
      summary: "Add assets (gallery:organize)",
      parameters: idParam,
      requestBody: body(boardItemsRequest),
      responses: ok({ type: "object", properties: { added: { type: "integer" }, board } }),
    },
    delete: {
      summary: "Remove assets (gallery:organize)",
      parameters: idParam,
      requestBody: body(boardItemsRequest),
      responses: ok({ type: "object", properties: { removed: { type: "integer" }, board } }),
    },
    patch: {
      summary:
        "Reorder: move assetId just before `before` (an item of the board), or last without it (gallery:organize)",
      parameters: idParam,
      requestBody: body(reorderBoardRequest),
      responses: ok({ type: "object", properties: { board } }),
    },
  },
  "/api/v1/shares": {
    post: {
      summary: "A public, read-only link to one asset or board; the token is ≥ 128 bits and stored only hashed",
      requestBody: body(createShareRequest),
      responses: ok(
        {
          type: "object",
          required: ["id", "url"],
          properties: { id: { type: "string" }, url: { type: "string", format: "uri" }, state: { type: "string" } },
        },
        "201",
      ),
    },
  },
  "/api/v1/s/{token}/unlock": {
    post: {
      summary: "Unlock a password-protected link for this browser (httpOnly cookie); 429 after too many wrong tries",
      requestBody: body(unlockShareRequest),
      responses: { "204": { description: "unlocked" }, ...errors },
    },
  },
  "/api/v1/generations/{id}/cancel": {
    post: {
      summary: "Cancel where the upstream allows it (409 not_cancelable says why not)",
      parameters: idParam,
      responses: ok(generation),
    },
  },
  "/api/v1/assets": {
    post: {
      summary:
        "Upload a file (multipart field `file`, optional model/mode/role to check that model's limits) or import a public URL (JSON {url})",
      requestBody: {
        content: {
          "multipart/form-data": {
            schema: {
              type: "object",
              required: ["file"],
              properties: {
                file: { type: "string", format: "binary" },
                model: { type: "string" },
                mode: { type: "string" },
                role: { type: "string" },
              },
            },
          },
          "application/json": {
            schema: { type: "object", required: ["url"], properties: { url: { type: "string", format: "uri" } } },
          },
        },
      },
      responses: ok(asset, "201"),
    },
  },
  "/api/v1/assets/{id}": {
    get: { summary: "An asset's facts", parameters: idParam, responses: ok(asset) },
    patch: {
      summary: "Title and tags (gallery:organize), the caller's favourite (team:read) → the gallery item",
      parameters: idParam,
      requestBody: body(updateAssetRequest),
      responses: ok(galleryItem),
    },
    delete: {
      summary: "Move to the trash (gallery:organize)",
      parameters: idParam,
      responses: ok({ type: "object", properties: { assetId: { type: "string" }, trashed: { type: "boolean" } } }),
    },
  },
  "/api/v1/assets/{id}/restore": {
    post: {
      summary: "Out of the trash (gallery:organize)",
      parameters: idParam,
      responses: ok({ type: "object", properties: { assetId: { type: "string" }, trashed: { type: "boolean" } } }),
    },
  },
  "/api/v1/assets/{id}/thumbnail": {
    get: {
      summary: "The ~400 px WebP thumbnail",
      parameters: idParam,
      responses: { "200": { description: "image/webp" }, ...errors },
    },
  },
  "/api/v1/assets/{id}/lineage": {
    get: {
      summary: "madeFrom / usedIn generations with inputs and outputs, depth ≤ 5",
      parameters: idParam,
      responses: ok({ type: "object", properties: { madeFrom: { type: "array" }, usedIn: { type: "array" } } }),
    },
  },
  "/api/v1/assets/{id}/file": {
    get: {
      summary: "The bytes (Range supported)",
      parameters: idParam,
      responses: { "200": { description: "the file" }, "206": { description: "a range of the file" }, ...errors },
    },
  },
  ...reviewPaths(body, ok, idParam),
  ...experimentPaths(body, ok, idParam),
} as Record<string, Record<string, Record<string, unknown>>>;

const CALLER = [{ bearer: [] }, { cookie: [] }];

/** The REST contract as OpenAPI 3.1, generated from the same zod schemas the routes validate with. */
export function openApiDocument() {
  const paths: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const [p, methods] of Object.entries(ROUTE_TABLE)) {
    paths[p] = {};
    for (const [m, entry] of Object.entries(methods)) {
      const params = [...p.matchAll(/\{(\w+)\}/g)].map((x) => ({
        name: x[1],
        in: "path",
        required: true,
        schema: { type: "string" },
      }));
      paths[p][m] = {
        summary: entry.summary,
        ...(params.length ? { parameters: params } : {}),
        responses: ok({ type: "object" }),
        ...detailed[p]?.[m],
        security: entry.access === "public" ? [] : entry.access === "metrics-token" ? [{ metricsToken: [] }] : CALLER,
        "x-permission": entry.access,
      };
    }
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "TD Studio API",
      version: "1",
      description:
        "Generations, assets, chat, voices, accounts and the model catalog. Send an API token as `Authorization: Bearer <token>` (Settings → API tokens) or use the browser's session cookie. Errors are always {error:{code,message,field?}}: 401 without a caller, 403 naming the missing permission, 404 for another team's record.",
    },
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "A personal API token, bound to one team" },
        metricsToken: { type: "http", scheme: "bearer", description: "The operator's STUDIO_METRICS_TOKEN" },
        cookie: {
          type: "apiKey",
          in: "cookie",
          name: "better-auth.session_token",
          description:
            "The signed-in browser's session (state-changing requests must come from the studio's own origin)",
        },
      },
    },
    paths,
  };
}
