import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";

describe("OpenAPI document", () => {
  it("describes the generation request with the same limits the route validates", () => {
    const doc = openApiDocument();
    const post = doc.paths["/api/v1/generations"].post as {
      requestBody: { content: Record<string, { schema: unknown }> };
    };
    const body = post.requestBody.content["application/json"].schema as {
      required: string[];
      properties: Record<string, { enum?: string[]; pattern?: string }>;
    };
    expect(body.required).toEqual(["model", "mode"]);
    expect(body.properties.mode.enum).toContain("multimodal-reference");
    expect(body.properties.model.pattern).toBe("^T\\d{7}$");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/v1/models", "/api/v1/generations/{id}/cancel", "/api/v1/assets/{id}/file"]),
    );
  });

  it("states each route's security: none for public routes, bearer or cookie with the permission otherwise", () => {
    const doc = openApiDocument();
    expect(doc.paths["/api/v1/models"].get).toMatchObject({ security: [], "x-permission": "public" });
    expect(doc.paths["/api/v1/generations"].post).toMatchObject({
      security: [{ bearer: [] }, { cookie: [] }],
      "x-permission": "generation:create",
    });
    expect(doc.paths["/api/v1/tokens/{id}"].delete).toMatchObject({ parameters: [{ name: "id", in: "path" }] });
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
  });
});
