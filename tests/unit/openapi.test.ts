import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";

describe("OpenAPI document", () => {
  it("describes the generation request with the same limits the route validates", () => {
    const doc = openApiDocument();
    const body = doc.paths["/api/v1/generations"].post.requestBody.content["application/json"].schema as { required: string[]; properties: Record<string, { enum?: string[]; pattern?: string }> };
    expect(body.required).toEqual(["model", "mode"]);
    expect(body.properties.mode.enum).toContain("multimodal-reference");
    expect(body.properties.model.pattern).toBe("^T\\d{7}$");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/models", "/api/v1/generations/{id}/cancel", "/api/v1/assets/{id}/file"]));
  });
});
