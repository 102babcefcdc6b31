import { NextResponse } from "next/server";
import { z } from "zod";
import { publicRoute } from "@/lib/api/handler";
import { CATALOG } from "@/lib/catalog";

export const dynamic = "force-static";

/** GET /api/v1/models — the catalog: what each model is called, its family, modes, and what each mode accepts. */
export const GET = publicRoute(async () => {
  const models = CATALOG.map((m) => ({
    id: m.id,
    family: m.family,
    kind: m.kind,
    modes: m.modes.map((s) => s.mode),
    name: m.name,
    vendorName: m.vendorName,
    ...(m.typicalSeconds ? { typicalSeconds: m.typicalSeconds } : {}),
    cancel: m.cancel ?? "never",
    params: Object.fromEntries(
      m.modes.map((s) => [
        s.mode,
        {
          prompt: s.prompt,
          inputs: s.inputs,
          params: z.toJSONSchema(s.params, { io: "input", unrepresentable: "any" }),
        },
      ]),
    ),
  }));
  return NextResponse.json(models);
});
