import { z } from "zod";
import { createGenerationRequest } from "@/lib/generations/schema";
import { STATUSES } from "@/lib/generations/status";
import { MODES } from "@/lib/catalog/types";
import { ROUTE_TABLE } from "./route-table";

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
const error = { type: "object", required: ["error"], properties: { error: { type: "object", required: ["code", "message"], properties: { code: { type: "string" }, message: { type: "string" }, field: { type: "string" } } } } };
const asset = { type: "object", required: ["id", "kind", "mime", "size", "sha256"], properties: { id: { type: "string" }, kind: { enum: ["image", "video", "audio"] }, mime: { type: "string" }, size: { type: "integer" }, sha256: { type: "string" }, width: { type: "integer" }, height: { type: "integer" }, durationSeconds: { type: "number" }, archiveState: { enum: ["temporary", "archiving", "archived", "failed"] }, upstreamExpiresAt: { type: "string", format: "date-time" } } };
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
    outputs: { type: "array", items: { type: "object", required: ["assetId", "kind", "mime"], properties: { assetId: { type: "string" }, kind: { type: "string" }, mime: { type: "string" }, role: { type: "string" }, asset } } },
    createdAt: { type: "string", format: "date-time" },
    finishedAt: { type: "string", format: "date-time" },
  },
};
const errors = Object.fromEntries(["400", "401", "403", "404", "409", "413", "422", "429", "500"].map((c) => [c, { description: "error", content: { "application/json": { schema: error } } }]));
const ok = (schema: unknown, status = "200") => ({ [status]: { description: "ok", content: { "application/json": { schema } } }, ...errors });
const idParam = [{ name: "id", in: "path", required: true, schema: { type: "string" } }];

/** Detailed shapes where we have them; every other route gets its summary, security and permission from the table. */
const detailed = {
      "/api/v1/models": { get: { summary: "The catalog: models, modes, parameters with limits and defaults", responses: ok({ type: "array", items: { type: "object" } }) } },
      "/api/v1/generations": {
        post: { summary: "Create a generation (validated, recorded, then sent upstream)", requestBody: { required: true, content: { "application/json": { schema: json(createGenerationRequest) } } }, responses: ok(generation, "201") },
        get: {
          summary: "List generations, newest first",
          parameters: ["status", "model", "mode", "cursor", "limit"].map((name) => ({ name, in: "query", schema: name === "status" ? { enum: [...STATUSES] } : name === "mode" ? { enum: [...MODES] } : name === "limit" ? { type: "integer", minimum: 1, maximum: 100, default: 30 } : { type: "string" } })),
          responses: ok({ type: "object", required: ["items", "nextCursor"], properties: { items: { type: "array", items: generation }, nextCursor: { type: ["string", "null"] } } }),
        },
      },
      "/api/v1/generations/{id}": { get: { summary: "One generation", parameters: idParam, responses: ok(generation) } },
      "/api/v1/generations/{id}/cancel": { post: { summary: "Cancel where the upstream allows it (409 not_cancelable says why not)", parameters: idParam, responses: ok(generation) } },
      "/api/v1/assets": {
        post: {
          summary: "Upload a file (multipart field `file`, optional model/mode/role to check that model's limits) or import a public URL (JSON {url})",
          requestBody: { content: { "multipart/form-data": { schema: { type: "object", required: ["file"], properties: { file: { type: "string", format: "binary" }, model: { type: "string" }, mode: { type: "string" }, role: { type: "string" } } } }, "application/json": { schema: { type: "object", required: ["url"], properties: { url: { type: "string", format: "uri" } } } } } },
          responses: ok(asset, "201"),
        },
      },
      "/api/v1/assets/{id}": { get: { summary: "An asset's facts", parameters: idParam, responses: ok(asset) } },
      "/api/v1/assets/{id}/file": { get: { summary: "The bytes (Range supported)", parameters: idParam, responses: { "200": { description: "the file" }, "206": { description: "a range of the file" }, ...errors } } },
} as Record<string, Record<string, Record<string, unknown>>>;

const CALLER = [{ bearer: [] }, { cookie: [] }];

/** The REST contract as OpenAPI 3.1, generated from the same zod schemas the routes validate with. */
export function openApiDocument() {
  const paths: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const [p, methods] of Object.entries(ROUTE_TABLE)) {
    paths[p] = {};
    for (const [m, entry] of Object.entries(methods)) {
      const params = [...p.matchAll(/\{(\w+)\}/g)].map((x) => ({ name: x[1], in: "path", required: true, schema: { type: "string" } }));
      paths[p][m] = {
        summary: entry.summary,
        ...(params.length ? { parameters: params } : {}),
        responses: ok({ type: "object" }),
        ...detailed[p]?.[m],
        security: entry.access === "public" ? [] : CALLER,
        "x-permission": entry.access,
      };
    }
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "TD Studio API",
      version: "1",
      description: "Generations, assets, chat, voices, accounts and the model catalog. Send an API token as `Authorization: Bearer <token>` (Settings → API tokens) or use the browser's session cookie. Errors are always {error:{code,message,field?}}: 401 without a caller, 403 naming the missing permission, 404 for another team's record.",
    },
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "A personal API token, bound to one team" },
        cookie: { type: "apiKey", in: "cookie", name: "better-auth.session_token", description: "The signed-in browser's session (state-changing requests must come from the studio's own origin)" },
      },
    },
    paths,
  };
}
